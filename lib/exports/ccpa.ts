import { z } from "zod";
import { aggregateCcpaDisclosure, type CcpaAggregateRow } from "@/db/queries/export-ccpa";
import {
  CCPA_CATEGORIES,
  PROCESSOR_ROLES,
  PROCESSOR_SERVICES,
  RECORD_STATUSES,
  TRANSFER_STATUSES,
  type CcpaCategory,
  type ProcessorRole,
  type ProcessorService,
  type RecordStatus,
  type TransferStatus,
} from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";
import { addDays, twelveMonthsBefore } from "@/lib/rules";
import { dataCategoryName } from "./category-names";
import type { ExportColumn, ExportContext, ReportDefinition, ReportLanguage } from "./report";
import { day, period, words, yesNo } from "./words";

/*
 * The CCPA 12-month disclosure (Cal. Civ. Code 1798.130(a)(5)(B), (C); 1798.110(c); 1798.115(c)): for each
 * category of personal information of 1798.140(v)(1), whether it was collected in the preceding 12 months,
 * its sources and purposes, whether it was disclosed for a business purpose and to which kinds of recipient,
 * and whether it was sold or shared, with a statement when none was. What the register counts as collected
 * is explained in db/queries/export-ccpa.ts. In English or in French; the categories keep their letters, the
 * statute's own names for them.
 */

const TEXT = {
  en: {
    title: "CCPA 12-month disclosure (Cal. Civ. Code 1798.130(a)(5))",
    sheet: "Disclosure",
    headers: {
      letter: "Category",
      name: "Category of personal information (1798.140(v)(1))",
      collected: "Collected in the preceding 12 months",
      dataCategories: "Data categories in the register",
      sensitive: "Includes sensitive personal information",
      sources: "Sources",
      purposes: "Business or commercial purposes",
      disclosed: "Disclosed for a business purpose",
      businessRecipients: "Categories of recipients (business purpose)",
      sold: "Sold",
      soldTo: "Categories of third parties (sold)",
      shared: "Shared (cross-context behavioural advertising)",
      sharedWith: "Categories of third parties (shared)",
      transfers: "Transfers counted",
      period: "Period",
    },
    pdf: {
      collected: "Collected",
      dataCategories: "Data categories",
      purposes: "Purposes",
      disclosedTo: "Disclosed for a business purpose to",
      soldTo: "Sold to",
      sharedWith: "Shared with",
    },
    inclSensitive: " (incl. sensitive)",
    notCollected: "Not collected",
    notes: {
      period: "Period",
      periodValue: (text: string) => `${text} (the 12 months preceding the report date)`,
      consumers: "Consumers",
      consumersValue: "California residents: transfers whose data subjects include US-CA or US",
      soldOrShared: "Sold or shared",
    },
    nothingSold: (window: string) =>
      `No personal information of California consumers was sold or shared ${window} (Cal. Civ. Code 1798.115(c)(1), 1798.130(a)(5)(C)).`,
    categoriesSold: (window: string, letters: string) => `Categories sold ${window}: ${letters}.`,
    noneSold: (window: string) => `No category was sold ${window}.`,
    categoriesShared: (letters: string) => `Categories shared: ${letters}.`,
    noneShared: "No category was shared.",
    pending: (list: string) => `includes unapproved records: ${list}`,
    pendingRecipient: (name: string, recipient: string, transfer: string) => `${name} (recipient ${recipient}, transfer ${transfer})`,
    window: (from: string, to: string) => `from ${from} to ${to}`,
  },
  fr: {
    title: "Déclaration CCPA sur 12 mois (Cal. Civ. Code 1798.130(a)(5))",
    sheet: "Déclaration",
    headers: {
      letter: "Catégorie",
      name: "Catégorie d'informations personnelles (1798.140(v)(1))",
      collected: "Collectée au cours des 12 derniers mois",
      dataCategories: "Catégories de données du registre",
      sensitive: "Comprend des informations personnelles sensibles",
      sources: "Sources",
      purposes: "Finalités professionnelles ou commerciales",
      disclosed: "Communiquée à des fins professionnelles",
      businessRecipients: "Catégories de destinataires (fins professionnelles)",
      sold: "Vendue",
      soldTo: "Catégories de tiers (vente)",
      shared: "Partagée (publicité comportementale inter-contextes)",
      sharedWith: "Catégories de tiers (partage)",
      transfers: "Transferts pris en compte",
      period: "Période",
    },
    pdf: {
      collected: "Collectée",
      dataCategories: "Catégories de données",
      purposes: "Finalités",
      disclosedTo: "Communiquée à des fins professionnelles à",
      soldTo: "Vendue à",
      sharedWith: "Partagée avec",
    },
    inclSensitive: " (dont sensibles)",
    notCollected: "Non collectée",
    notes: {
      period: "Période",
      periodValue: (text: string) => `${text} (les 12 mois précédant la date du rapport)`,
      consumers: "Consommateurs",
      consumersValue: "Résidents de Californie : transferts dont les personnes concernées comprennent US-CA ou US",
      soldOrShared: "Vente ou partage",
    },
    nothingSold: (window: string) =>
      `Aucune information personnelle de consommateurs californiens n'a été vendue ni partagée ${window} (Cal. Civ. Code 1798.115(c)(1), 1798.130(a)(5)(C)).`,
    categoriesSold: (window: string, letters: string) => `Catégories vendues ${window} : ${letters}.`,
    noneSold: (window: string) => `Aucune catégorie n'a été vendue ${window}.`,
    categoriesShared: (letters: string) => `Catégories partagées : ${letters}.`,
    noneShared: "Aucune catégorie n'a été partagée.",
    pending: (list: string) => `comprend des enregistrements non validés : ${list}`,
    pendingRecipient: (name: string, recipient: string, transfer: string) => `${name} (destinataire ${recipient}, transfert ${transfer})`,
    window: (from: string, to: string) => `du ${from} au ${to}`,
  },
} as const satisfies Record<ReportLanguage, unknown>;

