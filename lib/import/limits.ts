import { z } from "zod";
import { AppError } from "@/lib/errors";

/*
 * The bounds of an import, the same for POST /api/v1/import and the import page: an upload is read, unpacked
 * and parsed only as far as these limits, each checked while the file streams, so that no file (a zip bomb, a
 * sheet of a million rows, a row of 100,000 columns) can make the server hold more than the limits allow.
 * Each limit is an environment variable (README, configuration). Issue 14, item 1: two parallel 3 MB XLSX
 * uploads had exhausted the heap when a whole workbook was loaded into memory.
 */

export interface ImportLimits {
  /** Bytes of the uploaded file (what the client sends). */
  maxUploadBytes: number;
  /** Bytes an XLSX may unpack to, counted as its parts inflate: the cap on the work a small zip can ask for. */
  maxUncompressedBytes: number;
  /** Rows with data, every sheet of the file together: what the validation and the commit hold in memory. */
  maxRows: number;
  /** Columns of a row (the highest column a cell names, or a CSV record's field count). */
  maxColumns: number;
  /** Imports (checks and commits) running at once on this server instance. */
  concurrency: number;
}

const MB = 1024 * 1024;

/**
 * The defaults (on PostgreSQL; on PGlite one import at a time, PGLITE_IMPORT_CONCURRENCY). 20,000 rows is twice
 * the import the benchmark measures (10,000 transfers in about 6 s); a filled transfers row is about 1 KB of sheet
 * XML with inline strings, so 64 MB unpacks such a file three times over; the widest sheet has a few dozen
 * columns, 100 leaves room for a user's own notes columns.
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxUploadBytes: 20 * MB,
  maxUncompressedBytes: 64 * MB,
  maxRows: 20_000,
  maxColumns: 100,
  concurrency: 2,
};

/*
 * IMPORT_CONCURRENCY's default on the embedded database. PGlite runs every query of the process in one wasm
 * instance, one at a time, and reading and checking a file is JavaScript on the server's one thread: a second
 * import at once finishes no sooner, it only doubles what is held. Measured under the import attack (README,
 * "Benchmark"; 2026-12-03, the production server on PGlite, before the other fixes of that day): with 2 at a time
 * it peaked at 514 to 860 MB by kind of file, with 1 at 470 to 610 MB. PostgreSQL does the queries in its own
 * processes, where two imports overlap.
 */
export const PGLITE_IMPORT_CONCURRENCY = 1;

/** The defaults for the database the environment names: DATABASE_URL means PostgreSQL, as db/client.ts reads it. */
export function defaultImportLimits(env: Readonly<Record<string, string | undefined>> = process.env): ImportLimits {
  return env.DATABASE_URL ? { ...DEFAULT_IMPORT_LIMITS } : { ...DEFAULT_IMPORT_LIMITS, concurrency: PGLITE_IMPORT_CONCURRENCY };
}

/** The environment variable of each limit: every refusal names it, so that an operator knows what to raise. */
export const IMPORT_LIMIT_VARIABLES: Record<keyof ImportLimits, string> = {
  maxUploadBytes: "IMPORT_MAX_BYTES",
  maxUncompressedBytes: "IMPORT_MAX_UNCOMPRESSED_BYTES",
  maxRows: "IMPORT_MAX_ROWS",
  maxColumns: "IMPORT_MAX_COLUMNS",
  concurrency: "IMPORT_CONCURRENCY",
};

const positiveInteger = z.coerce.number().int().positive();

/**
 * The limits from the environment; an unset or empty variable takes its default (for the database DATABASE_URL
 * names or not), an invalid one is an error naming it.
 */
