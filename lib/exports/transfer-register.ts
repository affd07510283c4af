import { z } from "zod";
import { iterateTransferRegister, summarizeTransfersByDestination, type TransferRegisterRow } from "@/db/queries/exports";
import { DOJ_EXEMPTIONS, SEVERITIES } from "@/db/schema/enums";
import { countryName } from "@/lib/jurisdictions/countries";
import { DOJ_EXEMPTION_LABELS } from "@/lib/jurisdictions/doj-exemptions";
import type { ExportColumn, ReportDefinition } from "./report";

export const TRANSFER_REGISTER_TITLE = "Chapter V transfer register";
export const TRANSFER_REGISTER_SHEET = "Transfer register";
/** The transfer register has one layout; the manifest names it so. */
export const TRANSFERS_TEMPLATE = "chapter-v";

/*
 * GDPR Art. 44-49 (Chapter V): one row per transfer: exporter, importer, destination, mechanism, agreement
 * and dates, TIA date, encryption, categories, volume, open flags (DOMAIN.md §5). Enum values stay codes
 * (stable, filterable); countries are ISO 3166-1 alpha-2 with the destination's name beside it. Multiple
 * agreements are listed "; "-separated, in the same order in every agreement column. The facts added for
 * issue 15 are written in words, as a reader of the register needs them: the PIPL separate consent and PIPIA
 * date of an export from China (PIPL Art. 39, 55-56), and the US DOJ exemption claimed with its section.
 */
export const TRANSFER_REGISTER_COLUMNS: readonly ExportColumn<TransferRegisterRow>[] = [
  { header: "Transfer ID", width: 38, value: (r) => r.id },
  { header: "Transfer status", width: 12, value: (r) => r.status },
  { header: "Exporter", width: 28, value: (r) => r.exporterName },
  { header: "Exporter country", width: 10, value: (r) => r.exporterCountry },
  { header: "Importer", width: 30, value: (r) => r.importerName },
  { header: "Importer legal name", width: 30, value: (r) => r.importerLegalName },
  { header: "Importer country", width: 10, value: (r) => r.importerCountry },
  { header: "Importer status", width: 12, value: (r) => r.importerStatus },
  { header: "Processing activity", width: 30, value: (r) => r.activityName },
  { header: "Origin country", width: 10, value: (r) => r.originCountry },
  { header: "Destination country", width: 12, value: (r) => r.destinationCountry },
  { header: "Destination", width: 22, value: (r) => countryName(r.destinationCountry) ?? r.destinationCountry },
  { header: "Access type", width: 14, value: (r) => r.accessType },
  { header: "Transfer mechanism", width: 22, value: (r) => r.mechanism },
  { header: "Agreements", width: 28, value: (r) => r.agreementTypes },
  { header: "Agreement signed", width: 14, value: (r) => r.agreementSignedDates },
  { header: "Agreement effective", width: 14, value: (r) => r.agreementEffectiveDates },
  { header: "Agreement expiry", width: 14, value: (r) => r.agreementExpiryDates },
  { header: "Agreement document", width: 24, value: (r) => r.agreementDocumentRefs },
  { header: "TIA date", width: 12, value: (r) => r.tiaDate },
  { header: "PIPL separate consent", width: 14, value: (r) => piplConsent(r) },
  { header: "PIPIA date", width: 12, value: (r) => r.pipiaDate },
  { header: "DOJ exemption", width: 30, value: (r) => dojExemption(r) },
  { header: "Encryption in transit", width: 14, value: (r) => r.encryptionInTransit },
  { header: "Encryption at rest", width: 14, value: (r) => r.encryptionAtRest },
  { header: "Data categories", width: 40, value: (r) => r.categoryKeys },
  { header: "Volume (per 12 months)", width: 14, value: (r) => r.estimatedSubjects },
  { header: "Volume unit", width: 10, value: (r) => r.volumeUnit },
  { header: "Start date", width: 12, value: (r) => r.startDate },
  { header: "End date", width: 12, value: (r) => r.endDate },
  { header: "Open flags", width: 10, value: (r) => r.openFlagCount },
  { header: "Worst open severity", width: 12, value: (r) => r.worstOpenSeverity },
  { header: "Open flag rules", width: 40, value: (r) => r.openFlagRuleIds },
];

