import { z } from "zod";
import { iterateDojPairs, loadCategoryFacts, type DojPair, type DojTransferRecord } from "@/db/queries/export-doj";
import { FLAG_STATUSES, type DojExemption, type FlagStatus, type RecordStatus, type TransferStatus, type VolumeUnit } from "@/db/schema/enums";
import { DOJ_COUNTRIES_OF_CONCERN } from "@/lib/jurisdictions/countries-of-concern";
import { DOJ_EXEMPTION_FACTS, DOJ_EXEMPTIONS_SOURCE, dojExemptionHeading } from "@/lib/jurisdictions/doj-exemptions";
import { DOJ_BULK_THRESHOLDS, type DojCoveredCategory } from "@/lib/jurisdictions/doj-thresholds";
import {
  assessDojBulk,
  countsTowardDojWindow,
  dojBrokerageProhibited,
  dojBulkRestricted,
  dojGovernmentRelated,
  getRule,
  isTransferActive,
  recipientOfConcern,
  RULE_IDS,
  twelveMonthsBefore,
  uniqueSorted,
  type CategoryFacts,
  type DojAggregateTransfer,
  type DojBulkAssessment,
  type DojLeftOutReason,
  type Finding,
  type RuleId,
  type TransferContext,
} from "@/lib/rules";
import type { ExportColumn, ExportContext, ReportDefinition } from "./report";

/*
 * The US DOJ data security report (28 CFR part 202; DOMAIN.md §5): per exporting entity and recipient in a
 * country of concern (or a covered person), the DOJ categories of the data, their 12-month counts of U.S.
 * persons against the bulk thresholds, government-related data (covered at any volume), whether the
 * transactions are restricted or prohibited, the CISA security requirements, and the transfers that claim a
 * subpart E exemption, each with its section and justification.
 *
 * Nothing is recounted here: each transfer of the pair goes through the rules engine's own assessDojBulk
 * (202.205: the count sums every transaction between the same U.S. person and the same foreign or covered
 * person; only U.S. persons' data and no exempt transaction adds to it) and its three DOJ rules, exactly as
 * the flags are computed; this module only gathers the results by pair and category. One row per pair and
 * DOJ category of its covered transactions, one row per exempt transfer, and for a pair with neither one row
 * saying so, so that every recipient of concern is listed. A person reads labels, never an enum code: codes
 * stay in the JSON export only, next to their labels.
 */

export type DojStatus =
  | "prohibited"
  | "restricted-cisa-not-met"
  | "restricted-cisa-met"
  | "below-threshold"
  | "exempt"
  | "not-covered";

export const DOJ_STATUS_LABELS: Readonly<Record<DojStatus, string>> = {
  prohibited: "PROHIBITED",
  "restricted-cisa-not-met": "RESTRICTED — CISA security requirements NOT met",
  "restricted-cisa-met": "Restricted — CISA security requirements met",
  "below-threshold": "Below the bulk threshold",
  exempt: "Exempt (28 CFR part 202 subpart E)",
  "not-covered": "Not covered: no sensitive personal data of a DOJ category",
};

/** 202.205(c) counts devices for precise geolocation, U.S. persons otherwise (202.256). */
const UNIT_LABELS: Readonly<Record<VolumeUnit, string>> = { people: "U.S. persons", devices: "U.S. devices" };

const RECORD_STATUS_LABELS: Readonly<Record<RecordStatus, string>> = {
  draft: "Draft",
  submitted: "Submitted for review",
  approved: "Approved",
  rejected: "Rejected",
  offboarded: "Offboarded",
};

const TRANSFER_STATUS_LABELS: Readonly<Record<TransferStatus, string>> = {
  draft: "draft",
  submitted: "submitted for review",
  approved: "approved",
  rejected: "rejected",
  ended: "ended",
};

const FLAG_STATUS_LABELS: Readonly<Record<FlagStatus, string>> = { open: "open", accepted: "risk accepted", resolved: "resolved" };

