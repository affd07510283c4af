import { z } from "zod";
import { aggregateCcpaDisclosure, type CcpaAggregateRow } from "@/db/queries/export-ccpa";
import { CCPA_CATEGORIES, type CcpaCategory } from "@/db/schema/enums";
import { addDays, twelveMonthsBefore } from "@/lib/rules";
import type { ExportColumn, ExportContext, ReportDefinition } from "./report";

/*
 * The CCPA 12-month disclosure (Cal. Civ. Code 1798.130(a)(5)(B), (C); 1798.110(c); 1798.115(c)): for each
 * category of personal information of 1798.140(v)(1), whether it was collected in the preceding 12 months,
 * its sources and purposes, whether it was disclosed for a business purpose and to which kinds of recipient,
 * and whether it was sold or shared, with a statement when none was. What the register counts as collected
 * is explained in db/queries/export-ccpa.ts.
 */

/** Cal. Civ. Code 1798.140(v)(1)(A)-(L), as privacy policies name them. */
export const CCPA_CATEGORY_NAMES: Readonly<Record<CcpaCategory, string>> = {
  A: "Identifiers",
  B: "Personal information categories listed in Cal. Civ. Code 1798.80(e)",
  C: "Characteristics of protected classifications under California or federal law",
  D: "Commercial information",
  E: "Biometric information",
  F: "Internet or other electronic network activity information",
  G: "Geolocation data",
  H: "Audio, electronic, visual, thermal, olfactory, or similar information",
  I: "Professional or employment-related information",
  J: "Non-public education information",
  K: "Inferences drawn to create a profile",
  L: "Sensitive personal information (1798.140(ae))",
};

export interface CcpaRow extends CcpaAggregateRow {
  name: string;
  collected: boolean;
  windowStart: string;
  windowEnd: string;
}

/** The 12 months before the report date, both ends included (1798.130(a)(5): "the preceding 12 months"). */
export function ccpaWindow(today: string): { start: string; end: string } {
  return { start: addDays(twelveMonthsBefore(today), 1), end: today };
}

async function ccpaRows({ db, today, includePending }: Pick<ExportContext, "db" | "today" | "includePending">): Promise<CcpaRow[]> {
  const window = ccpaWindow(today);
  const found = new Map((await aggregateCcpaDisclosure({ db, windowStart: window.start, today: window.end, includePending })).map((row) => [row.letter, row]));
  // Every letter is listed: "not collected" is part of the disclosure.
  return CCPA_CATEGORIES.map((letter) => {
    const row = found.get(letter);
    const base: CcpaAggregateRow = row ?? {
      letter,
      dataCategories: null,
      dataCategoryKeys: null,
      sensitive: false,
      sources: null,
      purposes: null,
      businessPurposeRecipients: null,
      saleRecipients: null,
      sharingRecipients: null,
      transferCount: 0,
      pendingRecipients: null,
    };
    return { ...base, name: CCPA_CATEGORY_NAMES[letter], collected: row !== undefined, windowStart: window.start, windowEnd: window.end };
  });
}

const yesNo = (value: boolean) => (value ? "Yes" : "No");
const ifCollected = (row: CcpaRow, value: string | null, otherwise = "None") => (row.collected ? (value ?? otherwise) : "Not collected");

export const CCPA_COLUMNS: readonly ExportColumn<CcpaRow>[] = [
  { header: "Category", width: 9, value: (r) => r.letter },
  { header: "Category of personal information (1798.140(v)(1))", width: 40, value: (r) => r.name },
  { header: "Collected in the preceding 12 months", width: 14, value: (r) => yesNo(r.collected) },
  { header: "Data categories in the register", width: 40, value: (r) => ifCollected(r, r.dataCategories) },
  { header: "Includes sensitive personal information", width: 14, value: (r) => yesNo(r.sensitive) },
  { header: "Sources", width: 40, value: (r) => ifCollected(r, r.sources, "Not recorded") },
  { header: "Business or commercial purposes", width: 60, value: (r) => ifCollected(r, r.purposes, "Not recorded") },
  { header: "Disclosed for a business purpose", width: 14, value: (r) => yesNo(r.businessPurposeRecipients !== null) },
  { header: "Categories of recipients (business purpose)", width: 40, value: (r) => ifCollected(r, r.businessPurposeRecipients) },
  { header: "Sold", width: 8, value: (r) => yesNo(r.saleRecipients !== null) },
  { header: "Categories of third parties (sold)", width: 30, value: (r) => ifCollected(r, r.saleRecipients) },
  { header: "Shared (cross-context behavioural advertising)", width: 14, value: (r) => yesNo(r.sharingRecipients !== null) },
  { header: "Categories of third parties (shared)", width: 30, value: (r) => ifCollected(r, r.sharingRecipients) },
  { header: "Transfers counted", width: 10, value: (r) => r.transferCount },
  { header: "Period", width: 24, value: (r) => `${r.windowStart} to ${r.windowEnd}` },
];

