import { AppError } from "@/lib/errors";
import { z } from "zod";
import { readBodyBytes } from "@/lib/api/body";
import { parseQuery } from "@/lib/api/params";
import { IMPORT_KINDS, type ImportRows } from "./columns";
import { parseImportUpload } from "./parse";

/** 20 MB: a 10,000-row transfers file is about 2 MB as CSV. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

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

function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  return readBodyBytes(request, { maxBytes, tooLargeMessage: `The file must be at most ${maxBytes / 1024 / 1024} MB.` });
}

/** Reads an import request: an XLSX workbook, or a CSV of the `kind` named in the query. */
export async function readImportFile(request: Request, { maxBytes = MAX_IMPORT_BYTES }: { maxBytes?: number } = {}): Promise<{ rows: ImportRows; dryRun: boolean }> {
  const { dryRun, kind } = parseQuery(importQuery, request);
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const format = mediaType === XLSX_MEDIA_TYPE ? "xlsx" : CSV_MEDIA_TYPES.has(mediaType) ? "csv" : null;
  if (format !== null) {
    // The kind is checked before the body is read: a CSV without one is refused without reading 20 MB.
    const rows = await parseImportUpload(
      { format, kind, bytes: format === "csv" && !kind ? new Uint8Array() : await readBytes(request, maxBytes) },
      { file: "(file)", kind: "kind" },
    );
    return { rows, dryRun };
  }
  throw new AppError("unsupported_media_type", `Send the file as ${XLSX_MEDIA_TYPE}, or as text/csv with ?kind=entities|processors|transfers.`);
}
