/*
 * Which reports and formats exist (DOMAIN.md §5). No imports: report definitions (report.ts) and the
 * request schema (request.ts) both read it, and request.ts re-exports it for its callers.
 */

/** DOMAIN.md §5 and the accepted risks (issue 16), in the order the Exports page offers them. */
export const EXPORT_REPORTS = ["ropa", "transfers", "subprocessors", "ccpa", "doj", "risks", "audit"] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];

export const EXPORT_REPORT_LABELS: Readonly<Record<ExportReport, string>> = {
  ropa: "Record of processing activities (GDPR Art. 30(1))",
  transfers: "Chapter V transfer register",
  subprocessors: "Sub-processor list",
  ccpa: "CCPA 12-month disclosure",
  doj: "US DOJ data security report (28 CFR 202)",
  risks: "Accepted risks",
  audit: "Audit trail for a period",
};

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
