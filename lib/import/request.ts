import { z } from "zod";
import { readBodyBytes } from "@/lib/api/body";
import { HttpProblem } from "@/lib/api/problem";
import { parseQuery } from "@/lib/api/params";
import { AppError } from "@/lib/errors";
import { IMPORT_KINDS, type ImportRows } from "./columns";
import { parseImportCsv, parseImportWorkbook } from "./parse";

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
  if (mediaType === XLSX_MEDIA_TYPE) {
    return { rows: await parseImportWorkbook(await readBytes(request, maxBytes)), dryRun };
  }
  if (CSV_MEDIA_TYPES.has(mediaType)) {
    if (!kind) {
      throw new AppError("validation_failed", "kind: is required for a CSV (processors or transfers)", { fields: [{ path: "kind", message: "is required for a CSV (processors or transfers)" }] });
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await readBytes(request, maxBytes));
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      throw new AppError("validation_failed", "The CSV is not UTF-8 text.", { fields: [{ path: "(file)", message: "must be UTF-8 text" }] });
    }
    return { rows: parseImportCsv(text, kind), dryRun };
  }
  throw new HttpProblem("unsupported_media_type", `Send the file as ${XLSX_MEDIA_TYPE}, or as text/csv with ?kind=processors|transfers.`);
}