const LEFT_OUT_LABELS: Readonly<Record<DojLeftOutReason, string>> = {
  "no-us-persons": "no U.S. persons (202.256)",
  exempt: "exempt (subpart E)",
};

export interface DojRow {
  exporterName: string;
  exporterCountry: string;
  recipientId: string;
  recipientName: string;
  recipientLegalName: string | null;
  recipientCountry: string;
  recipientStatus: RecordStatus;
  coveredPerson: boolean;
  /** Why the recipient is of concern: "processor country CN", "destination HK", "covered person". */
  concernReasons: string[];
  /** The DOJ category of a covered row; null for an exempt or a not-covered row (see `categories`). */
  category: DojCoveredCategory | null;
  /** The DOJ categories the row is about (an exempt transfer may carry several). */
  categories: DojCoveredCategory[];
  categoryLabel: string;
  /** people, or devices for precise geolocation (202.205(c)). */
  unit: VolumeUnit | null;
  /**
   * 12-month count summed over the pair (202.205) as the engine computes it: only transfers with U.S. persons
   * and no exemption. An exempt row shows its own transfer's estimate, which adds to no count.
   */
  count: number | null;
  /** The threshold applied: the category's own, or the lowest of a combined data set (202.205(g)); 0 for government-related data. */
  threshold: number | null;
  ownThreshold: number | null;
  combined: boolean;
  exceeds: boolean;
  transferIds: string[];
  destinations: string[];
  /** Transfers of the pair carrying the category but not counted, and why. */
  leftOut: { transferId: string; reason: DojLeftOutReason }[];
  /** Of the pair's counted transactions carrying the category. */
  cisa: "all met" | "partly met" | "not met" | "n/a";
  status: DojStatus;
  /** Why prohibited, when it is. */
  prohibitedBecause: string | null;
  citation: string;
  /** The subpart E exemption an exempt row's transfer claims, with its justification. */
  exemption: { code: DojExemption; section: string; heading: string; justification: string | null } | null;
  /** The rules engine raises one of its DOJ rules on one of the transfers. */
  engineFinding: boolean;
  /** DOJ flags stored on the transfers, not resolved: rule and lifecycle status. */
  storedFlags: { ruleId: RuleId; status: FlagStatus }[];
  windowStart: string;
  windowEnd: string;
  pendingMark: string | null;
}

function contextOf(transfer: DojTransferRecord, pair: DojPair, today: string, categories: Map<string, CategoryFacts>, aggregate: DojAggregateTransfer[]): TransferContext {
  const categoryFacts = transfer.categoryIds.flatMap((key) => categories.get(key) ?? []);
  return {
    today,
    transfer,
    activity: transfer.activity,
    processor: pair.recipient,
    // Only the DOJ functions read these contexts: they look at the recipient itself, never its parents or agreements.
    processorChain: [],
    exporter: pair.exporter,
    agreements: [],
    categories: categoryFacts,
    dojAggregate: aggregate,
  };
}

interface Assessed {
  transfer: DojTransferRecord;
  context: TransferContext;
  assessment: DojBulkAssessment;
  bulkFinding: Finding | null;
  brokerageFinding: Finding | null;
  governmentFinding: Finding | null;
  storedFlags: DojRow["storedFlags"];
}

const isRuleId = (value: string): value is RuleId => (RULE_IDS as readonly string[]).includes(value);
const isFlagStatus = (value: string): value is FlagStatus => (FLAG_STATUSES as readonly string[]).includes(value);

/** The query's "rule id: status" strings, typed; anything unexpected is left out rather than shown raw. */
function parseStoredFlags(values: readonly string[]): DojRow["storedFlags"] {
  return values.flatMap((value) => {
    const [ruleId, status] = value.split(": ");
    return ruleId !== undefined && status !== undefined && isRuleId(ruleId) && isFlagStatus(status) ? [{ ruleId, status }] : [];
  });
}

