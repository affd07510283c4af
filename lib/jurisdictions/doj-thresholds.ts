import type { DojCategory, VolumeUnit } from "@/db/schema/enums";
import { FACTS_AS_OF } from "./fact";

/*
 * US DOJ Data Security Program bulk thresholds, 28 CFR 202.205: "more than" N U.S. persons (or devices)
 * at any point in the preceding 12 months, through one covered data transaction or aggregated across
 * transactions between the same U.S. person and the same foreign or covered person. "Exceeds" is strict.
 */

export type DojCoveredCategory = Exclude<DojCategory, "none">;

export interface DojThreshold {
  /** Bulk when the 12-month count is strictly greater than this. */
  readonly threshold: number;
  /**
   * The 202.205 paragraph that sets the threshold: human genomic and the other human 'omic data share (a), so
   * together they are not a "combined" data set under (g). Null for government-related data, which 202.222
   * covers regardless of volume (it has no bulk threshold; its 0 reads "any volume").
   */
  readonly paragraph: "a" | "b" | "c" | "d" | "e" | "f" | null;
  /** 202.205(c) counts precise geolocation in U.S. devices, every other category in U.S. persons. */
  readonly unit: VolumeUnit;
  readonly label: string;
  readonly citation: string;
}

export const DOJ_BULK_THRESHOLDS: Readonly<Record<DojCoveredCategory, DojThreshold>> = {
  // 202.205(a): human genomic data > 100 U.S. persons, the other human 'omic data > 1,000 (202.224(a)(1) is
  // genomic data; (a)(2)-(4) epigenomic, proteomic and transcriptomic data).
  genomic: { threshold: 100, paragraph: "a", unit: "people", label: "Human genomic data", citation: "28 CFR 202.205(a), 202.224(a)(1)" },
  omic: {
    threshold: 1_000,
    paragraph: "a",
    unit: "people",
    label: "Other human 'omic data",
    citation: "28 CFR 202.205(a), 202.224(a)(2)-(4)",
  },
  biometric: { threshold: 1_000, paragraph: "b", unit: "people", label: "Biometric identifiers", citation: "28 CFR 202.205(b)" },
  precise_geolocation: {
    threshold: 1_000,
    paragraph: "c",
    unit: "devices",
    label: "Precise geolocation data",
    citation: "28 CFR 202.205(c)",
  },
  health: { threshold: 10_000, paragraph: "d", unit: "people", label: "Personal health data", citation: "28 CFR 202.205(d)" },
  financial: { threshold: 10_000, paragraph: "e", unit: "people", label: "Personal financial data", citation: "28 CFR 202.205(e)" },
  covered_identifier: {
    threshold: 100_000,
    paragraph: "f",
    unit: "people",
    label: "Covered personal identifiers",
    citation: "28 CFR 202.205(f)",
  },
  // 202.222: government-related data is covered "regardless of volume": any count above zero.
  government_related: {
    threshold: 0,
    paragraph: null,
    unit: "people",
    label: "Government-related data",
    citation: "28 CFR 202.222",
  },
};

/** The categories 202.205 sets a bulk threshold for (every one but government-related data). */
export function isBulkDojCategory(category: DojCoveredCategory): boolean {
  return DOJ_BULK_THRESHOLDS[category].paragraph !== null;
}

/**
 * 202.205(g): a combined data set holds data of more than one of paragraphs (a)-(f) (a listed identifier
 * linked to (a)-(e) data is a covered personal identifier, (f), so it counts as one). Government-related data
 * has no paragraph: it never makes a set combined.
 */
export function isCombinedDojDataSet(categories: readonly DojCoveredCategory[]): boolean {
  return new Set(categories.flatMap((c) => DOJ_BULK_THRESHOLDS[c].paragraph ?? [])).size > 1;
}

export const DOJ_THRESHOLDS_SOURCE = {
  source: "28 CFR 202.205 (bulk), 202.206 (encryption does not take data out of scope), 202.212 and 202.234 (listed identifiers), 202.222 (government-related data), 202.256 (U.S. person); https://www.ecfr.gov/current/title-28/chapter-I/part-202",
  asOf: FACTS_AS_OF,
} as const;

/** "more than N": exactly N is not bulk (202.205). */
export function exceedsDojThreshold(category: DojCoveredCategory, count: number): boolean {
  return count > DOJ_BULK_THRESHOLDS[category].threshold;
}

/**
 * 202.205(g): a combined data set (more than one category, or a listed identifier linked to (a)-(e)) is bulk
 * when any data type in it passes the LOWEST threshold among the categories it contains. Government-related
 * data is left out: its "any volume" is not a bulk threshold, and 202.222 covers it on its own.
 */
export function lowestDojThreshold(categories: readonly DojCoveredCategory[]): number | undefined {
  const bulk = categories.filter(isBulkDojCategory);
  if (bulk.length === 0) return undefined;
  return Math.min(...bulk.map((c) => DOJ_BULK_THRESHOLDS[c].threshold));
}
