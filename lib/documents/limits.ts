import { z } from "zod";
import { AppError } from "@/lib/errors";

/*
 * The largest document a user may upload: DOCUMENT_MAX_BYTES (README, configuration), 20 MB by default, which
 * holds a long signed contract scanned at 300 dpi. The content is stored in the database (bytea), so this also
 * bounds what one version adds to it and what one upload holds in memory.
 */

const MB = 1024 * 1024;
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * MB;
export const DOCUMENT_MAX_BYTES_VARIABLE = "DOCUMENT_MAX_BYTES";

/** What a multipart body may carry besides the file: its boundaries, part headers and the other fields. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const positiveInteger = z.coerce.number().int().positive();

/** The limit from the environment; unset or empty: the default; invalid: an error naming the variable. */
export function documentMaxBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[DOCUMENT_MAX_BYTES_VARIABLE];
  if (raw === undefined || raw.trim() === "") return DEFAULT_DOCUMENT_MAX_BYTES;
  const parsed = positiveInteger.safeParse(raw.trim());
  // A configuration mistake, not the uploader's: a 500 whose log names the variable.
  if (!parsed.success) throw new Error(`${DOCUMENT_MAX_BYTES_VARIABLE} must be a positive whole number, got "${raw}".`);
  return parsed.data;
}

function size(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${new Intl.NumberFormat("en-US").format(bytes)} bytes`;
}

/** 413 naming the limit, its variable and the field. */
export function documentTooLarge(maxBytes: number): AppError {
  const message = `The file is larger than ${size(maxBytes)} (${DOCUMENT_MAX_BYTES_VARIABLE}), the most a document may be.`;
  return new AppError("payload_too_large", message, {
    limit: { name: DOCUMENT_MAX_BYTES_VARIABLE, value: maxBytes },
    fields: [{ path: "file", message }],
  });
}
