import { z } from "zod";
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

/** The body as bytes: 413 past `maxBytes`, counted while streaming (a lying Content-Length does not help). */
async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpProblem("payload_too_large", `The file must be at most ${maxBytes / 1024 / 1024} MB.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
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
