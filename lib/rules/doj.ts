import {
  DOJ_BULK_THRESHOLDS,
  type DojCoveredCategory,
  isBulkDojCategory,
  isCombinedDojDataSet,
  lowestDojThreshold,
} from "@/lib/jurisdictions/doj-thresholds";
import type { DojExemption, DojIdentifierKind, ProcessorService, TransferStatus, VolumeUnit } from "@/db/schema/enums";
import { uniqueSorted } from "./format";
import { type IsoDate, isBefore } from "./iso-date";
import { type RecipientConcern, recipientOfConcern, twelveMonthsBefore } from "./predicates";
import type { CategoryFacts, SubjectRegion, TransferContext } from "./types";

/*
 * US DOJ Data Security Program (28 CFR part 202): which DOJ categories a transfer carries, and the
 * 12-month count per category summed over every transfer between the same exporter and the same recipient.
 * Encryption is deliberately not an input: encrypted data is still bulk sensitive personal data (202.206);
 * encryption is one of the CISA security requirements (202.248), recorded in cisaRequirementsMet.
 */

/** Stable order for messages and facts (most sensitive first, as in 202.205; government-related data last). */
const CATEGORY_ORDER: readonly DojCoveredCategory[] = [
  "genomic",
  "omic",
  "biometric",
  "precise_geolocation",
  "health",
  "financial",
  "covered_identifier",
  "government_related",
];

/**
 * Recipient services that are a "telecommunications, networking, or similar service" in the sense of
 * 202.212(b)(2): delivering a push message is messaging (202.252 names it), and hosting (cloud, CDN) carries the
 * network traffic of the service it hosts. The register's other services (support, analytics, advertising,
 * payments...) are not, so for them the (b)(2) exclusion never applies.
 */
export const DOJ_NETWORK_SERVICES: readonly ProcessorService[] = ["hosting", "push_messaging"];

export function providesNetworkService(service: ProcessorService): boolean {
  return DOJ_NETWORK_SERVICES.includes(service);
}

/** What a recipient does, where it changes what the data amounts to (202.212(b)(2)). */
export interface DojCategoryOptions {
  /** The recipient provides a telecommunications, networking or similar service (DOJ_NETWORK_SERVICES). */
  networkService?: boolean;
}

/** 202.234(f)-(h): the kinds 202.212(b)(2) lets link to each other for a network service. */
const NETWORK_SERVICE_KINDS: ReadonlySet<DojIdentifierKind> = new Set(["network", "account_authentication", "call_detail"]);

/**
 * Whether the listed identifiers of one transfer are covered personal identifiers (202.212):
 * - (a)(2): linked to other sensitive personal data, they are;
 * - (a)(1) with Example 1: one listed identifier alone is not; two or more linked together are, except
 * - (b)(1): demographic or contact data linked only to other demographic or contact data (name, email,
 *   phone number, postal address...), and
 * - (b)(2): network-based identifiers, account-authentication or call-detail data linked only to each other,
 *   as needed for a telecommunications, networking or similar service.
 */
function listedIdentifiersCovered(
  listedCount: number,
  kinds: ReadonlySet<DojIdentifierKind>,
  linkedToSensitiveData: boolean,
  options: DojCategoryOptions,
): boolean {
  if (listedCount === 0) return false;
  if (linkedToSensitiveData) return true;
  if (listedCount < 2) return false;
  if (kinds.size === 1 && kinds.has("demographic_contact")) return false;
  if (options.networkService === true && [...kinds].every((kind) => NETWORK_SERVICE_KINDS.has(kind))) return false;
  return true;
}

/**
 * The DOJ categories a set of data categories amounts to.
 * - A category with a DOJ category and no 202.234 identifier kind counts as that category.
 * - Listed identifiers (202.234: IMEI, MAC, advertising id, IP, email...) count as covered personal
 *   identifiers only when linked, in the same transfer, to another listed identifier or to other sensitive
 *   personal data, outside the 202.212(b) exclusions (listedIdentifiersCovered).
 * Linkability across transfers is not inferred (202.232 Example 3).
 */
