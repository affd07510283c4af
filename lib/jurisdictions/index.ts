export * from "./adequacy";
export * from "./countries";
export * from "./countries-of-concern";
export * from "./doj-thresholds";
export * from "./eea";
export * from "./fact";
export * from "./pipl";
