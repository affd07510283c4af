import { type CountryListFact, FACTS_AS_OF, listIncludes } from "./fact";

/**
 * Protecting Americans' Data from Foreign Adversaries Act of 2024 (PADFA, Pub. L. 118-50 div. I, 15 U.S.C.
 * 9901): a data broker may not make personally identifiable sensitive data of a United States individual
 * available to a foreign adversary country or an entity controlled by one. "Foreign adversary country" is
 * a country named in 10 U.S.C. 4872(d)(2): North Korea, China, Russia and Iran. That is narrower than the
 * DOJ countries of concern (28 CFR 202.601 adds Cuba and Venezuela); Hong Kong and Macau are part of China.
 * PADFA is a separate statute enforced by the FTC: the exemptions of 28 CFR part 202 subpart E do not apply.
 */
export const PADFA_FOREIGN_ADVERSARY_COUNTRIES: CountryListFact = {
  codes: ["CN", "HK", "MO", "KP", "RU", "IR"],
  source: "15 U.S.C. 9901(c) (foreign adversary country, by reference to 10 U.S.C. 4872(d)(2))",
  asOf: FACTS_AS_OF,
};

export function isPadfaForeignAdversaryCountry(code: string): boolean {
  return listIncludes(PADFA_FOREIGN_ADVERSARY_COUNTRIES, code);
}