/** Thirty columns do not fit a page: the PDF keeps what a reader of Chapter V needs, a few merged. */
const TRANSFER_REGISTER_PDF_COLUMNS: readonly ExportColumn<TransferRegisterRow>[] = [
  { header: "Exporter", width: 8, value: (r) => `${r.exporterName} (${r.exporterCountry})` },
  { header: "Importer", width: 12, value: (r) => (r.importerLegalName && r.importerLegalName !== r.importerName ? `${r.importerName} — ${r.importerLegalName}` : r.importerName) },
  { header: "Destination", width: 7, value: (r) => `${r.destinationCountry} ${countryName(r.destinationCountry) ?? ""}`.trim() },
  { header: "Activity", width: 9, value: (r) => r.activityName },
  { header: "Access", width: 6, value: (r) => r.accessType },
  { header: "Mechanism", width: 8, value: (r) => r.mechanism },
  { header: "Agreements (expiry)", width: 12, value: (r) => agreementsWithExpiry(r) },
  { header: "TIA", width: 6, value: (r) => r.tiaDate ?? "none" },
  { header: "Encryption (transit / rest)", width: 8, value: (r) => `${r.encryptionInTransit} / ${r.encryptionAtRest}` },
  { header: "Data categories", width: 11, value: (r) => r.categoryKeys },
  { header: "PIPL consent / PIPIA; DOJ exemption", width: 9, value: (r) => lawFacts(r) },
  { header: "Volume / 12 months", width: 6, value: (r) => `${r.estimatedSubjects.toLocaleString("en-US")} ${r.volumeUnit}` },
  { header: "Open flags", width: 12, value: (r) => (r.openFlagCount > 0 ? `${r.openFlagCount} (worst ${r.worstOpenSeverity}): ${r.openFlagRuleIds}` : "none") },
];

/**
 * PIPL Art. 39: separate consent matters for personal information exported from mainland China; elsewhere the
 * cell says so rather than "not recorded", which would read as a gap.
 */
function piplConsent(row: TransferRegisterRow): string {
  if (row.piplSeparateConsent) return "Obtained";
  return row.originCountry === "CN" ? "Not recorded" : "Not applicable";
}

/** 28 CFR 202.501-202.511, by its label and section: "Corporate group transaction (28 CFR 202.506)". */
function dojExemption(row: TransferRegisterRow): string {
  return row.dojExemption ? DOJ_EXEMPTION_LABELS[row.dojExemption] : "None claimed";
}