const CCPA_PDF_COLUMNS: readonly ExportColumn<CcpaRow>[] = [
  { header: "Category", width: 12, value: (r) => `${r.letter}. ${r.name}` },
  { header: "Collected", width: 5, value: (r) => yesNo(r.collected) + (r.sensitive ? " (incl. sensitive)" : "") },
  { header: "Data categories", width: 15, value: (r) => ifCollected(r, r.dataCategories) },
  { header: "Sources", width: 12, value: (r) => ifCollected(r, r.sources, "Not recorded") },
  { header: "Purposes", width: 22, value: (r) => ifCollected(r, r.purposes, "Not recorded") },
  { header: "Disclosed for a business purpose to", width: 13, value: (r) => ifCollected(r, r.businessPurposeRecipients) },
  { header: "Sold to", width: 7, value: (r) => ifCollected(r, r.saleRecipients) },
  { header: "Shared with", width: 7, value: (r) => ifCollected(r, r.sharingRecipients) },
];

/** The statement 1798.115(c)(1) and 1798.130(a)(5)(C) require when nothing was sold or shared. */
export function soldOrSharedStatement(rows: readonly CcpaRow[], window: { start: string; end: string }): string {
  const sold = rows.filter((row) => row.saleRecipients !== null).map((row) => row.letter);
  const shared = rows.filter((row) => row.sharingRecipients !== null).map((row) => row.letter);
  if (sold.length === 0 && shared.length === 0) {
    return `No personal information of California consumers was sold or shared from ${window.start} to ${window.end} (Cal. Civ. Code 1798.115(c)(1), 1798.130(a)(5)(C)).`;
  }
  return [
    sold.length ? `Categories sold from ${window.start} to ${window.end}: ${sold.join(", ")}.` : `No category was sold from ${window.start} to ${window.end}.`,
    shared.length ? `Categories shared: ${shared.join(", ")}.` : "No category was shared.",
  ].join(" ");
}

const split = (value: string | null) => (value ? value.split("; ") : []);

export const ccpaRecordSchema = z
  .object({
    category: z.enum(CCPA_CATEGORIES).describe("Cal. Civ. Code 1798.140(v)(1) letter"),
    name: z.string(),
    collected: z.boolean().describe("Carried by at least one flow of California consumers' data in the window"),
    dataCategories: z.array(z.string()).describe("Register data category keys"),
    sensitive: z.boolean().describe("Includes sensitive personal information (1798.140(ae))"),
    sources: z.array(z.string()),
    purposes: z.array(z.string()),
    disclosedForBusinessPurpose: z.object({ disclosed: z.boolean(), recipientCategories: z.array(z.string()) }),
    sold: z.object({ sold: z.boolean(), thirdPartyCategories: z.array(z.string()) }),
    shared: z.object({ shared: z.boolean(), thirdPartyCategories: z.array(z.string()) }),
    transferCount: z.number().int(),
    period: z.object({ from: z.string(), to: z.string() }),
    pending: z.string().nullable(),
  })
  .describe("One CCPA category of the 12-month disclosure");

function pendingMark(row: CcpaRow): string | null {
  return row.pendingRecipients ? `includes unapproved records: ${row.pendingRecipients}` : null;
}

export function ccpaJsonRecord(row: CcpaRow): z.input<typeof ccpaRecordSchema> {
  return {
    category: row.letter,
    name: row.name,
    collected: row.collected,
    dataCategories: split(row.dataCategoryKeys),
    sensitive: row.sensitive,
    sources: split(row.sources),
    purposes: split(row.purposes),
    disclosedForBusinessPurpose: { disclosed: row.businessPurposeRecipients !== null, recipientCategories: split(row.businessPurposeRecipients) },
    sold: { sold: row.saleRecipients !== null, thirdPartyCategories: split(row.saleRecipients) },
    shared: { shared: row.sharingRecipients !== null, thirdPartyCategories: split(row.sharingRecipients) },
    transferCount: row.transferCount,
    period: { from: row.windowStart, to: row.windowEnd },
    pending: pendingMark(row),
  };
}

export const CCPA_REPORT: ReportDefinition<CcpaRow> = {
  report: "ccpa",
  template: "1798.130",
  title: "CCPA 12-month disclosure (Cal. Civ. Code 1798.130(a)(5))",
  language: "en",
  sheetName: "Disclosure",
  fileName: "ccpa-disclosure",
  columns: CCPA_COLUMNS,
  pdfColumns: CCPA_PDF_COLUMNS,
  async *rows(context) {
    yield* await ccpaRows(context);
  },
  pendingMark,
  jsonRecord: ccpaJsonRecord,
  jsonSchema: ccpaRecordSchema,
  async notes(context) {
    const window = ccpaWindow(context.today);
    const rows = await ccpaRows(context);
    return [
      ["Period", `${window.start} to ${window.end} (the 12 months preceding the report date)`],
      ["Consumers", "California residents: transfers whose data subjects include US-CA or US"],
      ["Sold or shared", soldOrSharedStatement(rows, window)],
    ];
  },
};
