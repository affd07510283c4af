import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { assertStorableText } from "./body";

/*
 * The HTTP side of a request's parameters: the query string parsed strictly (an API client gets a 422 naming the
 * bad parameter: a silently ignored filter returns the wrong data; unknown parameters are ignored, e.g. cache
 * busters), and the version an update or a delete names (body or If-Match). The parameters themselves are the
 * resource contracts' (lib/api/contracts/).
 */

/**
 * Parses a URL's query string; a repeated parameter counts once (its last value). A value the database could not
 * store (`?q=%00`) is a 422 naming its parameter, whatever the parameter's schema.
 */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.output<S> {
  const values = Object.fromEntries(new URL(request.url).searchParams);
  assertStorableText(values);
  return parseInput(schema, values);
}

/** An ETag for a record version: strong, quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** `"3"`, `W/"3"` or `3` → 3; anything else (a list, `*`, a hash) → undefined. */
export function parseIfMatch(header: string): number | undefined {
  const match = /^\s*(?:W\/)?(?:"(\d{1,9})"|(\d{1,9}))\s*$/.exec(header);
  const digits = match?.[1] ?? match?.[2];
  if (digits === undefined) return undefined;
  const version = Number(digits);
  return version >= 1 ? version : undefined;
}

/**
 * The body of an update with its `version`: from the body, else from If-Match. Neither is a 428
 * (RFC 6585): an update without the version it edits could silently overwrite someone else's change.
 */
export function withVersion(request: Request, body: unknown): unknown {
  // Not an object: leave it for the schema, which names the problem ("expected object").
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const header = request.headers.get("if-match");
  const fromHeader = header === null ? undefined : parseIfMatch(header);
  if (header !== null && fromHeader === undefined) {
    throw new AppError("validation_failed", `version: the If-Match header must be a record version like "3"`, {
      fields: [{ path: "version", message: `the If-Match header must be a record version like "3", W/"3" or 3` }],
    });
  }
  const record = body as Record<string, unknown>;
  if ("version" in record) {
    if (fromHeader !== undefined && record.version !== fromHeader) {
      throw new AppError("validation_failed", `version: the body says ${String(record.version)} but If-Match says ${fromHeader}`, {
        fields: [{ path: "version", message: "the body and the If-Match header disagree" }],
      });
    }
    return body;
  }
  if (fromHeader === undefined) {
    throw new AppError("precondition_required", "Send the version you edited, as `version` in the body or in an If-Match header.", { fields: [
      { path: "version", message: "is required (in the body or as If-Match)" },
    ] });
  }
  return { ...record, version: fromHeader };
}