/** Cal. Civ. Code 1798.140(v)(1)(A)-(L), as privacy policies name them: the catalogue's label without its letter. */
export function ccpaCategoryName(letter: CcpaCategory, language: ReportLanguage): string {
  return enumLabel("ccpaCategory", letter, language).replace(new RegExp(`^${letter}[.)]\\s+`), "");
}

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

async function ccpaRows({ db, today, includePending }: Pick<ExportContext, "db" | "today" | "includePending">, language: ReportLanguage): Promise<CcpaRow[]> {
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
    return { ...base, name: ccpaCategoryName(letter, language), collected: row !== undefined, windowStart: window.start, windowEnd: window.end };
  });
}

const split = (value: string | null) => (value ? value.split("; ") : []);
const isIn = <T extends string>(values: readonly T[]) => (value: string | undefined): value is T => value !== undefined && (values as readonly string[]).includes(value);
const isService = isIn<ProcessorService>(PROCESSOR_SERVICES);
const isRole = isIn<ProcessorRole>(PROCESSOR_ROLES);
const isRecordStatus = isIn<RecordStatus>(RECORD_STATUSES);
const isTransferStatus = isIn<TransferStatus>(TRANSFER_STATUSES);

/**
 * The query's kinds of recipient, "service (role)" (db/queries/export-ccpa.ts), as labels: "Hosting (processor)".
 * The statute asks for categories of recipients, not their names.
 */
function recipientKinds(value: string | null, language: ReportLanguage): string[] {
  return split(value).map((item) => {
    const [, service, role] = /^(\S+) \((\S+)\)$/.exec(item) ?? [];
    return isService(service) && isRole(role)
      ? `${enumLabel("processorService", service, language)} (${enumLabel("processorRole", role, language).toLocaleLowerCase(language)})`
      : item;
  });
}