export function importLimits(env: Readonly<Record<string, string | undefined>> = process.env): ImportLimits {
  const limits = defaultImportLimits(env);
  for (const key of Object.keys(IMPORT_LIMIT_VARIABLES) as (keyof ImportLimits)[]) {
    const name = IMPORT_LIMIT_VARIABLES[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = positiveInteger.safeParse(raw.trim());
    // A configuration mistake, not the uploader's: a 500 whose log names the variable.
    if (!parsed.success) throw new Error(`${name} must be a positive whole number, got "${raw}".`);
    limits[key] = parsed.data;
  }
  return limits;
}

const integer = new Intl.NumberFormat("en-US");

function megabytes(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${integer.format(bytes)} bytes`;
}

/** The limit as an extension member of the problem (RFC 9457 §3.2), for clients that act on it. */
function limitDetail(key: keyof ImportLimits, limits: ImportLimits) {
  return { limit: { name: IMPORT_LIMIT_VARIABLES[key], value: limits[key] } };
}

/** 413: the upload is larger than IMPORT_MAX_BYTES. `field` is where the page shows it ("file"); the API has none. */
export function uploadTooLarge(limits: ImportLimits, field?: string): AppError {
  const message = `The file is larger than ${megabytes(limits.maxUploadBytes)} (${IMPORT_LIMIT_VARIABLES.maxUploadBytes}), the most an import takes.`;
  return new AppError("payload_too_large", message, { ...limitDetail("maxUploadBytes", limits), ...(field ? { fields: [{ path: field, message }] } : {}) });
}

/** 413: the workbook unpacks to more than IMPORT_MAX_UNCOMPRESSED_BYTES; reading stopped there. */
export function uncompressedTooLarge(limits: ImportLimits, field = "(file)"): AppError {
  const message =
    `The workbook unpacks to more than ${megabytes(limits.maxUncompressedBytes)} (${IMPORT_LIMIT_VARIABLES.maxUncompressedBytes}); ` +
    "nothing past that was read. Split it into smaller files.";
  return new AppError("payload_too_large", message, { ...limitDetail("maxUncompressedBytes", limits), fields: [{ path: field, message }] });
}

/** 422: more rows with data than IMPORT_MAX_ROWS. */
export function tooManyRows(limits: ImportLimits, field = "(file)"): AppError {
  const message = `has more than ${integer.format(limits.maxRows)} rows with data (${IMPORT_LIMIT_VARIABLES.maxRows}, all sheets together): split it into smaller files`;
  return new AppError("validation_failed", `${field}: ${message}`, { ...limitDetail("maxRows", limits), fields: [{ path: field, message }] });
}

/** 422: a row reaches past column IMPORT_MAX_COLUMNS. `where` says which sheet and row. */
export function tooManyColumns(limits: ImportLimits, where: string, field = "(file)"): AppError {
  const message = `${where} has more than ${integer.format(limits.maxColumns)} columns (${IMPORT_LIMIT_VARIABLES.maxColumns})`;
  return new AppError("validation_failed", `${field}: ${message}`, { ...limitDetail("maxColumns", limits), fields: [{ path: field, message }] });
}

/*
 * At most `concurrency` imports at a time on this instance: each one may hold up to the limits above in
 * memory, so the number running at once bounds the whole. The count lives on globalThis because Next.js may
 * load this module once for the route handlers and once for the server actions; both must share one count.
 */
const SLOTS_KEY = Symbol.for("transfer-governance.import-slots");
type SlotState = { active: number };
const slots = ((globalThis as unknown as Record<symbol, SlotState>)[SLOTS_KEY] ??= { active: 0 });

/** Seconds a refused client is told to wait: a typical import takes a few seconds. */
export const IMPORT_RETRY_AFTER_SECONDS = 5;

/** 429 with Retry-After when `concurrency` imports are already running. */
export function importsBusy(limits: ImportLimits): AppError {
  const count = limits.concurrency === 1 ? "An import is" : `${limits.concurrency} imports are`;
  return new AppError(
    "rate_limited",
    `${count} already running on this server (${IMPORT_LIMIT_VARIABLES.concurrency}): try again in a few seconds.`,
    { retryAfterSeconds: IMPORT_RETRY_AFTER_SECONDS, ...limitDetail("concurrency", limits) },
  );
}

/**
 * Runs `work` in one of the instance's import slots, or refuses at once with 429: no queue, so that waiting
 * uploads hold neither memory nor a connection, and the client is told when to come back. The slot is freed
 * however `work` ends.
 */
export async function withImportSlot<T>(work: () => Promise<T>, limits: ImportLimits = importLimits()): Promise<T> {
  if (slots.active >= limits.concurrency) throw importsBusy(limits);
  slots.active++;
  try {
    return await work();
  } finally {
    slots.active--;
  }
}

/** Imports running now on this instance (for tests and diagnostics). */
export function activeImports(): number {
  return slots.active;
}
