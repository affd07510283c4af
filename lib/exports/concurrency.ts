import { AppError } from "@/lib/errors";

/*
 * Heavy exports get a concurrency limit per app instance (issue 14, item 2): an export holds a database
 * connection (PGlite: the whole database) and up to hundreds of MB of memory for as long as it streams, so a
 * client that starts many at once could starve every other user. Beyond the limit a request is refused at
 * once with 429 and Retry-After rather than queued: a queued request would still hold its connection.
 */

/** The environment variables read (process.env, or a test's own). */
type Environment = Readonly<Record<string, string | undefined>>;

export const DEFAULT_EXPORT_CONCURRENCY = 2;

/** What a refused client is told to wait: about the time a large export takes (bench: 5 s for 100,000 transfers). */
export const EXPORT_RETRY_AFTER_SECONDS = 5;

/** EXPORT_CONCURRENCY: the number of exports one instance runs at a time (default 2). */
export function exportConcurrency(env: Environment = process.env): number {
  const value = env.EXPORT_CONCURRENCY?.trim();
  if (!value) return DEFAULT_EXPORT_CONCURRENCY;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new AppError("unavailable", `EXPORT_CONCURRENCY must be a positive whole number, not "${value}".`, {
      fields: [{ path: "EXPORT_CONCURRENCY", message: "a positive whole number" }],
    });
  }
  return limit;
}

// One count per process: Next.js loads this module in several bundles.
const globalForSlots = globalThis as unknown as { __exportSlots?: { running: number } };
const slots = (globalForSlots.__exportSlots ??= { running: 0 });

/** Exports running now in this process. */
export function runningExports(): number {
  return slots.running;
}

/**
 * Takes one of the instance's export slots, or refuses with `rate_limited` (429, Retry-After) when all are
 * taken. Returns the release, which is idempotent: call it once the export has ended, however it ended.
 */
export function acquireExportSlot(limit: number = exportConcurrency()): () => void {
  if (slots.running >= limit) {
    throw new AppError(
      "rate_limited",
      `This server runs at most ${limit} export${limit === 1 ? "" : "s"} at a time and ${slots.running} are running: try again in ${EXPORT_RETRY_AFTER_SECONDS} seconds.`,
      { retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS, limit },
    );
  }
  slots.running += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.running -= 1;
  };
}
