import { AppError } from "@/lib/errors";
import { findUnstorableText } from "./contracts/common";

/** 1 MB: a processor or a transfer is a few kilobytes; anything larger is a mistake or an attack. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** application/json, or a structured-syntax +json type (RFC 6839), parameters (charset) ignored. */
function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/**
 * Text the database cannot store (a NUL, an unpaired surrogate: lib/api/contracts/common.ts) is refused here with
 * its path, before any schema: a 422 naming the field rather than a 500 or silently altered text.
 */
export function assertStorableText(value: unknown): void {
  const found = findUnstorableText(value);
  if (!found) return;
  throw new AppError("validation_failed", `${found.path}: ${found.message}`, { fields: [found] });
}

/**
 * The body as bytes, 413 past `maxBytes` — counted while streaming, so a lying or absent Content-Length
 * does not help. Every reader of a request body (JSON, imported files) goes through here.
 */
export async function readBodyBytes(request: Request, { maxBytes, tooLargeMessage }: { maxBytes: number; tooLargeMessage: string }): Promise<Uint8Array> {
  const tooLarge = () => new AppError("payload_too_large", tooLargeMessage);
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

/**
 * Reads a JSON request body: 415 for another media type, 413 past `maxBytes` (counted while streaming, so a
 * lying or absent Content-Length does not help), 400 for bytes that are not UTF-8 JSON.
 */
export async function readJsonBody(request: Request, { maxBytes = MAX_BODY_BYTES }: { maxBytes?: number } = {}): Promise<unknown> {
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with the header Content-Type: application/json.");
  }
  const bytes = await readBodyBytes(request, { maxBytes, tooLargeMessage: `The request body must be at most ${maxBytes} bytes.` });

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid UTF-8.");
  }
  if (text.trim() === "") throw new AppError("invalid_json", "The request body is empty: send a JSON object.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "syntax error";
    throw new AppError("invalid_json", `The request body is not valid JSON (${reason}).`);
  }
  assertStorableText(parsed);
  return parsed;
}
