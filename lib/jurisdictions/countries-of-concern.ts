import { type CountryListFact, FACTS_AS_OF, listIncludes } from "./fact";

/**
 * US DOJ Data Security Program countries of concern, 28 CFR 202.601(a). "China" includes the Hong Kong
 * and Macau Special Administrative Regions (28 CFR 202.208), so HK and MO are listed with CN.
 */
export const DOJ_COUNTRIES_OF_CONCERN: CountryListFact = {
  codes: ["CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE"],
  source: "28 CFR 202.601(a); 28 CFR 202.208 (China includes Hong Kong and Macau); https://www.ecfr.gov/current/title-28/chapter-I/part-202",
  asOf: FACTS_AS_OF,
};

export function isCountryOfConcern(code: string): boolean {
  return listIncludes(DOJ_COUNTRIES_OF_CONCERN, code);
}

/**
 * Mainland China only. PIPL applies to personal information handled in the mainland; Hong Kong (PDPO) and
 * Macau (PDPA) have their own laws, so HK and MO are NOT mainland for PIPL purposes (unlike the DOJ rule).
 */
export function isMainlandChina(code: string): boolean {
  return code.trim().toUpperCase() === "CN";
}
