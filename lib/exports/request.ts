import { z } from "zod";
import { todayIso } from "@/lib/clock";
import { addDays, compareIsoDates, isIsoDate, twelveMonthsBefore, type IsoDate } from "@/lib/rules";
import { parseInput } from "@/lib/validation/parse";
import { EXPORT_FORMATS, EXPORT_LANGUAGES, PENDING_MODES, type ExportFormat, type ExportLanguage, type ExportReport } from "./catalog";
import { ROPA_TEMPLATES } from "./ropa";

/*
 * GET /api/v1/exports/{report}: which reports exist and the one query-string schema the route, the Exports
 * page and the OpenAPI document (lib/api/openapi.ts) share.
 */

// The catalog of reports and formats lives in a module without imports, so that report definitions can
// name a report without importing this schema (which imports them: the one cycle lib/exports had).
export { EXPORT_FORMATS, EXPORT_LANGUAGES, EXPORT_REPORTS, isExportReport, PENDING_MODES } from "./catalog";
export type { ExportFormat, ExportLanguage, ExportReport, PendingMode } from "./catalog";

/** The messages of the checks below: the API's problem details say them, the Exports page words them in its language. */
export const EXPORT_QUERY_MESSAGES = {
  invalidDate: "must be a date as YYYY-MM-DD",
  afterToday: "must not be after today",
  afterTo: "must not be after `to`",
} as const;

/** Why a parameter of the Exports page's URL is invalid: its message key (lib/i18n/messages/<locale>/exports.json, errors). */
export type ExportFieldError = keyof typeof EXPORT_QUERY_MESSAGES | "invalidChoice";

/** A calendar date; `abort` so that a later check never sees an invalid one (2026-02-30). */
const isoDate = z.string().refine(isIsoDate, { message: EXPORT_QUERY_MESSAGES.invalidDate, abort: true });

const flag = z
  .enum(["0", "1", "true", "false"])
  .default("0")
  .transform((value) => value === "1" || value === "true");

/**
 * The query string of an export. Invalid values are a 422 problem naming the parameter (as on every list
 * endpoint: lib/api/params.ts); parameters a report does not use (`template` outside `ropa`, `from`/`to`
 * outside `audit`) are ignored.
 */
export const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS).default("csv").describe("csv (RFC 4180, UTF-8), xlsx (workbook with a cover sheet), pdf (ready to send) or json (versioned)"),
    template: z
      .enum(ROPA_TEMPLATES)
      .default("generic")
      .describe("Art. 30 record only: generic (the article's order), ico (UK ICO controller template) or cnil (French headings, one sheet per activity)"),
    language: z
      .enum(EXPORT_LANGUAGES)
      .optional()
      .describe(
        "en or fr: the language of the headings, labels and words of the report (default: English through the API, the user's language on the Exports page). The CNIL register is always French and the ICO template always English",
      ),
    pending: z
      .enum(PENDING_MODES)
      .default("exclude")
      .describe("exclude: the register of record (approved records only); include: pending records too, marked in a Review status column"),
    asOf: isoDate
      .refine((value) => compareIsoDates(value, todayIso()) <= 0, { message: EXPORT_QUERY_MESSAGES.afterToday })
      .optional()
      .describe("YYYY-MM-DD: the register as it stood at the end of that day, rebuilt from the audit trail (default: now)"),
    from: isoDate.optional().describe("Audit trail only: first day of the period, YYYY-MM-DD (default: 12 months before `to`)"),
    to: isoDate.optional().describe("Audit trail only: last day of the period, inclusive, YYYY-MM-DD (default: asOf, or today)"),
    manifest: flag.describe("1: the integrity manifest of a fresh export (JSON) instead of the file"),
  })
  .superRefine((query, context) => {
    if (query.from && query.to && compareIsoDates(query.from, query.to) > 0) {
      context.addIssue({ code: "custom", path: ["from"], message: EXPORT_QUERY_MESSAGES.afterTo });
    }
  });

export type ExportQuery = z.output<typeof exportQuery>;

/** The query's own parameters; an empty field of a GET form means "not given", as on the Exports page. */
function queryValues(get: (key: string) => string | null | undefined): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(exportQuery.shape)) {
    const value = get(key);
    if (typeof value === "string" && value !== "") raw[key] = value;
  }
  return raw;
}

/** Parses the query string; an invalid value is a validation_failed AppError naming the parameter. */
export function parseExportQuery(searchParams: URLSearchParams): ExportQuery {
  return parseInput(exportQuery, queryValues((key) => searchParams.get(key)));
}

/** The Exports page's reading of its URL: the query, or why each invalid parameter is (a message key the page words). */
export function readExportQuery(
  params: Record<string, string | string[] | undefined>,
): { ok: true; query: ExportQuery } | { ok: false; errors: Partial<Record<keyof ExportQuery, ExportFieldError>> } {
  const result = exportQuery.safeParse(queryValues((key) => (Array.isArray(params[key]) ? params[key].at(-1) : params[key])));
  if (result.success) return { ok: true, query: result.data };
  const byMessage = new Map(Object.entries(EXPORT_QUERY_MESSAGES).map(([key, message]) => [message as string, key as ExportFieldError]));
  const errors: Partial<Record<keyof ExportQuery, ExportFieldError>> = {};
  // Anything but our own checks is a value outside the parameter's choices (zod's enum check).
  for (const issue of result.error.issues) errors[String(issue.path[0]) as keyof ExportQuery] ??= byMessage.get(issue.message) ?? "invalidChoice";
  return { ok: false, errors };
}

/** The report's language: the one asked for, else the caller's default (the API's English, the page's UI language). */
export function exportLanguage(query: Pick<ExportQuery, "language">, fallback: ExportLanguage = "en"): ExportLanguage {
  return query.language ?? fallback;
}

/** The audit report's period: `to` defaults to the as-of date (or today), `from` to 12 months before it. */
export function auditPeriod(query: Pick<ExportQuery, "from" | "to">, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(twelveMonthsBefore(to), 1);
  return { from, to };
}

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  json: "application/json; charset=utf-8",
};

/** `attachment; filename="ropa-ico-2026-11-24.csv"`: the name is ASCII, so no RFC 5987 form is needed. */
export function attachmentDisposition(fileStem: string, format: ExportFormat): string {
  return `attachment; filename="${fileStem}.${format}"`;
}

/** The download URL of an export, as the Exports page links to it. */
export function exportUrl(report: ExportReport, query: Partial<Record<keyof ExportQuery, string | boolean | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === false || value === "") continue;
    params.set(key, value === true ? "1" : value);
  }
  const search = params.toString();
  return `/api/v1/exports/${report}${search ? `?${search}` : ""}`;
}
