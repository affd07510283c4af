import { z } from "zod";
import { parseInput } from "@/lib/validation/parse";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The query string of an export: `format=csv|xlsx` (default csv), `pending=include|exclude` (default exclude). */
export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default("csv"),
  pending: z.enum(["include", "exclude"]).default("exclude"),
});

export type ExportQuery = z.output<typeof exportQuery>;

/** Parses the query string; an invalid value is a validation_failed AppError naming the parameter. */
export function parseExportQuery(searchParams: URLSearchParams): ExportQuery {
  return parseInput(exportQuery, {
    format: searchParams.get("format") ?? undefined,
    pending: searchParams.get("pending") ?? undefined,
  });
}

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** `attachment; filename="transfer-register-2026-11-24.csv"`: the name is ASCII, so no RFC 5987 form is needed. */
export function attachmentDisposition(baseName: string, asOf: string, format: ExportFormat): string {
  return `attachment; filename="${baseName}-${asOf}.${format}"`;
}
