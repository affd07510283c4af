import { z } from "zod";
import { iterateDojPairs, loadCategoryFacts, type DojPair, type DojTransferRecord } from "@/db/queries/export-doj";
import { DOJ_COUNTRIES_OF_CONCERN } from "@/lib/jurisdictions/countries-of-concern";
import { DOJ_BULK_THRESHOLDS, type DojCoveredCategory } from "@/lib/jurisdictions/doj-thresholds";
import {
  assessDojBulk,
  countsTowardDojWindow,
  dojBrokerageProhibited,
  dojBulkRestricted,
  isTransferActive,
  recipientOfConcern,
  twelveMonthsBefore,
  uniqueSorted,
  type CategoryFacts,
  type DojAggregateTransfer,
  type DojBulkAssessment,
  type Finding,
  type TransferContext,
} from "@/lib/rules";
import type { ExportColumn, ExportContext, ReportDefinition } from "./report";

/*
 * The US DOJ data security report (28 CFR part 202; DOMAIN.md §5): per exporting entity and recipient in a
 * country of concern (or a covered person), the DOJ categories of the data, their 12-month counts against the
 * bulk thresholds, whether the transactions are restricted or prohibited, and the CISA security requirements.
 *
 * Nothing is recounted here: each transfer of the pair goes through the rules engine's own assessDojBulk
 * (202.205: the count sums every transaction between the same U.S. person and the same foreign or covered
 * person) and its two DOJ rules, exactly as the flags are computed; this module only gathers the results by
 * pair and category. One row per pair and DOJ category; a pair whose data carries no DOJ category gets one
 * row saying so, so that every recipient of concern is listed.
 */

export type DojStatus = "prohibited" | "restricted-cisa-not-met" | "restricted-cisa-met" | "below-threshold" | "not-covered";

export const DOJ_STATUS_LABELS: Readonly<Record<DojStatus, string>> = {
  prohibited: "PROHIBITED",
  "restricted-cisa-not-met": "RESTRICTED — CISA security requirements NOT met",
  "restricted-cisa-met": "Restricted — CISA security requirements met",
  "below-threshold": "Below the bulk threshold",
  "not-covered": "Not covered: no sensitive personal data of a DOJ category",
};

export interface DojRow {
  exporterName: string;
  exporterCountry: string;
  recipientId: string;
  recipientName: string;
  recipientLegalName: string | null;
  recipientCountry: string;
  recipientStatus: string;
  coveredPerson: boolean;
  /** Why the recipient is of concern: "processor country CN", "destination HK", "covered person". */
  concernReasons: string[];
  category: DojCoveredCategory | null;
  categoryLabel: string;
  /** people, or devices for precise geolocation (202.205(c)). */
  unit: string | null;
  /** 12-month count summed over the pair (202.205), as the engine computes it. */
  count: number | null;
  /** The threshold applied: the category's own, or the lowest of a combined data set (202.205(g)). */
  threshold: number | null;
  ownThreshold: number | null;
  combined: boolean;
  exceeds: boolean;
  transferIds: string[];
  destinations: string[];
  /** Of the pair's transactions of concern carrying the category. */
  cisa: "all met" | "partly met" | "not met" | "n/a";
  status: DojStatus;
  /** Why prohibited, when it is. */
  prohibitedBecause: string | null;
  citation: string;
  /** The rules engine raises transfer.doj-bulk-restricted or transfer.doj-brokerage-prohibited on one of the transfers. */
  engineFinding: boolean;
  /** DOJ flags stored on the transfers, not resolved ("rule id: status"). */
  storedFlags: string[];
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
  context: TransferContext;
  assessment: DojBulkAssessment;
  bulkFinding: Finding | null;
  brokerageFinding: Finding | null;
  dojFlags: string[];
}

