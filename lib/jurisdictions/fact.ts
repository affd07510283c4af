/*
 * Shape shared by the jurisdiction lists. Each list carries its legal source and the month it was last
 * checked against the official text (../../../shared/domain/DOMAIN.md §3): re-check a list before changing
 * it and move its `asOf` forward when you do.
 */

/** Month the lists in this folder were last checked against their sources. */
export const FACTS_AS_OF = "2026-11";

export interface CountryListFact {
  /** Upper-case ISO 3166-1 alpha-2 codes. */
  readonly codes: readonly string[];
  /** Citation and/or URL of the official text. */
  readonly source: string;
  /** YYYY-MM the list was last checked. */
  readonly asOf: string;
  readonly note?: string;
}

/** Membership test that tolerates lower case and surrounding spaces ("cn " -> CN). */
export function listIncludes(list: CountryListFact, code: string): boolean {
  return list.codes.includes(code.trim().toUpperCase());
}
