import "server-only";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";
import type { Executor } from "@/db/client";
import { loginFailures } from "@/db/schema";

/** Five failed sign-ins per account and client address within a minute, then HTTP 429 until the window passes. */
export const LOGIN_MAX_FAILURES = 5;
// LOGIN_WINDOW_SECONDS exists for the end-to-end tests, which cannot wait a minute.
export const LOGIN_WINDOW_MS = Number(process.env.LOGIN_WINDOW_SECONDS ?? 60) * 1000;

export function loginKey(email: string, address: string): string {
  return `${email.trim().toLowerCase()}|${address}`;
}

/** Seconds until the next attempt is allowed, or 0 when the key may try now. */
export async function loginRetryAfter({ db, key, now = new Date() }: { db: Executor; key: string; now?: Date }): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const rows = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${loginFailures.failedAt})::text` })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.failedAt, since)));
  const { count = 0, oldest = null } = rows[0] ?? {};
  if (count < LOGIN_MAX_FAILURES || !oldest) return 0;
  const reopensAt = new Date(oldest).getTime() + LOGIN_WINDOW_MS;
  return Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
}

export async function recordLoginFailure({ db, key, now = new Date() }: { db: Executor; key: string; now?: Date }): Promise<void> {
  await db.insert(loginFailures).values({ key, failedAt: now });
  // Keep the table small: nothing older than the window matters.
  await db.delete(loginFailures).where(lt(loginFailures.failedAt, new Date(now.getTime() - 10 * LOGIN_WINDOW_MS)));
}

export async function clearLoginFailures({ db, key }: { db: Executor; key: string }): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}

/**
 * Checks the limit and counts this attempt in one step: 0 when the attempt may go ahead (it is recorded as a
 * failure until `clearLoginFailures` says it succeeded), else the seconds to wait. Serialised per key across
 * instances (an advisory lock on the key), so that parallel guesses cannot all pass the check before any of
 * them is recorded: the limit holds for a burst as well as for a sequence.
 */
export async function reserveLoginAttempt({ db, key, now = new Date() }: { db: Executor; key: string; now?: Date }): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.signInAttempt}::int, hashtext(${key}))`);
    const retryAfter = await loginRetryAfter({ db: tx, key, now });
    if (retryAfter > 0) return retryAfter;
    await recordLoginFailure({ db: tx, key, now });
    return 0;
  });
}
