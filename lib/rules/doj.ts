import {
  DOJ_BULK_THRESHOLDS,
  type DojCoveredCategory,
  lowestDojThreshold,
} from "@/lib/jurisdictions/doj-thresholds";
import type { TransferStatus, VolumeUnit } from "@/db/schema/enums";
import { uniqueSorted } from "./format";
import { type IsoDate, isBefore } from "./iso-date";
import { type RecipientConcern, recipientOfConcern, twelveMonthsBefore } from "./predicates";
import type { CategoryFacts, TransferContext } from "./types";

/*
 * US DOJ Data Security Program (28 CFR part 202): which DOJ categories a transfer carries, and the
 * 12-month count per category summed over every transfer between the same exporter and the same recipient.
 * Encryption is deliberately not an input: encrypted data is still bulk sensitive personal data (202.206);
 * encryption is one of the CISA security requirements (202.248), recorded in cisaRequirementsMet.
 */

/** Stable order for messages and facts (most sensitive first, as in 202.205). */
const CATEGORY_ORDER: readonly DojCoveredCategory[] = [
  "omic",
  "biometric",
  "precise_geolocation",
  "health",
  "financial",
  "covered_identifier",
];

/**
 * The DOJ categories a set of data categories amounts to.
 * - A category with a DOJ category and not marked as a listed identifier counts as that category.
 * - Listed identifiers (202.234: IMEI, MAC, advertising id, IP, email...) count as covered personal
 *   identifiers only when linked, in the same transfer, to another listed identifier or to other sensitive
 *   personal data (202.212). One listed identifier alone is not sensitive personal data.
 * Linkability across transfers is not inferred.
 */
export function effectiveDojCategories(categories: readonly CategoryFacts[]): DojCoveredCategory[] {
  const found = new Set<DojCoveredCategory>();
  const listed = new Set<string>();
  for (const category of categories) {
    if (category.dojIdentifierKind !== null) listed.add(category.key);
    else if (category.dojCategory !== "none") found.add(category.dojCategory);
  }
  if (listed.size >= 2 || (listed.size >= 1 && found.size >= 1)) found.add("covered_identifier");
  return CATEGORY_ORDER.filter((c) => found.has(c));
}

/**
 * Whether a transfer counts in the 12-month window ending today: not rejected, and not ended before the
 * window starts. A transfer marked ended without an end date is counted (nothing proves it left the
 * window). The start date is not checked: planned flows count, so the DPO sees a threshold crossing before
 * the data moves.
 */
export function countsTowardDojWindow(
  transfer: { status: TransferStatus; endDate: IsoDate | null },
  windowStart: IsoDate,
): boolean {
  if (transfer.status === "rejected") return false;
  return transfer.endDate === null || !isBefore(transfer.endDate, windowStart);
}

export interface DojCategoryCount {
  category: DojCoveredCategory;
  label: string;
  /** Sum of estimatedSubjects over the counted transfers carrying the category. */
  count: number;
  /** 202.205: people, or devices for precise geolocation. */
  unit: VolumeUnit;
  /** Threshold applied: the category's own, or the lowest of the combined set (202.205(g)). */
  threshold: number;
  ownThreshold: number;
  exceeds: boolean;
  transferIds: string[];
  destinations: string[];
  /** Units the counted transfers were recorded in (a mismatch is shown, not converted). */
  recordedUnits: VolumeUnit[];
}

export interface DojBulkAssessment {
  recipient: RecipientConcern;
  /** DOJ categories the subject transfer carries. */
  categories: DojCoveredCategory[];
  /** More than one category (a listed identifier linked to (a)-(e) included): lowest threshold applies. */
  combined: boolean;
  windowStart: IsoDate;
  counts: DojCategoryCount[];
  exceeding: DojCategoryCount[];
}

interface CountedTransfer {
  id: string;
  destinationCountry: string;
  estimatedSubjects: number;
  volumeUnit: VolumeUnit;
  categories: DojCoveredCategory[];
}

function countedTransfer(
  transfer: Omit<CountedTransfer, "categories">,
  categories: DojCoveredCategory[],
): CountedTransfer {
  return {
    id: transfer.id,
    destinationCountry: transfer.destinationCountry,
    estimatedSubjects: transfer.estimatedSubjects,
    volumeUnit: transfer.volumeUnit,
    categories,
  };
}

// A full pass assesses every transfer of a group against the same aggregate (whose category lists the
// snapshot builds once per group): derive each list's DOJ categories once, not once per assessment.
const EFFECTIVE = new WeakMap<readonly CategoryFacts[], DojCoveredCategory[]>();

function sharedEffectiveDojCategories(categories: readonly CategoryFacts[]): DojCoveredCategory[] {
  let effective = EFFECTIVE.get(categories);
  if (effective === undefined) {
    effective = effectiveDojCategories(categories);
    EFFECTIVE.set(categories, effective);
  }
  return effective;
}

/**
 * 202.205: counts add up over covered data transactions between the same U.S. person (the exporter
 * entity) and the same foreign or covered person (the recipient processor), never across recipients.
 * Only the subject transfer's own categories are assessed: a transfer is flagged for the data it carries.
 * estimatedSubjects is used whatever its unit; for precise geolocation a count in people is a lower bound
 * of the devices (each person has at least one).
 */
export function assessDojBulk(ctx: TransferContext): DojBulkAssessment {
  const { transfer, processor, today } = ctx;
  const windowStart = twelveMonthsBefore(today);
  const recipient = recipientOfConcern(processor, transfer.destinationCountry);
  const categories = effectiveDojCategories(ctx.categories);
  const combined = categories.length > 1;
  const lowest = lowestDojThreshold(categories);

  const counted: CountedTransfer[] = [];
  if (countsTowardDojWindow(transfer, windowStart)) {
    counted.push(countedTransfer(transfer, categories));
  }
  for (const other of ctx.dojAggregate) {
    if (other.id === transfer.id) continue; // the subject is already counted
    if (other.exporterEntityId !== transfer.exporterEntityId || other.processorId !== transfer.processorId) continue;
    if (!countsTowardDojWindow(other, windowStart)) continue;
    counted.push(countedTransfer(other, sharedEffectiveDojCategories(other.categories)));
  }

  const counts = categories.map((category): DojCategoryCount => {
    const contributing = counted.filter((t) => t.categories.includes(category));
    const count = contributing.reduce((sum, t) => sum + Math.max(0, t.estimatedSubjects), 0);
    const own = DOJ_BULK_THRESHOLDS[category];
    const threshold = combined && lowest !== undefined ? lowest : own.threshold;
    return {
      category,
      label: own.label,
      count,
      unit: own.unit,
      threshold,
      ownThreshold: own.threshold,
      // 202.205: "more than" the threshold; exactly the threshold is not bulk.
      exceeds: count > threshold,
      transferIds: uniqueSorted(contributing.map((t) => t.id)),
      destinations: uniqueSorted(contributing.map((t) => t.destinationCountry.toUpperCase())),
      recordedUnits: uniqueSorted(contributing.map((t) => t.volumeUnit)) as VolumeUnit[],
    };
  });

  return { recipient, categories, combined, windowStart, counts, exceeding: counts.filter((c) => c.exceeds) };
}
