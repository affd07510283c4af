import { describe, expect, it } from "vitest";
import { neutralizeCell } from "./neutralize";

describe("neutralizeCell", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
  ])("prefixes an apostrophe to the text %j", (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it.each(["Acme Ltd", "深圳测试有限公司", "Réclame Numérique", "2025-01-01", "a=b", " =1", "'quoted", "— ; —", ""])(
    "leaves the harmless text %j alone",
    (input) => {
      expect(neutralizeCell(input)).toBe(input);
    },
  );

  it("keeps numbers as numbers, negative ones included", () => {
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell(0)).toBe(0);
    expect(neutralizeCell(1234.5)).toBe(1234.5);
  });

  it("turns missing values into an empty cell", () => {
    expect(neutralizeCell(null)).toBeNull();
    expect(neutralizeCell(undefined)).toBeNull();
  });
});
