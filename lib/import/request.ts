import { AppError } from "@/lib/errors";
import { z } from "zod";
import { readBodyBytes } from "@/lib/api/body";
import { parseQuery } from "@/lib/api/params";
import { IMPORT_KINDS, type ImportRows } from "./columns";
import { importLimits, uploadTooLarge, type ImportLimits } from "./limits";
import { parseImportUpload } from "./parse";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_MEDIA_TYPES = new Set(["text/csv", "application/csv"]);

const booleanParam = z.enum(["true", "false"], { message: "must be true or false" }).transform((value) => value === "true");

export const importQuery = z.object({
  // A dry run unless the client says otherwise: a forgotten parameter must never write.
  dryRun: booleanParam.default(true),
  kind: z.enum(IMPORT_KINDS, { message: `must be one of ${IMPORT_KINDS.join(", ")}` }).optional(),
});

export const templateQuery = z.object({
  format: z.enum(["xlsx", "csv"], { message: "must be xlsx or csv" }).default("xlsx"),
  kind: z.enum(IMPORT_KINDS, { message: `must be one of ${IMPORT_KINDS.join(", ")}` }).optional(),
});

/** The body, 413 past IMPORT_MAX_BYTES (counted as it streams: a lying or absent Content-Length does not help). */
async function readBytes(request: Request, limits: ImportLimits): Promise<Uint8Array> {
  try {
    return await readBodyBytes(request, { maxBytes: limits.maxUploadBytes, tooLargeMessage: uploadTooLarge(limits).message });
  } catch (error) {
    // The same refusal as every other import limit: it names the variable and carries its value.
    if (error instanceof AppError && error.code === "payload_too_large") throw uploadTooLarge(limits);
    throw error;
  }
}

/**
 * Reads an import request: an XLSX workbook, or a CSV of the `kind` named in the query, within the import
 * limits (lib/import/limits.ts). The caller holds an import slot (`withImportSlot`) around it and the work after.
 */
export async function readImportFile(request: Request, limits: ImportLimits = importLimits()): Promise<{ rows: ImportRows; dryRun: boolean }> {
  const { dryRun, kind } = parseQuery(importQuery, request);
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const format = mediaType === XLSX_MEDIA_TYPE ? "xlsx" : CSV_MEDIA_TYPES.has(mediaType) ? "csv" : null;
  if (format !== null) {
    // The kind is checked before the body is read: a CSV without one is refused without reading 20 MB.
    const rows = await parseImportUpload(
      { format, kind, bytes: format === "csv" && !kind ? new Uint8Array() : await readBytes(request, limits) },
      { file: "(file)", kind: "kind" },
      limits,
    );
    return { rows, dryRun };
  }
  throw new AppError("unsupported_media_type", `Send the file as ${XLSX_MEDIA_TYPE}, or as text/csv with ?kind=entities|processors|transfers.`);
}