/** The query's "Name (recipient status, transfer status)" items of unapproved records, in words. */
function pendingRecipients(value: string | null, language: ReportLanguage): string[] {
  return split(value).map((item) => {
    const [, name, recipient, transfer] = /^(.*) \(recipient (\S+), transfer (\S+)\)$/.exec(item) ?? [];
    if (name === undefined || !isRecordStatus(recipient) || !isTransferStatus(transfer)) return item;
    const lower = (text: string) => text.toLocaleLowerCase(language);
    return TEXT[language].pendingRecipient(name, lower(enumLabel("recordStatus", recipient, language)), lower(enumLabel("transferStatus", transfer, language)));
  });
}

const joinedOr = (values: readonly string[], otherwise: string | null) => (values.length ? values.join("; ") : otherwise);

function ccpaColumns(language: ReportLanguage) {
  const text = TEXT[language];
  const h = text.headers;
  const none = words(language).none;
  const notRecorded = words(language).notRecorded;
  const ifCollected = (row: CcpaRow, value: string | null, otherwise: string = none) => (row.collected ? (value ?? otherwise) : text.notCollected);
  const names = (row: CcpaRow) => joinedOr(split(row.dataCategoryKeys).map((key) => dataCategoryName(key, language)), null);
  const recipients = (value: string | null) => joinedOr(recipientKinds(value, language), null);
  const columns: ExportColumn<CcpaRow>[] = [
    { header: h.letter, width: 9, value: (r) => r.letter },
    { header: h.name, width: 40, value: (r) => r.name },
    { header: h.collected, width: 14, value: (r) => yesNo(r.collected, language) },
    { header: h.dataCategories, width: 40, value: (r) => ifCollected(r, names(r)) },
    { header: h.sensitive, width: 14, value: (r) => yesNo(r.sensitive, language) },
    { header: h.sources, width: 40, value: (r) => ifCollected(r, r.sources, notRecorded) },
    { header: h.purposes, width: 60, value: (r) => ifCollected(r, r.purposes, notRecorded) },
    { header: h.disclosed, width: 14, value: (r) => yesNo(r.businessPurposeRecipients !== null, language) },
    { header: h.businessRecipients, width: 40, value: (r) => ifCollected(r, recipients(r.businessPurposeRecipients)) },
    { header: h.sold, width: 8, value: (r) => yesNo(r.saleRecipients !== null, language) },
    { header: h.soldTo, width: 30, value: (r) => ifCollected(r, recipients(r.saleRecipients)) },
    { header: h.shared, width: 14, value: (r) => yesNo(r.sharingRecipients !== null, language) },
    { header: h.sharedWith, width: 30, value: (r) => ifCollected(r, recipients(r.sharingRecipients)) },
    { header: h.transfers, width: 10, value: (r) => r.transferCount },
    { header: h.period, width: 24, value: (r) => period(r.windowStart, r.windowEnd, language) },
  ];
  const p = text.pdf;
  const pdfColumns: ExportColumn<CcpaRow>[] = [
    { header: h.letter, width: 12, value: (r) => `${r.letter}. ${r.name}` },
    { header: p.collected, width: 5, value: (r) => yesNo(r.collected, language) + (r.sensitive ? text.inclSensitive : "") },
    { header: p.dataCategories, width: 15, value: (r) => ifCollected(r, names(r)) },
    { header: h.sources, width: 12, value: (r) => ifCollected(r, r.sources, notRecorded) },
    { header: p.purposes, width: 22, value: (r) => ifCollected(r, r.purposes, notRecorded) },
    { header: p.disclosedTo, width: 13, value: (r) => ifCollected(r, recipients(r.businessPurposeRecipients)) },
    { header: p.soldTo, width: 7, value: (r) => ifCollected(r, recipients(r.saleRecipients)) },
    { header: p.sharedWith, width: 7, value: (r) => ifCollected(r, recipients(r.sharingRecipients)) },
  ];
  return { columns, pdfColumns };
}