function pairPendingMark(pair: DojPair): string | null {
  const parts: string[] = [];
  if (pair.recipient.status !== "approved") parts.push(`recipient ${pair.recipient.status}`);
  const pending = pair.transfers.filter((t) => t.status !== "approved");
  if (pending.length) parts.push(`${pending.length} unapproved transfer(s) counted (${uniqueSorted(pending.map((t) => t.status)).join(", ")})`);
  return parts.length ? parts.join("; ") : null;
}

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
  // The covered data transactions: transfers of the pair to a country of concern or a covered person, in the window.
  const assessed: Assessed[] = pair.transfers
    .filter((t) => recipientOfConcern(pair.recipient, t.destinationCountry).concern && countsTowardDojWindow(t, windowStart))
    .map((t) => {
      const context = contextOf(t, pair, today, categories, aggregate);
      // The engine evaluates rules on active transfers only (lib/rules/evaluate.ts).
      const active = isTransferActive(t, today);
      return {
        context,
        assessment: assessDojBulk(context),
        bulkFinding: active ? dojBulkRestricted.evaluate(context) : null,
        brokerageFinding: active ? dojBrokerageProhibited.evaluate(context) : null,
        dojFlags: t.dojFlags,
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

  const categoriesFound = uniqueSorted(assessed.flatMap((a) => a.assessment.categories)) as DojCoveredCategory[];
  if (categoriesFound.length === 0) {
    return [
      {
        ...base,
        category: null,
        categoryLabel: "None",
        unit: null,
        count: null,
        threshold: null,
        ownThreshold: null,
        combined: false,
        exceeds: false,
        transferIds: uniqueSorted(assessed.map((a) => a.context.transfer.id)),
        destinations: uniqueSorted(assessed.map((a) => a.context.transfer.destinationCountry)),
        cisa: "n/a",
        status: "not-covered",
        prohibitedBecause: null,
        citation: "28 CFR 202.249 (sensitive personal data), 202.210 (covered data transaction)",
        engineFinding: assessed.some((a) => a.brokerageFinding !== null),
        storedFlags: uniqueSorted(assessed.flatMap((a) => a.dojFlags)),
      },
    ];
  }

  return categoriesFound.map((category): DojRow => {
    const carrying = assessed.filter((a) => a.assessment.categories.includes(category));
    const counts = carrying.flatMap((a) => a.assessment.counts.filter((c) => c.category === category));
    const own = DOJ_BULK_THRESHOLDS[category];
    const count = Math.max(0, ...counts.map((c) => c.count));
    const threshold = Math.min(own.threshold, ...counts.map((c) => c.threshold));
    const exceeds = counts.some((c) => c.exceeds);
    const met = carrying.filter((a) => a.context.transfer.cisaRequirementsMet).length;
    const cisa = met === carrying.length ? "all met" : met === 0 ? "not met" : "partly met";
    const brokerage = carrying.some((a) => a.brokerageFinding !== null);
    // 202.303: bulk human 'omic data is prohibited outright, whatever the security requirements.
    const omicBulk = category === "omic" && exceeds;
    const prohibitedBecause = brokerage
      ? "data brokerage to a country of concern or covered person (28 CFR 202.301)"
      : omicBulk
        ? "bulk human 'omic data (28 CFR 202.303)"
        : null;
    const status: DojStatus = prohibitedBecause
      ? "prohibited"
      : exceeds
        ? cisa === "all met"
          ? "restricted-cisa-met"
          : "restricted-cisa-not-met"
        : "below-threshold";
    const citation = {
      prohibited: brokerage ? "28 CFR 202.301, 202.214" : "28 CFR 202.303",
      "restricted-cisa-not-met": "28 CFR 202.205, 202.401, 202.248",
      "restricted-cisa-met": "28 CFR 202.205, 202.401, 202.248",
      "below-threshold": own.citation,
      "not-covered": "",
    }[status];
    return {
      ...base,
      category,
      categoryLabel: own.label,
      unit: own.unit,
      count,
      threshold,
      ownThreshold: own.threshold,
      combined: threshold < own.threshold,
      exceeds,
      transferIds: uniqueSorted(counts.flatMap((c) => c.transferIds)),
      destinations: uniqueSorted(counts.flatMap((c) => c.destinations)),
      cisa,
      status,
      prohibitedBecause,
      citation,
      engineFinding: carrying.some(
        (a) => a.brokerageFinding !== null || (a.bulkFinding !== null && (a.bulkFinding.facts.categories as string[] | undefined)?.includes(category) === true),
      ),
      storedFlags: uniqueSorted(carrying.flatMap((a) => a.dojFlags)),
    };
  });
}

async function* dojRows({ db, today, includePending }: ExportContext): AsyncGenerator<DojRow, void, undefined> {
  const categories = await loadCategoryFacts({ db });
  for await (const pair of iterateDojPairs({ db, countriesOfConcern: DOJ_COUNTRIES_OF_CONCERN.codes, includePending })) {
    yield* assessDojPair(pair, today, categories);
  }
}

const joined = (values: readonly string[]) => (values.length ? values.join("; ") : null);

export const DOJ_COLUMNS: readonly ExportColumn<DojRow>[] = [
  { header: "Exporter (U.S. person)", width: 26, value: (r) => r.exporterName },
  { header: "Exporter country", width: 10, value: (r) => r.exporterCountry },
  { header: "Recipient", width: 30, value: (r) => r.recipientName },
  { header: "Recipient legal name", width: 30, value: (r) => r.recipientLegalName },
  { header: "Recipient country", width: 10, value: (r) => r.recipientCountry },
  { header: "Recipient status", width: 11, value: (r) => r.recipientStatus },
  { header: "Covered person (202.211)", width: 12, value: (r) => (r.coveredPerson ? "Yes" : "No") },
  { header: "Of concern because", width: 30, value: (r) => joined(r.concernReasons) },
  { header: "Destinations", width: 14, value: (r) => joined(r.destinations) },
  { header: "DOJ category", width: 18, value: (r) => r.category },
  { header: "Category", width: 26, value: (r) => r.categoryLabel },
  { header: "12-month count", width: 12, value: (r) => r.count },
  { header: "Unit", width: 9, value: (r) => r.unit },
  { header: "Threshold applied (more than)", width: 12, value: (r) => r.threshold },
  { header: "Category threshold", width: 12, value: (r) => r.ownThreshold },
  { header: "Combined data set (202.205(g))", width: 12, value: (r) => (r.combined ? "Yes" : "No") },
  { header: "Bulk", width: 8, value: (r) => (r.exceeds ? "Yes" : "No") },
  { header: "CISA security requirements", width: 14, value: (r) => r.cisa },
  { header: "Status", width: 40, value: (r) => DOJ_STATUS_LABELS[r.status] + (r.prohibitedBecause ? `: ${r.prohibitedBecause}` : "") },
  { header: "Citation", width: 24, value: (r) => r.citation },
  { header: "Rules engine finding", width: 10, value: (r) => (r.engineFinding ? "Yes" : "No") },
  { header: "DOJ flags (not resolved)", width: 30, value: (r) => joined(r.storedFlags) },
  { header: "Transfers", width: 40, value: (r) => joined(r.transferIds) },
  { header: "Window", width: 24, value: (r) => `${r.windowStart} to ${r.windowEnd}` },
];

const DOJ_PDF_COLUMNS: readonly ExportColumn<DojRow>[] = [
  { header: "Exporter", width: 9, value: (r) => `${r.exporterName} (${r.exporterCountry})` },
  { header: "Recipient", width: 14, value: (r) => (r.recipientLegalName && r.recipientLegalName !== r.recipientName ? `${r.recipientName} — ${r.recipientLegalName}` : r.recipientName) },
  { header: "Of concern because", width: 10, value: (r) => joined(r.concernReasons) },
  { header: "Category", width: 10, value: (r) => r.categoryLabel },
  { header: "12-month count / threshold", width: 10, value: (r) => (r.count === null ? "—" : `${r.count.toLocaleString("en-US")} ${r.unit} / > ${r.threshold!.toLocaleString("en-US")}${r.combined ? " (combined)" : ""}`) },
  { header: "CISA", width: 6, value: (r) => r.cisa },
  { header: "Status", width: 15, value: (r) => DOJ_STATUS_LABELS[r.status] + (r.prohibitedBecause ? `: ${r.prohibitedBecause}` : "") },
  { header: "Flags", width: 10, value: (r) => joined(r.storedFlags) ?? "none" },
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
    category: z.string().nullable().describe("omic | biometric | precise_geolocation | health | financial | covered_identifier; null: none"),
    categoryLabel: z.string(),
    count: z.number().int().nullable().describe("12-month count over all the pair's transactions (28 CFR 202.205)"),
    unit: z.string().nullable(),
    threshold: z.number().int().nullable().describe("Bulk when the count is MORE than this"),
    ownThreshold: z.number().int().nullable(),
    combined: z.boolean(),
    bulk: z.boolean(),
    cisa: z.enum(["all met", "partly met", "not met", "n/a"]),
    status: z.enum(["prohibited", "restricted-cisa-not-met", "restricted-cisa-met", "below-threshold", "not-covered"]),
    prohibitedBecause: z.string().nullable(),
    citation: z.string(),
    engineFinding: z.boolean(),
    storedFlags: z.array(z.string()),
    destinations: z.array(z.string()),
    transferIds: z.array(z.string()),
    window: z.object({ from: z.string(), to: z.string() }),
    pending: z.string().nullable(),
  })
  .describe("One exporter-recipient pair and DOJ category of the US DOJ data security report");

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
    categoryLabel: row.categoryLabel,
    count: row.count,
    unit: row.unit,
    threshold: row.threshold,
    ownThreshold: row.ownThreshold,
    combined: row.combined,
    bulk: row.exceeds,
    cisa: row.cisa,
    status: row.status,
    prohibitedBecause: row.prohibitedBecause,
    citation: row.citation,
    engineFinding: row.engineFinding,
    storedFlags: row.storedFlags,
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
      ["Encryption", "Encrypted data stays in scope (202.206); encryption is one of the CISA security requirements (202.248)"],
    ];
  },
};
