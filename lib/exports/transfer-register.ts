import type { TransferRegisterRow } from "@/db/queries/exports";
import { countryName } from "@/lib/jurisdictions/countries";
import type { CellValue } from "./neutralize";

/** One column of an export: the same definition feeds the CSV header and the XLSX sheet. */
export interface ExportColumn<Row> {
  header: string;
  /** XLSX width, in characters. */
  width: number;
  value: (row: Row) => CellValue;
}

export const TRANSFER_REGISTER_TITLE = "Chapter V transfer register";
export const TRANSFER_REGISTER_SHEET = "Transfer register";

/*
 * GDPR Art. 44-49 (Chapter V): one row per transfer: exporter, importer, destination, mechanism, agreement
 * and dates, TIA date, encryption, categories, volume, open flags (DOMAIN.md §5). Enum values stay codes
 * (stable, filterable); countries are ISO 3166-1 alpha-2 with the destination's name beside it. Multiple
 * agreements are listed "; "-separated, in the same order in every agreement column.
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

/** Facts printed on the cover of a report. */
export interface ExportMeta {
  generatedAt: Date;
  /** The date the register describes (ISO, YYYY-MM-DD). */
  asOf: string;
  includePending: boolean;
  /** When the date-driven flag rules last ran over the whole register (ISO timestamp), if ever. */
  flagsEvaluatedAt?: string | null;
  generatedBy?: string;
}
