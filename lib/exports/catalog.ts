/*
 * Which reports and formats exist (DOMAIN.md §5). No imports: report definitions (report.ts) and the
 * request schema (request.ts) both read it, and request.ts re-exports it for its callers.
 */

/** DOMAIN.md §5 and the accepted risks (issue 16), in the order the Exports page offers them; their names are the label catalogue's (lib/labels, exportReport). */
export const EXPORT_REPORTS = ["ropa", "transfers", "subprocessors", "ccpa", "doj", "risks", "notice-findings", "audit"] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];

export const EXPORT_FORMATS = ["csv", "xlsx", "pdf", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The languages a report is written in: headings, labels and the words the reports write (lib/labels). */
export const EXPORT_LANGUAGES = ["en", "fr"] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export const PENDING_MODES = ["exclude", "include"] as const;
export type PendingMode = (typeof PENDING_MODES)[number];

export function isExportReport(value: string): value is ExportReport {
  return (EXPORT_REPORTS as readonly string[]).includes(value);
}
