import type { TiaTransferBasis } from "@/db/schema/tia";
import { countryName, enumLabel, isEnumValue } from "@/lib/labels";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";

/*
 * The facts of a transfer a TIA assesses (DOMAIN.md §8): destination, data categories, access type, volume band
 * and mechanism. A change of any of them after completion is material and calls the assessment into review.
 * Framework-free (pure), so that the transfer service, the TIA service and the tests share it.
 */

/**
 * Bands of the estimated number of people (or devices) per 12 months. The bounds are the thresholds at which
 * the law that shapes a TIA changes what it asks: 1,000 is the US DOJ bulk threshold for biometric identifiers,
 * precise geolocation and 'omic data (28 CFR 202.205); 100,000 the DOJ threshold for covered personal
 * identifiers and the PIPL floor for a standard contract or certification (2024 Provisions Art. 5-8);
 * 1,000,000 the PIPL threshold for a CAC security assessment (Art. 7). A recount within a band is routine; a
 * move across a bound changes the risk the assessment weighed.
 */
export const VOLUME_BANDS = ["under_1000", "1000_to_99999", "100000_to_999999", "1000000_or_more"] as const;
export type VolumeBand = (typeof VOLUME_BANDS)[number];

/** The band of an estimated count. */
export function volumeBand(estimatedSubjects: number): VolumeBand {
  if (estimatedSubjects < 1_000) return "under_1000";
  if (estimatedSubjects < 100_000) return "1000_to_99999";
  if (estimatedSubjects < 1_000_000) return "100000_to_999999";
  return "1000000_or_more";
}

/** The bands in words, for the review reason (stored in English, as the engine's messages are). */
const BAND_WORDS: Readonly<Record<VolumeBand, string>> = {
  under_1000: "under 1,000",
  "1000_to_99999": "1,000 to 99,999",
  "100000_to_999999": "100,000 to 999,999",
  "1000000_or_more": "1,000,000 or more",
};

/** What of a transfer the basis reads: the stored transfer with its category keys. */
export interface TransferFacts {
  destinationCountry: string;
  accessType: string;
  estimatedSubjects: number;
  mechanism: string;
  dataCategories: readonly string[];
}

/** The basis of an assessment of this transfer as it stands. */
export function basisOf(transfer: TransferFacts): TiaTransferBasis {
  return {
    destinationCountry: transfer.destinationCountry,
    categoryKeys: [...new Set(transfer.dataCategories)].sort(),
    accessType: transfer.accessType,
    volumeBand: volumeBand(transfer.estimatedSubjects),
    mechanism: transfer.mechanism,
  };
}

const CATEGORY_NAMES: ReadonlyMap<string, string> = new Map(DATA_CATEGORY_TAXONOMY.map((category) => [category.key, category.name]));

/** A category by its name, as a reader knows it (a key the taxonomy does not hold, as it is). */
function categoryWords(key: string): string {
  return CATEGORY_NAMES.get(key) ?? key;
}

/** A stored code by its English label (a basis written before a value was renamed keeps its code). */
function words(kind: "accessType" | "transferMechanism", code: string): string {
  return isEnumValue(kind, code) ? enumLabel(kind, code, "en") : code;
}

function bandWords(band: string): string {
  return BAND_WORDS[band as VolumeBand] ?? band;
}

/**
 * The material changes between the basis a TIA assessed and the transfer now, each in words ("destination
 * changed from CN to HK"); empty when nothing material changed.
 */
export function materialChanges(assessed: TiaTransferBasis, now: TiaTransferBasis): string[] {
  const changes: string[] = [];
  if (assessed.destinationCountry !== now.destinationCountry) {
    changes.push(`destination changed from ${countryName(assessed.destinationCountry, "en")} to ${countryName(now.destinationCountry, "en")}`);
  }
  const before = new Set(assessed.categoryKeys);
  const after = new Set(now.categoryKeys);
  const added = [...after].filter((key) => !before.has(key));
  const removed = [...before].filter((key) => !after.has(key));
  if (added.length) changes.push(`data categories added: ${added.map(categoryWords).join(", ")}`);
  if (removed.length) changes.push(`data categories removed: ${removed.map(categoryWords).join(", ")}`);
  if (assessed.accessType !== now.accessType) changes.push(`access type changed from ${words("accessType", assessed.accessType)} to ${words("accessType", now.accessType)}`);
  if (assessed.volumeBand !== now.volumeBand) changes.push(`volume changed from ${bandWords(assessed.volumeBand)} to ${bandWords(now.volumeBand)} people per year`);
  if (assessed.mechanism !== now.mechanism) changes.push(`mechanism changed from ${words("transferMechanism", assessed.mechanism)} to ${words("transferMechanism", now.mechanism)}`);
  return changes;
}

/** The review reason of a set of material changes: one sentence, as transfers.tia_review_reason stores it. */
export function reviewReasonOf(changes: readonly string[]): string | null {
  if (!changes.length) return null;
  const text = changes.join("; ");
  return `Material change since the completed TIA: ${text}.`;
}
