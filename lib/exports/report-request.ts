import { z } from "zod";
import { parseInput } from "@/lib/validation/parse";
import { ROPA_TEMPLATES } from "./ropa";

/*
 * The query string of GET /api/v1/exports/{report}: request.ts's, widened to JSON, templates and manifests.
 * Kept beside request.ts rather than in it so that its narrower types stay as they are for their callers.
 */
export const REPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const EXPORT_REPORTS = ["transfers", "ropa"] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];

/** The transfer register has one layout; the Art. 30 record has the generic, ICO and CNIL ones. */
export const TRANSFERS_TEMPLATE = "chapter-v";

export const reportQuery = z.object({
  format: z.enum(REPORT_FORMATS).default("csv"),
  pending: z.enum(["include", "exclude"]).default("exclude"),
  template: z.enum(ROPA_TEMPLATES).default("generic"),
  /** `manifest=1`: the integrity manifest of a fresh export instead of the file. */
  manifest: z.enum(["0", "1", "true", "false"]).default("0").transform((value) => value === "1" || value === "true"),
});

export type ReportQuery = z.output<typeof reportQuery>;

/** Parses the query string; an invalid value is a validation_failed AppError naming the parameter. */
export function parseReportQuery(searchParams: URLSearchParams): ReportQuery {
  return parseInput(reportQuery, {
    format: searchParams.get("format") ?? undefined,
    pending: searchParams.get("pending") ?? undefined,
    template: searchParams.get("template") ?? undefined,
    manifest: searchParams.get("manifest") ?? undefined,
  });
}

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

/** `attachment; filename="ropa-ico-2026-11-24.csv"`: the name is ASCII, so no RFC 5987 form is needed. */
export function reportDisposition(baseName: string, asOf: string, format: ReportFormat): string {
  return `attachment; filename="${baseName}-${asOf}.${format}"`;
}
