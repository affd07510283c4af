import type { z } from "zod";
import type { Executor } from "@/db/client";
import type { ControllerContact } from "@/db/queries/export-common";
import type { IsoDate } from "@/lib/rules/iso-date";
import type { CellValue } from "./neutralize";
import type { ExportLanguage, ExportReport } from "./catalog";

/*
 * What every report is made of, whatever the format: its rows (a keyset-paged stream from db/queries), its
 * columns (CSV header and cells, XLSX sheet, PDF table), its JSON record and schema, and how it marks a
 * pending row. The writers (csv.ts, xlsx.ts, pdf.ts, json.ts) know formats; the report modules know content.
 */

/** One column of an export: the same definition feeds the CSV header, the XLSX sheet and the PDF table. */
export interface ExportColumn<Row> {
  header: string;
  /** XLSX width in characters; in the PDF, the column's share of the page width. */
  width: number;
  value: (row: Row) => CellValue;
}

/** What a report reads and for which date. */
export interface ExportContext {
  /** The live database, or the point-in-time reader of withRegisterAsOf (lib/exports/as-of.ts). */
  db: Executor;
  /** The day the report describes: the as-of date, else today. Windows and "active" are judged on it. */
  today: IsoDate;
  includePending: boolean;
  /** The audit trail's period (the audit report only). */
  period: { from: IsoDate; to: IsoDate };
}

export interface Section {
  key: string;
  title: string;
}

/** A short table printed before the register (PDF) : e.g. the transfers by destination. */
export interface SummaryTable {
  title: string;
  columns: { header: string; width: number }[];
  rows: CellValue[][];
}

/** The report's language (lib/exports/catalog.ts EXPORT_LANGUAGES). */
export type ReportLanguage = ExportLanguage;

export interface ReportDefinition<Row> {
  report: ExportReport;
  /** As the manifest and the audit event name it: "generic", "ico", "cnil", "chapter-v"... */
  template: string;
  title: string;
  language: ReportLanguage;
  sheetName: string;
  /** The download's base name, e.g. "ropa-cnil" (ASCII). */
  fileName: string;
  columns: readonly ExportColumn<Row>[];
  /** The PDF table's columns when the register is too wide for a page (default: `columns`). */
  pdfColumns?: readonly ExportColumn<Row>[];
  rows(context: ExportContext): AsyncIterable<Row>;
  /** Null when the row is of record; otherwise what is pending about it ("transfer draft", ...). */
  pendingMark(row: Row): string | null;
  jsonRecord(row: Row): unknown;
  /** The JSON record's schema: documented (lib/exports/schemas.ts) and served by the API. */
  jsonSchema: z.ZodType;
  /**
   * One section per row (the Art. 30 record: one entry per processing activity): the PDF prints each as a
   * list of labelled items, the CNIL workbook as a sheet of its own. `sections` lists them first, for the
   * table of contents, so that the rows can then stream.
   */
  record?: {
    key(row: Row): string;
    title(row: Row): string;
    fields(row: Row): [label: string, value: CellValue][];
    sections(context: ExportContext): Promise<Section[]>;
    /** XLSX: a sheet per record after a summary sheet of the register (the CNIL model). */
    sheetPerRecord?: boolean;
  };
  /**
   * Rows a writer puts above the register's table (the ICO template's and the CNIL model's organisation block),
   * from the export's controllers: the CSV, which has no cover, starts with them, then a blank row, then the header.
   */
  preamble?(meta: Pick<ExportMeta, "controllers">): CellValue[][];
  /** Facts for the cover beyond the common ones (e.g. the CCPA statement, the audit chain's head). */
  notes?(context: ExportContext): Promise<[label: string, value: string][]>;
  summary?(context: ExportContext): Promise<SummaryTable | null>;
}

// A report's row type is its own business; the registry and the writers handle any.
export type AnyReportDefinition = ReportDefinition<any>;

/** The facts of a cover page or sheet: who, when, which point of the register and of the audit chain. */
export interface ExportMeta {
  generatedAt: Date;
  /** The date the register describes (YYYY-MM-DD). */
  asOf: string;
  /** True when `asOf` was asked for: the register rebuilt as it stood at the end of that day. */
  pointInTime?: boolean;
  includePending: boolean;
  /** When the date-driven flag rules last ran over the whole register (ISO timestamp), if ever. */
  flagsEvaluatedAt?: string | null;
  generatedBy?: string;
  /** Hash of the latest audit event when the export ran. */
  auditChainHead?: string | null;
  /** The controllers with their DPO and representative contacts. */
  controllers?: readonly ControllerContact[];
  /** The audit report's period. */
  period?: { from: string; to: string };
  /** Report-specific facts (ExportDefinition.notes). */
  notes?: readonly [string, string][];
}

export const REVIEW_STATUS_HEADER: Readonly<Record<ReportLanguage, string>> = { en: "Review status", fr: "Statut de validation" };
export const OF_RECORD: Readonly<Record<ReportLanguage, string>> = { en: "Approved", fr: "Validé" };
export const PENDING_PREFIX: Readonly<Record<ReportLanguage, string>> = { en: "PENDING REVIEW", fr: "EN ATTENTE DE VALIDATION" };

/**
 * The columns as written: with pending records included, a last "Review status" column marks each row
 * (after the template's own columns, so that the ICO and CNIL orders stay as they are).
 */
export function columnsFor<Row>(
  definition: ReportDefinition<Row>,
  columns: readonly ExportColumn<Row>[],
  includePending: boolean,
  /** Characters in a sheet; in the PDF, a share like the other columns'. */
  statusWidth = 36,
): ExportColumn<Row>[] {
  if (!includePending) return [...columns];
  const { language } = definition;
  return [
    ...columns,
    {
      header: REVIEW_STATUS_HEADER[language],
      width: statusWidth,
      value: (row) => {
        const mark = definition.pendingMark(row);
        return mark === null ? OF_RECORD[language] : `${PENDING_PREFIX[language]} — ${mark}`;
      },
    },
  ];
}
