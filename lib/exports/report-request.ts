/*
 * Former home of the exports' query schema, kept so that older imports (lib/api/openapi.ts) still build.
 * The schema lives in ./request.ts: import `exportQuery` and `EXPORT_REPORTS` from there.
 */
export {
  EXPORT_REPORTS,
  EXPORT_FORMATS as REPORT_FORMATS,
  exportQuery as reportQuery,
  parseExportQuery as parseReportQuery,
  type ExportFormat as ReportFormat,
  type ExportReport,
  type ExportQuery as ReportQuery,
} from "./request";
