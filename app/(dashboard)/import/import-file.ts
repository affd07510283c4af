import "server-only";
import { createTranslator } from "next-intl";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en/import.json";
import fr from "@/lib/i18n/messages/fr/import.json";
import type { ImportProblem, ImportRows } from "@/lib/import/columns";
import { commitImport, type ImportCommitResult } from "@/lib/import/commit";
import { importLimits, uploadTooLarge, withImportSlot, type ImportLimits } from "@/lib/import/limits";
import { parseImportUpload } from "@/lib/import/parse";
import { XLSX_MEDIA_TYPE } from "@/lib/import/request";
import { validateImport, type ImportValidation } from "@/lib/import/validate";
import type { ServiceCall } from "@/lib/services/context";

/*
 * The import page's file handling: the uploaded file goes to the same parser, limits, dry run and commit as
 * POST /api/v1/import (lib/import/*); only the transport differs (a form upload instead of a request body).
 */

// Server actions take at most 1 MB by default (Next's serverActions.bodySizeLimit): about 5,000 transfer rows
// as CSV. Larger files go through the API, which takes IMPORT_MAX_BYTES.
export const MAX_PAGE_IMPORT_BYTES = 1024 * 1024 - 16 * 1024;

// The page's own refusals of an upload, in the uploader's language (the page passes it; a call without one, from
// a test or a script, reads English). The file's contents are checked by lib/import, which words its problems itself.
const FILE_PROBLEMS = { en: en.fileProblems, fr: fr.fileProblems };

function fileProblem(path: string, message: string): AppError {
  return new AppError("validation_failed", `${path}: ${message}`, { fields: [{ path, message }] });
}

/** The rows of the uploaded CSV (of the kind chosen on the form) or XLSX workbook, within the import limits. */
export async function readUploadedImport(form: FormData, limits: ImportLimits = importLimits(), locale: Locale = "en"): Promise<ImportRows> {
  const problem = createTranslator({ locale, messages: FILE_PROBLEMS[locale] ?? FILE_PROBLEMS.en });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw fileProblem("file", problem("missing"));
  if (file.size > limits.maxUploadBytes) throw uploadTooLarge(limits, "file");
  if (file.size > MAX_PAGE_IMPORT_BYTES) throw fileProblem("file", problem("tooLargeForPage"));
  const name = file.name.toLowerCase();
  const format =
    name.endsWith(".xlsx") || file.type === XLSX_MEDIA_TYPE ? "xlsx" : name.endsWith(".csv") || file.type === "text/csv" ? "csv" : null;
  if (format === null) throw fileProblem("file", problem("wrongType"));
  const kind = form.get("kind");
  return parseImportUpload(
    { format, kind: typeof kind === "string" ? kind : undefined, bytes: new Uint8Array(await file.arrayBuffer()) },
    { file: "file", kind: "kind" },
    limits,
  );
}

/** "Check file": the dry run, every problem by sheet, row and column. Writes nothing. 429 while the import slots are taken. */
export async function checkUploadedImport({ ctx, input: { form, locale } }: ServiceCall<{ form: FormData; locale?: Locale }>): Promise<ImportValidation & { rows: number }> {
  const limits = importLimits();
  return withImportSlot(async () => {
    const file = await readUploadedImport(form, limits, locale);
    return { ...(await validateImport({ ctx, input: { file } })), rows: file.entities.length + file.processors.length + file.transfers.length };
  }, limits);
}

export type ImportOutcome =
  | { ok: true; result: ImportCommitResult }
  | { ok: false; problems: ImportProblem[]; problemCount: number; message: string };

/** "Import": all rows or none; a file that turned invalid since its check comes back with its problems. */
export async function commitUploadedImport({ ctx, input: { form, locale } }: ServiceCall<{ form: FormData; locale?: Locale }>): Promise<ImportOutcome> {
  const limits = importLimits();
  return withImportSlot(async () => {
    const file = await readUploadedImport(form, limits, locale);
    try {
      return { ok: true, result: await commitImport({ ctx, input: { file } }) };
    } catch (error) {
      if (error instanceof AppError && Array.isArray(error.details.problems)) {
        const problems = error.details.problems as ImportProblem[];
        const problemCount = typeof error.details.problemCount === "number" ? error.details.problemCount : problems.length;
        return { ok: false, problems, problemCount, message: error.message };
      }
      throw error;
    }
  }, limits);
}
