import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { apiTokens, users } from "../schema";

/** The token and its owner, when the token is neither revoked nor expired and its owner is not disabled. */
export async function findActiveTokenByHash({ db, tokenHash, now = new Date() }: { db: Executor; tokenHash: string; now?: Date }) {
  const rows = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        isNull(users.disabledAt),
        or(isNull(apiTokens.expiresAt), sql`${apiTokens.expiresAt} > ${now}`),
      ),
    )
    .limit(1);
  return rows[0];
}

/** last_used_at at minute precision: a busy token does not rewrite its row on every request. */
export async function touchTokenUsed({ db, id, now = new Date() }: { db: Executor; id: string; now?: Date }) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)))));
}