/** The statement 1798.115(c)(1) and 1798.130(a)(5)(C) require when nothing was sold or shared. */
export function soldOrSharedStatement(rows: readonly CcpaRow[], window: { start: string; end: string }, language: ReportLanguage = "en"): string {
  const text = TEXT[language];
  const within = text.window(day(window.start, language)!, day(window.end, language)!);
  const sold = rows.filter((row) => row.saleRecipients !== null).map((row) => row.letter);
  const shared = rows.filter((row) => row.sharingRecipients !== null).map((row) => row.letter);
  if (sold.length === 0 && shared.length === 0) return text.nothingSold(within);
  return [
    sold.length ? text.categoriesSold(within, sold.join(", ")) : text.noneSold(within),
    shared.length ? text.categoriesShared(shared.join(", ")) : text.noneShared,
  ].join(" ");
}

export const ccpaRecordSchema = z
  .object({
    category: z.enum(CCPA_CATEGORIES).describe("Cal. Civ. Code 1798.140(v)(1) letter"),
    name: z.string().describe("The category's name in the export's language"),
    collected: z.boolean().describe("Carried by at least one flow of California consumers' data in the window"),
    dataCategories: z.array(z.string()).describe("Register data category keys"),
    dataCategoryNames: z.array(z.string()).describe("The same categories by name, in the same order"),
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

function pendingMark(row: CcpaRow, language: ReportLanguage): string | null {
  return row.pendingRecipients ? TEXT[language].pending(pendingRecipients(row.pendingRecipients, language).join("; ")) : null;
}

export function ccpaJsonRecord(row: CcpaRow, language: ReportLanguage = "en"): z.input<typeof ccpaRecordSchema> {
  const keys = split(row.dataCategoryKeys);
  return {
    category: row.letter,
    name: row.name,
    collected: row.collected,
    dataCategories: keys,
    dataCategoryNames: keys.map((key) => dataCategoryName(key, language)),
    sensitive: row.sensitive,
    sources: split(row.sources),
    purposes: split(row.purposes),
    disclosedForBusinessPurpose: { disclosed: row.businessPurposeRecipients !== null, recipientCategories: recipientKinds(row.businessPurposeRecipients, language) },
    sold: { sold: row.saleRecipients !== null, thirdPartyCategories: recipientKinds(row.saleRecipients, language) },
    shared: { shared: row.sharingRecipients !== null, thirdPartyCategories: recipientKinds(row.sharingRecipients, language) },
    transferCount: row.transferCount,
    period: { from: row.windowStart, to: row.windowEnd },
    pending: pendingMark(row, language),
  };
}

function ccpaDefinition(language: ReportLanguage): ReportDefinition<CcpaRow> {
  const text = TEXT[language];
  const { columns, pdfColumns } = ccpaColumns(language);
  return {
    report: "ccpa",
    template: "1798.130",
    title: text.title,
    language,
    sheetName: text.sheet,
    fileName: "ccpa-disclosure",
    columns,
    pdfColumns,
    async *rows(context) {
      yield* await ccpaRows(context, language);
    },
    pendingMark: (row) => pendingMark(row, language),
    jsonRecord: (row) => ccpaJsonRecord(row, language),
    jsonSchema: ccpaRecordSchema,
    async notes(context) {
      const window = ccpaWindow(context.today);
      const rows = await ccpaRows(context, language);
      return [
        [text.notes.period, text.notes.periodValue(period(window.start, window.end, language))],
        [text.notes.consumers, text.notes.consumersValue],
        [text.notes.soldOrShared, soldOrSharedStatement(rows, window, language)],
      ];
    },
  };
}

const DEFINITIONS: Readonly<Record<ReportLanguage, ReportDefinition<CcpaRow>>> = {
  en: ccpaDefinition("en"),
  fr: ccpaDefinition("fr"),
};

export function ccpaReport(language: ReportLanguage = "en"): ReportDefinition<CcpaRow> {
  return DEFINITIONS[language];
}

export const CCPA_REPORT = DEFINITIONS.en;
export const CCPA_COLUMNS: readonly ExportColumn<CcpaRow>[] = DEFINITIONS.en.columns;
