import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
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

/** The columns a token may show: never its hash. */
const visibleTokenColumns = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

export interface TokenListRow {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  ownerName: string;
  ownerEmail: string;
}

/**
 * API tokens with their owner, newest first: one user's (`userId`) or everyone's. Never selects the
 * token hash. Bounded: a list page, not an export.
 */
export async function listApiTokens({ db, userId, limit = 200 }: { db: Executor; userId?: string; limit?: number }): Promise<TokenListRow[]> {
  return db
    .select({ ...visibleTokenColumns, ownerName: users.name, ownerEmail: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(userId ? eq(apiTokens.userId, userId) : undefined)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(limit);
}

export async function getApiTokenById({ db, id }: { db: Executor; id: string }) {
  const rows = await db.select(visibleTokenColumns).from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
  return rows[0];
}

/** Revokes a token that is not revoked yet; undefined when it already was (a concurrent revocation). */
export async function markApiTokenRevoked({ db, id, now = new Date() }: { db: Executor; id: string; now?: Date }) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning(visibleTokenColumns);
  return rows[0];
}