/** The PDF's one cell for the three: the PIPL facts of an export from China, and an exemption when claimed. */
function lawFacts(row: TransferRegisterRow): string {
  const parts = [
    row.originCountry === "CN" || row.piplSeparateConsent || row.pipiaDate
      ? `PIPL consent: ${piplConsent(row).toLowerCase()}; PIPIA: ${row.pipiaDate ?? "none"}`
      : null,
    row.dojExemption ? `DOJ exempt: ${DOJ_EXEMPTION_LABELS[row.dojExemption]}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join("; ") : "—";
}

function agreementsWithExpiry(row: TransferRegisterRow): string {
  if (!row.agreementTypes) return "none";
  const types = row.agreementTypes.split("; ");
  const expiries = row.agreementExpiryDates?.split("; ") ?? [];
  // The lists are aligned (db/queries/exports.ts); a count mismatch would be a bug there, so print them apart.
  if (expiries.length !== types.length) return `${row.agreementTypes} (expiry ${row.agreementExpiryDates ?? "—"})`;
  return types.map((type, index) => `${type} (exp. ${expiries[index]})`).join("; ");
}

function pendingMark(row: TransferRegisterRow): string | null {
  const parts = [
    row.status !== "approved" ? `transfer ${row.status}` : null,
    row.importerStatus !== "approved" ? `importer ${row.importerStatus}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join("; ") : null;
}

const isoDay = z.string().describe("YYYY-MM-DD");
const split = (value: string | null) => (value ? value.split("; ") : []);

/** The JSON export's record of one transfer (schema: transferRecordSchema). */
export const transferRecordSchema = z
  .object({
    id: z.string().describe("Transfer id (UUID)"),
    status: z.string().describe("draft | submitted | approved | rejected | ended"),
    pending: z.string().nullable().describe("What is unapproved about the row (transfer or importer status); null when it is of record"),
    exporter: z.object({ name: z.string(), country: z.string().describe("ISO 3166-1 alpha-2") }),
    importer: z.object({ name: z.string(), legalName: z.string().nullable(), country: z.string(), status: z.string() }),
    activity: z.string().describe("The processing activity the transfer serves"),
    originCountry: z.string(),
    destinationCountry: z.string(),
    destinationName: z.string().nullable(),
    accessType: z.string().describe("storage | remote_access"),
    mechanism: z.string().describe("GDPR Chapter V / PIPL / PDPO transfer mechanism (DOMAIN.md §2)"),
    agreements: z
      .array(
        z.object({
          type: z.string(),
          sccModule: z.string().nullable(),
          signedDate: isoDay.nullable(),
          effectiveDate: isoDay.nullable(),
          expiryDate: isoDay.nullable(),
          documentRef: z.string().nullable(),
        }),
      )
      .describe("The processor's agreements covering this transfer (all its transfers, or this one listed)"),
    tiaDate: isoDay.nullable(),
    pipl: z
      .object({
        separateConsent: z.boolean().describe("PIPL Art. 39: the individuals gave separate consent to the export"),
        pipiaDate: isoDay.nullable().describe("PIPL Art. 55-56: date of the personal-information protection impact assessment"),
      })
      .describe("PIPL facts; they apply to personal information exported from mainland China (originCountry CN)"),
    dojExemption: z
      .object({
        exemption: z.enum(DOJ_EXEMPTIONS),
        label: z.string().describe("What it exempts, with its section: \"Corporate group transaction (28 CFR 202.506)\""),
      })
      .nullable()
      .describe("The US DOJ exemption claimed (28 CFR 202.501-202.511); null when none"),
    encryption: z.object({ inTransit: z.string(), atRest: z.string() }),
    dataCategories: z.array(z.string()).describe("Data category keys (fideslang where one exists)"),
    volume: z.object({ estimatedPer12Months: z.number().int(), unit: z.string().describe("people | devices") }),
    startDate: isoDay.nullable(),
    endDate: isoDay.nullable(),
    openFlags: z.object({ count: z.number().int(), worstSeverity: z.enum(SEVERITIES).nullable(), ruleIds: z.array(z.string()) }),
  })
  .describe("One transfer of the Chapter V register");

export function transferJsonRecord(row: TransferRegisterRow): z.input<typeof transferRecordSchema> {
  return {
    id: row.id,
    status: row.status,
    pending: pendingMark(row),
    exporter: { name: row.exporterName, country: row.exporterCountry },
    importer: { name: row.importerName, legalName: row.importerLegalName, country: row.importerCountry, status: row.importerStatus },
    activity: row.activityName,
    originCountry: row.originCountry,
    destinationCountry: row.destinationCountry,
    destinationName: countryName(row.destinationCountry) ?? null,
    accessType: row.accessType,
    mechanism: row.mechanism,
    agreements: row.agreements,
    tiaDate: row.tiaDate,
    pipl: { separateConsent: row.piplSeparateConsent, pipiaDate: row.pipiaDate },
    dojExemption: row.dojExemption ? { exemption: row.dojExemption, label: DOJ_EXEMPTION_LABELS[row.dojExemption] } : null,
    encryption: { inTransit: row.encryptionInTransit, atRest: row.encryptionAtRest },
    dataCategories: split(row.categoryKeys),
    volume: { estimatedPer12Months: row.estimatedSubjects, unit: row.volumeUnit },
    startDate: row.startDate,
    endDate: row.endDate,
    openFlags: { count: row.openFlagCount, worstSeverity: row.worstOpenSeverity, ruleIds: split(row.openFlagRuleIds) },
  };
}

export const TRANSFER_REGISTER_REPORT: ReportDefinition<TransferRegisterRow> = {
  report: "transfers",
  template: TRANSFERS_TEMPLATE,
  title: TRANSFER_REGISTER_TITLE,
  language: "en",
  sheetName: TRANSFER_REGISTER_SHEET,
  fileName: "transfer-register",
  columns: TRANSFER_REGISTER_COLUMNS,
  pdfColumns: TRANSFER_REGISTER_PDF_COLUMNS,
  rows: ({ db, includePending }) => iterateTransferRegister({ db, includePending }),
  pendingMark,
  jsonRecord: transferJsonRecord,
  jsonSchema: transferRecordSchema,
  async summary({ db, includePending }) {
    const rows = await summarizeTransfersByDestination({ db, includePending });
    return {
      title: "Transfers by destination country",
      columns: [
        { header: "Destination", width: 20 },
        { header: "Transfers", width: 8 },
        { header: "Importers", width: 8 },
        { header: "Mechanisms", width: 40 },
        { header: "Open flags on these transfers", width: 12 },
      ],
      rows: rows.map((row) => [
        `${row.destinationCountry} ${countryName(row.destinationCountry) ?? ""}`.trim(),
        row.transfers,
        row.importers,
        row.mechanisms,
        row.openFlags,
      ]),
    };
  },
};