export function effectiveDojCategories(
  categories: readonly CategoryFacts[],
  options: DojCategoryOptions = {},
): DojCoveredCategory[] {
  const found = new Set<DojCoveredCategory>();
  const listed = new Set<string>();
  const kinds = new Set<DojIdentifierKind>();
  for (const category of categories) {
    if (category.dojIdentifierKind !== null) {
      listed.add(category.key);
      kinds.add(category.dojIdentifierKind);
    } else if (category.dojCategory !== "none") {
      found.add(category.dojCategory);
    }
  }
  if (listedIdentifiersCovered(listed.size, kinds, found.size > 0, options)) found.add("covered_identifier");
  return CATEGORY_ORDER.filter((c) => found.has(c));
}

/**
 * 202.256, 202.206: only data relating to U.S. persons counts. A flow counts when its subject regions
 * include the US or a US state ("US", "US-CA"), or when none are recorded (nothing proves the data is not
 * U.S. persons'): an EU-only or China-only data set never does. The register does not split a flow's
 * estimate by region, so a mixed flow ("EU", "US-CA") counts with its whole estimate, conservatively.
 */
export function includesUsPersons(subjectRegions: readonly SubjectRegion[]): boolean {
  if (subjectRegions.length === 0) return true;
  // Asked for every transfer of a pair in every assessment of the pair: read each recorded list once.
  let us = US_PERSONS.get(subjectRegions);
  if (us === undefined) {
    us = subjectRegions.some((raw) => {
      const region = raw.trim().toUpperCase();
      return region === "US" || region.startsWith("US-");
    });
    US_PERSONS.set(subjectRegions, us);
  }
  return us;
}

const US_PERSONS = new WeakMap<readonly SubjectRegion[], boolean>();

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

/** Why a transfer of the pair carrying a category does not add to its count. */
export type DojLeftOutReason = "no-us-persons" | "exempt";

export interface DojCategoryCount {
  category: DojCoveredCategory;
  label: string;
  /** Sum of estimatedSubjects over the counted transfers carrying the category. */
  count: number;
  /** 202.205: people, or devices for precise geolocation. */
  unit: VolumeUnit;
  /**
   * Threshold applied: the category's own, or the lowest of the combined set (202.205(g)). 0 for
   * government-related data: covered at any volume (202.222).
   */
  threshold: number;
  ownThreshold: number;
  exceeds: boolean;
  transferIds: string[];
  destinations: string[];
  /** Units the counted transfers were recorded in (a mismatch is shown, not converted). */
  recordedUnits: VolumeUnit[];
  /** Transfers of the pair in the window that carry the category but do not count, and why. */
  leftOut: { transferId: string; reason: DojLeftOutReason }[];
}

export interface DojBulkAssessment {
  recipient: RecipientConcern;
  /** DOJ categories the subject transfer carries (government-related data included). */
  categories: DojCoveredCategory[];
  /** Data of more than one 202.205 paragraph (a listed identifier linked to (a)-(e) included): lowest threshold applies. */
  combined: boolean;
  /** The subject transfer's own data relates to U.S. persons (includesUsPersons). */
  usPersons: boolean;
  /** The subpart E exemption the subject transfer claims, or null. */
  exemption: DojExemption | null;
  windowStart: IsoDate;
  /** One per category of `categories`, government-related data included (threshold 0). */
  counts: DojCategoryCount[];
  /** The 202.205 bulk categories (not government-related data) whose count exceeds the threshold applied. */
  exceeding: DojCategoryCount[];
}

interface CandidateTransfer {
  id: string;
  destinationCountry: string;
  estimatedSubjects: number;
  volumeUnit: VolumeUnit;
  subjectRegions: readonly SubjectRegion[];
  dojExemption: DojExemption | null;
  categories: DojCoveredCategory[];
}

function candidate(transfer: Omit<CandidateTransfer, "categories">, categories: DojCoveredCategory[]): CandidateTransfer {
  return {
    id: transfer.id,
    destinationCountry: transfer.destinationCountry,
    estimatedSubjects: transfer.estimatedSubjects,
    volumeUnit: transfer.volumeUnit,
    subjectRegions: transfer.subjectRegions,
    dojExemption: transfer.dojExemption,
    categories,
  };
}

/**
 * Why a transfer carrying `category` does not add to its count, or null when it does:
 * - an exempt transaction (202.219, subpart E) is not a covered data transaction;
 * - bulk counts are of U.S. persons (202.205, 202.256). Government-related data is not: 202.222 defines it by
 *   the location or the link to the US Government, regardless of volume and of whose data it is.
 */
