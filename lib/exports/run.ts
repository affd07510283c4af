import type { Writable } from "node:stream";
import type { Executor } from "@/db/client";
import { iterateTransferRegister } from "@/db/queries/exports";
import { iterateRopa } from "@/db/queries/exports-ropa";
import { writeCsv } from "./csv";
import { jsonExportSchema, writeJson } from "./json";
import { ROPA_REPORTS, ropaJsonRecord, type RopaTemplate } from "./ropa";
import { TRANSFERS_TEMPLATE, type ExportReport, type ReportFormat } from "./report-request";
import { TRANSFER_REGISTER_COLUMNS, TRANSFER_REGISTER_SHEET, TRANSFER_REGISTER_TITLE, type ExportMeta } from "./transfer-register";
import { writeXlsx } from "./xlsx";

export interface RunExportInput {
  db: Executor;
  report: ExportReport;
  format: ReportFormat;
  /** Only the Art. 30 record has templates; the transfer register ignores it. */
  template: RopaTemplate;
  includePending: boolean;
  out: Writable;
  meta: ExportMeta;
}

/** The template a report is written with, as the manifest and the audit event name it. */
export function resolveTemplate(report: ExportReport, template: RopaTemplate): string {
  return report === "ropa" ? template : TRANSFERS_TEMPLATE;
}

/** The file's base name, e.g. "ropa-cnil" or "transfer-register". */
export function exportFileName(report: ExportReport, template: RopaTemplate): string {
  return report === "ropa" ? ROPA_REPORTS[template].fileName : "transfer-register";
}

/**
 * Writes one export into `out`, streamed from its keyset-paged query, and resolves with the row count once
 * `out` has taken the last byte. The one place that knows which report, format and template go together.
 */
export async function runExport({ db, report, format, template, includePending, out, meta }: RunExportInput): Promise<number> {
  const header = {
    schema: jsonExportSchema(report),
    version: 1 as const,
    generatedAt: meta.generatedAt.toISOString(),
    asOf: meta.asOf,
    report,
    template: resolveTemplate(report, template),
    includePending,
  };
  if (report === "ropa") {
    const rows = iterateRopa({ db, includePending });
    const layout = ROPA_REPORTS[template];
    if (format === "json") return writeJson(rows, out, header, ropaJsonRecord);
    if (format === "xlsx") return writeXlsx(rows, out, layout, meta);
    return writeCsv(rows, out, layout.columns);
  }
  const rows = iterateTransferRegister({ db, includePending });
  if (format === "json") return writeJson(rows, out, header);
  if (format === "xlsx") {
    return writeXlsx(rows, out, { title: TRANSFER_REGISTER_TITLE, sheetName: TRANSFER_REGISTER_SHEET, columns: TRANSFER_REGISTER_COLUMNS }, meta);
  }
  return writeCsv(rows, out, TRANSFER_REGISTER_COLUMNS);
}