function uniqueFlags(flags: readonly DojRow["storedFlags"][number][]): DojRow["storedFlags"] {
  const byKey = new Map(flags.map((flag) => [`${flag.ruleId}: ${flag.status}`, flag]));
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

function pairPendingMark(pair: DojPair): string | null {
  const parts: string[] = [];
  if (pair.recipient.status !== "approved") parts.push(`recipient ${RECORD_STATUS_LABELS[pair.recipient.status].toLowerCase()}`);
  const pending = pair.transfers.filter((t) => t.status !== "approved");
  if (pending.length) {
    parts.push(`${pending.length} unapproved transfer(s) counted (${uniqueSorted(pending.map((t) => TRANSFER_STATUS_LABELS[t.status])).join(", ")})`);
  }
  return parts.length ? parts.join("; ") : null;
}

const BROKERAGE_REASON = "data brokerage to a country of concern or covered person (PADFA, 15 U.S.C. 9901; 28 CFR 202.301)";

/** The rows of one exporter-recipient pair. Exported for the tests, which compare it with the flags. */
export function assessDojPair(pair: DojPair, today: string, categories: Map<string, CategoryFacts>): DojRow[] {
  const aggregate: DojAggregateTransfer[] = pair.transfers.map((t) => ({
    id: t.id,
    exporterEntityId: t.exporterEntityId,
    processorId: t.processorId,
    destinationCountry: t.destinationCountry,
    subjectRegions: t.subjectRegions,
    dojExemption: t.dojExemption,
    estimatedSubjects: t.estimatedSubjects,
    volumeUnit: t.volumeUnit,
    status: t.status,
    startDate: t.startDate,
    endDate: t.endDate,
    categories: t.categoryIds.flatMap((key) => categories.get(key) ?? []),
  }));
  const windowStart = twelveMonthsBefore(today);
  // The data transactions of concern: transfers of the pair to a country of concern or a covered person, in the window.
  const assessed: Assessed[] = pair.transfers
    .filter((t) => recipientOfConcern(pair.recipient, t.destinationCountry).concern && countsTowardDojWindow(t, windowStart))
    .map((t) => {
      const context = contextOf(t, pair, today, categories, aggregate);
      // The engine evaluates rules on active transfers only (lib/rules/evaluate.ts).
      const active = isTransferActive(t, today);
      return {
        transfer: t,
        context,
        assessment: assessDojBulk(context),
        bulkFinding: active ? dojBulkRestricted.evaluate(context) : null,
        brokerageFinding: active ? dojBrokerageProhibited.evaluate(context) : null,
        governmentFinding: active ? dojGovernmentRelated.evaluate(context) : null,
        storedFlags: parseStoredFlags(t.dojFlags),
      };
    });
  const reasons = uniqueSorted(pair.transfers.flatMap((t) => recipientOfConcern(pair.recipient, t.destinationCountry).reasons));
  const base = {
    exporterName: pair.exporter.name,
    exporterCountry: pair.exporter.country,
    recipientId: pair.recipient.id,
    recipientName: pair.recipient.name,
    recipientLegalName: pair.recipient.legalName,
    recipientCountry: pair.recipient.country,
    recipientStatus: pair.recipient.status,
    coveredPerson: pair.recipient.coveredPerson,
    concernReasons: reasons,
    windowStart,
    windowEnd: today,
    pendingMark: pairPendingMark(pair),
  };

  const covered = assessed.filter((a) => a.transfer.dojExemption === null);
  const exempt = assessed.filter((a) => a.transfer.dojExemption !== null);
  const categoryRows = (uniqueSorted(covered.flatMap((a) => a.assessment.categories)) as DojCoveredCategory[]).map((category) =>
    categoryRow(base, category, covered),
  );
  const exemptRows = exempt.map((a) => exemptRow(base, a));
  if (categoryRows.length + exemptRows.length > 0) return [...categoryRows, ...exemptRows];

  return [
    {
      ...base,
      category: null,
      categories: [],
      categoryLabel: "None",
      unit: null,
      count: null,
      threshold: null,
      ownThreshold: null,
      combined: false,
      exceeds: false,
      transferIds: uniqueSorted(assessed.map((a) => a.transfer.id)),
      destinations: uniqueSorted(assessed.map((a) => a.transfer.destinationCountry)),
      leftOut: [],
      cisa: "n/a",
      status: "not-covered",
      prohibitedBecause: assessed.some((a) => a.brokerageFinding !== null) ? BROKERAGE_REASON : null,
      citation: "28 CFR 202.249 (sensitive personal data), 202.222 (government-related data), 202.210 (covered data transaction)",
      exemption: null,
      engineFinding: assessed.some((a) => a.brokerageFinding !== null),
      storedFlags: uniqueFlags(assessed.flatMap((a) => a.storedFlags)),
    },
  ];
}

type RowBase = Pick<
  DojRow,
  | "exporterName"
  | "exporterCountry"
  | "recipientId"
  | "recipientName"
  | "recipientLegalName"
  | "recipientCountry"
  | "recipientStatus"
  | "coveredPerson"
  | "concernReasons"
  | "windowStart"
  | "windowEnd"
  | "pendingMark"
>;

/** One DOJ category of the pair's covered (not exempt) transactions, as their assessments count it. */
function categoryRow(base: RowBase, category: DojCoveredCategory, covered: readonly Assessed[]): DojRow {
  const carrying = covered.filter((a) => a.assessment.categories.includes(category));
  const counts = carrying.flatMap((a) => a.assessment.counts.filter((c) => c.category === category));
  const own = DOJ_BULK_THRESHOLDS[category];
  const count = Math.max(0, ...counts.map((c) => c.count));
  const threshold = Math.min(own.threshold, ...counts.map((c) => c.threshold));
  const exceeds = counts.some((c) => c.exceeds);
  const transferIds = uniqueSorted(counts.flatMap((c) => c.transferIds));
  // The CISA state of the transactions that count: an EU-only flow is no restricted transaction of U.S. persons' data.
  const counted = carrying.filter((a) => transferIds.includes(a.transfer.id));
  const met = counted.filter((a) => a.transfer.cisaRequirementsMet).length;
  const cisa = counted.length === 0 ? "n/a" : met === counted.length ? "all met" : met === 0 ? "not met" : "partly met";
  const brokerage = carrying.some((a) => a.brokerageFinding !== null);
  // 202.303: bulk human 'omic data (genomic data included) is prohibited outright, whatever the security requirements.
  const omicBulk = (category === "genomic" || category === "omic") && exceeds;
  const prohibitedBecause = brokerage ? BROKERAGE_REASON : omicBulk ? "bulk human 'omic data (28 CFR 202.303)" : null;
  const status: DojStatus = prohibitedBecause
    ? "prohibited"
    : exceeds
      ? cisa === "all met"
        ? "restricted-cisa-met"
        : "restricted-cisa-not-met"
      : "below-threshold";
  const restrictedCitation =
    category === "government_related" ? "28 CFR 202.222, 202.401, 202.248" : "28 CFR 202.205, 202.401, 202.248";
  const citation = {
    prohibited: brokerage ? "15 U.S.C. 9901; 28 CFR 202.301, 202.214" : "28 CFR 202.303",
    "restricted-cisa-not-met": restrictedCitation,
    "restricted-cisa-met": restrictedCitation,
    "below-threshold": own.citation,
    exempt: "",
    "not-covered": "",
  }[status];
  const leftOut = new Map(counts.flatMap((c) => c.leftOut).map((l) => [l.transferId, l]));
  const finding = (a: Assessed) =>
    a.brokerageFinding !== null ||
    (category === "government_related"
      ? a.governmentFinding !== null
      : a.bulkFinding !== null && (a.bulkFinding.facts.categories as string[] | undefined)?.includes(category) === true);
  return {
    ...base,
    category,
    categories: [category],
    categoryLabel: own.label,
    unit: own.unit,
    count,
    threshold,
    ownThreshold: own.threshold,
    combined: threshold < own.threshold,
    exceeds,
    transferIds,
    destinations: uniqueSorted(counts.flatMap((c) => c.destinations)),
    leftOut: [...leftOut.keys()].sort().map((id) => leftOut.get(id)!),
    cisa,
    status,
    prohibitedBecause,
    citation,
    exemption: null,
    engineFinding: carrying.some(finding),
    storedFlags: uniqueFlags(carrying.flatMap((a) => a.storedFlags)),
  };
}

/**
 * An exempt transfer (202.219): not restricted or prohibited under part 202 and counted nowhere, but listed with
 * the section relied on and why. Sold or brokered to a PADFA foreign adversary, it is still prohibited: subpart
 * E does not reach that statute (the engine's brokerage finding says so).
 */
function exemptRow(base: RowBase, a: Assessed): DojRow {
  const exemption = a.transfer.dojExemption!;
  const fact = DOJ_EXEMPTION_FACTS[exemption];
  const categories = a.assessment.categories;
  const prohibited = a.brokerageFinding !== null;
  return {
    ...base,
    category: null,
    categories,
    categoryLabel: categories.length ? categories.map((c) => DOJ_BULK_THRESHOLDS[c].label).join("; ") : "None",
    unit: a.transfer.volumeUnit,
    count: Math.max(0, a.transfer.estimatedSubjects),
    threshold: null,
    ownThreshold: null,
    combined: false,
    exceeds: false,
    transferIds: [a.transfer.id],
    destinations: [a.transfer.destinationCountry.toUpperCase()],
    leftOut: [],
    cisa: "n/a",
    status: prohibited ? "prohibited" : "exempt",
    prohibitedBecause: prohibited ? `${BROKERAGE_REASON}; the exemption claimed does not reach PADFA` : null,
    citation: prohibited ? "15 U.S.C. 9901" : `28 CFR ${fact.section}, 202.219`,
    exemption: { code: exemption, section: fact.section, heading: dojExemptionHeading(exemption), justification: a.transfer.dojExemptionJustification },
    engineFinding: prohibited,
    storedFlags: uniqueFlags(a.storedFlags),
  };
}

async function* dojRows({ db, today, includePending }: ExportContext): AsyncGenerator<DojRow, void, undefined> {
  const categories = await loadCategoryFacts({ db });
  for await (const pair of iterateDojPairs({ db, countriesOfConcern: DOJ_COUNTRIES_OF_CONCERN.codes, includePending })) {
    yield* assessDojPair(pair, today, categories);
  }
}

const joined = (values: readonly string[]) => (values.length ? values.join("; ") : null);
const yesNo = (value: boolean) => (value ? "Yes" : "No");
const statusText = (r: DojRow) => DOJ_STATUS_LABELS[r.status] + (r.prohibitedBecause ? `: ${r.prohibitedBecause}` : "");
const flagsText = (r: DojRow) => joined(r.storedFlags.map((f) => `${getRule(f.ruleId).title}: ${FLAG_STATUS_LABELS[f.status]}`));
const leftOutText = (r: DojRow) => joined(r.leftOut.map((l) => `${l.transferId} (${LEFT_OUT_LABELS[l.reason]})`));
const unitText = (r: DojRow) => (r.unit === null ? null : UNIT_LABELS[r.unit]);

export const DOJ_COLUMNS: readonly ExportColumn<DojRow>[] = [
  { header: "Exporter (U.S. person)", width: 26, value: (r) => r.exporterName },
  { header: "Exporter country", width: 10, value: (r) => r.exporterCountry },
  { header: "Recipient", width: 30, value: (r) => r.recipientName },
  { header: "Recipient legal name", width: 30, value: (r) => r.recipientLegalName },
  { header: "Recipient country", width: 10, value: (r) => r.recipientCountry },
  { header: "Recipient status", width: 11, value: (r) => RECORD_STATUS_LABELS[r.recipientStatus] },
  { header: "Covered person (202.211)", width: 12, value: (r) => yesNo(r.coveredPerson) },
  { header: "Of concern because", width: 30, value: (r) => joined(r.concernReasons) },
  { header: "Destinations", width: 14, value: (r) => joined(r.destinations) },
  { header: "DOJ category", width: 26, value: (r) => r.categoryLabel },
  { header: "12-month count", width: 12, value: (r) => r.count },
  { header: "Unit", width: 12, value: unitText },
  { header: "Threshold applied (more than)", width: 12, value: (r) => r.threshold },
  { header: "Category threshold", width: 12, value: (r) => r.ownThreshold },
  { header: "Combined data set (202.205(g))", width: 12, value: (r) => yesNo(r.combined) },
  { header: "Bulk", width: 8, value: (r) => yesNo(r.exceeds) },
  { header: "Not counted", width: 30, value: leftOutText },
  { header: "CISA security requirements", width: 14, value: (r) => r.cisa },
  { header: "Status", width: 40, value: statusText },
  { header: "Exemption (subpart E)", width: 34, value: (r) => r.exemption?.heading ?? null },
  { header: "Exemption justification", width: 40, value: (r) => r.exemption?.justification ?? null },
  { header: "Citation", width: 24, value: (r) => r.citation },
  { header: "Rules engine finding", width: 10, value: (r) => yesNo(r.engineFinding) },
  { header: "DOJ flags (not resolved)", width: 30, value: flagsText },
  { header: "Transfers", width: 40, value: (r) => joined(r.transferIds) },
  { header: "Window", width: 24, value: (r) => `${r.windowStart} to ${r.windowEnd}` },
];

const DOJ_PDF_COLUMNS: readonly ExportColumn<DojRow>[] = [
  { header: "Exporter", width: 9, value: (r) => `${r.exporterName} (${r.exporterCountry})` },
  { header: "Recipient", width: 14, value: (r) => (r.recipientLegalName && r.recipientLegalName !== r.recipientName ? `${r.recipientName} — ${r.recipientLegalName}` : r.recipientName) },
  { header: "Of concern because", width: 10, value: (r) => joined(r.concernReasons) },
  { header: "Category", width: 10, value: (r) => r.categoryLabel },
  {
    header: "12-month count / threshold",
    width: 10,
    value: (r) =>
      r.count === null
        ? "—"
        : r.threshold === null
          ? `${r.count.toLocaleString("en-US")} ${unitText(r)} (not counted)`
          : `${r.count.toLocaleString("en-US")} ${unitText(r)} / > ${r.threshold.toLocaleString("en-US")}${r.combined ? " (combined)" : ""}`,
  },
  { header: "CISA", width: 6, value: (r) => r.cisa },
  {
    header: "Status",
    width: 15,
    value: (r) => statusText(r) + (r.exemption ? `: ${r.exemption.heading}${r.exemption.justification ? ` — ${r.exemption.justification}` : ""}` : ""),
  },
  { header: "Flags", width: 10, value: (r) => flagsText(r) ?? "none" },
];

export const dojRecordSchema = z
  .object({
    exporter: z.object({ name: z.string(), country: z.string() }),
    recipient: z.object({
      id: z.string(),
      name: z.string(),
      legalName: z.string().nullable(),
      country: z.string(),
      status: z.string(),
      coveredPerson: z.boolean(),
      concernReasons: z.array(z.string()),
    }),
    category: z
      .string()
      .nullable()
      .describe("genomic | omic | biometric | precise_geolocation | health | financial | covered_identifier | government_related; null: an exempt transfer's row, or none"),
    categories: z.array(z.string()).describe("The DOJ categories the row is about (an exempt transfer may carry several)"),
    categoryLabel: z.string(),
    count: z.number().int().nullable().describe("12-month count over the pair's transactions with U.S. persons and no exemption (28 CFR 202.205, 202.256); an exempt row: its own transfer's estimate, counted nowhere"),
    unit: z.string().nullable().describe("people | devices (U.S. persons or U.S. devices)"),
    threshold: z.number().int().nullable().describe("Bulk when the count is MORE than this; 0 for government-related data (any volume, 202.222)"),
    ownThreshold: z.number().int().nullable(),
    combined: z.boolean(),
    bulk: z.boolean(),
    notCounted: z
      .array(z.object({ transferId: z.string(), reason: z.enum(["no-us-persons", "exempt"]), label: z.string() }))
      .describe("Transfers of the pair carrying the category that add nothing to its count, and why"),
    cisa: z.enum(["all met", "partly met", "not met", "n/a"]),
    status: z.enum(["prohibited", "restricted-cisa-not-met", "restricted-cisa-met", "below-threshold", "exempt", "not-covered"]),
    statusLabel: z.string(),
    prohibitedBecause: z.string().nullable(),
    citation: z.string(),
    exemption: z
      .object({ code: z.string(), section: z.string(), heading: z.string(), justification: z.string().nullable() })
      .nullable()
      .describe("The 28 CFR part 202 subpart E exemption an exempt row's transfer claims"),
    engineFinding: z.boolean(),
    storedFlags: z.array(z.string()).describe("\"rule id: status\" of the DOJ flags stored on the transfers, not resolved"),
    destinations: z.array(z.string()),
    transferIds: z.array(z.string()),
    window: z.object({ from: z.string(), to: z.string() }),
    pending: z.string().nullable(),
  })
  .describe("One exporter-recipient pair and DOJ category, or one exempt transfer, of the US DOJ data security report");

export function dojJsonRecord(row: DojRow): z.input<typeof dojRecordSchema> {
  return {
    exporter: { name: row.exporterName, country: row.exporterCountry },
    recipient: {
      id: row.recipientId,
      name: row.recipientName,
      legalName: row.recipientLegalName,
      country: row.recipientCountry,
      status: row.recipientStatus,
      coveredPerson: row.coveredPerson,
      concernReasons: row.concernReasons,
    },
    category: row.category,
    categories: row.categories,
    categoryLabel: row.categoryLabel,
    count: row.count,
    unit: row.unit,
    threshold: row.threshold,
    ownThreshold: row.ownThreshold,
    combined: row.combined,
    bulk: row.exceeds,
    notCounted: row.leftOut.map((l) => ({ ...l, label: LEFT_OUT_LABELS[l.reason] })),
    cisa: row.cisa,
    status: row.status,
    statusLabel: DOJ_STATUS_LABELS[row.status],
    prohibitedBecause: row.prohibitedBecause,
    citation: row.citation,
    exemption: row.exemption,
    engineFinding: row.engineFinding,
    storedFlags: row.storedFlags.map((f) => `${f.ruleId}: ${f.status}`),
    destinations: row.destinations,
    transferIds: row.transferIds,
    window: { from: row.windowStart, to: row.windowEnd },
    pending: row.pendingMark,
  };
}

export const DOJ_REPORT: ReportDefinition<DojRow> = {
  report: "doj",
  template: "28-cfr-202",
  title: "US DOJ data security report (28 CFR part 202)",
  language: "en",
  sheetName: "Covered data transactions",
  fileName: "doj-data-security",
  columns: DOJ_COLUMNS,
  pdfColumns: DOJ_PDF_COLUMNS,
  rows: dojRows,
  pendingMark: (row) => row.pendingMark,
  jsonRecord: dojJsonRecord,
  jsonSchema: dojRecordSchema,
  async notes({ today }) {
    return [
      ["Countries of concern", `${DOJ_COUNTRIES_OF_CONCERN.codes.join(", ")} (${DOJ_COUNTRIES_OF_CONCERN.source}; as of ${DOJ_COUNTRIES_OF_CONCERN.asOf})`],
      ["Window", `${twelveMonthsBefore(today)} to ${today}: counts over the preceding 12 months, per exporter and recipient (28 CFR 202.205)`],
      [
        "U.S. persons",
        "Counts include only flows whose subject regions include the US or a US state, or record none (28 CFR 202.256); a flow is counted with its whole estimate, which the register does not split by region. Government-related data is covered whatever the subjects' regions (202.222)",
      ],
      ["Exemptions", `A transfer claiming an exemption is listed on its own row with the section and justification, and adds to no count (${DOJ_EXEMPTIONS_SOURCE.source}; as of ${DOJ_EXEMPTIONS_SOURCE.asOf})`],
      ["Encryption", "Encrypted data stays in scope (202.206); encryption is one of the CISA security requirements (202.248)"],
    ];
  },
};