function leftOutReason(transfer: CandidateTransfer, category: DojCoveredCategory): DojLeftOutReason | null {
  if (transfer.dojExemption !== null) return "exempt";
  if (category !== "government_related" && !includesUsPersons(transfer.subjectRegions)) return "no-us-persons";
  return null;
}

// A full pass assesses every transfer of a group against the same aggregate (whose category lists the
// snapshot builds once per group): derive each list's DOJ categories once, not once per assessment. The
// recipient of a group is one processor, so one of the two caches serves it.
const EFFECTIVE = new WeakMap<readonly CategoryFacts[], DojCoveredCategory[]>();
const EFFECTIVE_NETWORK = new WeakMap<readonly CategoryFacts[], DojCoveredCategory[]>();

function sharedEffectiveDojCategories(categories: readonly CategoryFacts[], networkService: boolean): DojCoveredCategory[] {
  const cache = networkService ? EFFECTIVE_NETWORK : EFFECTIVE;
  let effective = cache.get(categories);
  if (effective === undefined) {
    effective = effectiveDojCategories(categories, { networkService });
    cache.set(categories, effective);
  }
  return effective;
}

/** The DOJ categories of the subject transfer, read with its recipient's service (202.212(b)(2)). */
export function transferDojCategories(ctx: Pick<TransferContext, "categories" | "processor">): DojCoveredCategory[] {
  return effectiveDojCategories(ctx.categories, { networkService: providesNetworkService(ctx.processor.service) });
}

/**
 * 202.205: counts add up over covered data transactions between the same U.S. person (the exporter
 * entity) and the same foreign or covered person (the recipient processor), never across recipients.
 * Only the subject transfer's own categories are assessed: a transfer is flagged for the data it carries.
 * A transfer adds to a count only when it relates to U.S. persons and claims no exemption (leftOutReason),
 * the subject transfer included. estimatedSubjects is used whatever its unit; for precise geolocation a
 * count in people is a lower bound of the devices (each person has at least one).
 */
export function assessDojBulk(ctx: TransferContext): DojBulkAssessment {
  const { transfer, processor, today } = ctx;
  const windowStart = twelveMonthsBefore(today);
  const recipient = recipientOfConcern(processor, transfer.destinationCountry);
  const networkService = providesNetworkService(processor.service);
  const categories = effectiveDojCategories(ctx.categories, { networkService });
  const bulkCategories = categories.filter(isBulkDojCategory);
  const combined = isCombinedDojDataSet(bulkCategories);
  const lowest = lowestDojThreshold(bulkCategories);

  const candidates: CandidateTransfer[] = [];
  if (countsTowardDojWindow(transfer, windowStart)) candidates.push(candidate(transfer, categories));
  for (const other of ctx.dojAggregate) {
    if (other.id === transfer.id) continue; // the subject is already counted
    if (other.exporterEntityId !== transfer.exporterEntityId || other.processorId !== transfer.processorId) continue;
    if (!countsTowardDojWindow(other, windowStart)) continue;
    candidates.push(candidate(other, sharedEffectiveDojCategories(other.categories, networkService)));
  }

  const counts = categories.map((category): DojCategoryCount => {
    const contributing: CandidateTransfer[] = [];
    const leftOut: DojCategoryCount["leftOut"] = [];
    for (const t of candidates) {
      if (!t.categories.includes(category)) continue;
      const reason = leftOutReason(t, category);
      if (reason === null) contributing.push(t);
      else leftOut.push({ transferId: t.id, reason });
    }
    const count = contributing.reduce((sum, t) => sum + Math.max(0, t.estimatedSubjects), 0);
    const own = DOJ_BULK_THRESHOLDS[category];
    const threshold = combined && lowest !== undefined && isBulkDojCategory(category) ? lowest : own.threshold;
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
      leftOut: leftOut.sort((a, b) => (a.transferId < b.transferId ? -1 : a.transferId > b.transferId ? 1 : 0)),
    };
  });

  return {
    recipient,
    categories,
    combined,
    usPersons: includesUsPersons(transfer.subjectRegions),
    exemption: transfer.dojExemption,
    windowStart,
    counts,
    exceeding: counts.filter((c) => c.exceeds && isBulkDojCategory(c.category)),
  };
}
