import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { getApiTokenById, markApiTokenRevoked } from "@/db/queries/tokens";
import { findUserByEmail, type VisibleUser } from "@/db/queries/users";
import { apiTokens, users, type ApiToken, type Flag, type User } from "@/db/schema";
import { changeUserRoleBody, createTokenBody, createUserBody, tokenRefBody, userRefBody } from "@/lib/api/contracts/users";
import type { ServiceActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/record";
import { assertPasswordPolicy, hashPassword, verifyPassword } from "@/lib/auth/password";
import { generateApiToken } from "@/lib/auth/tokens";
import { AppError, notFound } from "@/lib/errors";
import { withDb, type ServiceCall, type ServiceContext } from "@/lib/services/context";
import { createRecord, updateRecord, type RecordKind, type WriteResult } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * User accounts and their API tokens. Accounts go through the one write sequence (lib/services/write-record.ts)
 * like any record: locked, version-checked (a conflict names who changed the account), authorised, audited with
 * before and after; they feed no flags. The password hash never leaves this module: what is answered and
 * audited is the account without it.
 */

function withoutSecret(user: User): VisibleUser {
  const { passwordHash: _secret, ...visible } = user;
  return visible;
}

/** Administering accounts is the DPO's, or the system's (the CLI, an SSO sign-up); any other actor is refused. */
function assertMayManageAccounts(actor: ServiceActor): void {
  if (actor.kind === "system" || actor.role === "dpo") return;
  throw new AppError("forbidden", "Only the DPO can manage user accounts.");
}

export const userKind: RecordKind<User, VisibleUser> = {
  recordType: "user",
  label: "user",
  lock: async (tx, id) => (await tx.select().from(users).where(eq(users.id, id)).for("update").limit(1))[0],
  expand: (_tx, row) => Promise.resolve(withoutSecret(row)),
  affectedProcessors: () => [],
  authorize: (_tx, actor) => assertMayManageAccounts(actor),
};

export async function createUser({ ctx, input }: ServiceCall): Promise<WriteResult<VisibleUser>> {
  assertMayManageAccounts(ctx.actor);
  const data = parseInput(createUserBody, input);
  if (data.password) assertPasswordPolicy(data.password, { email: data.email, name: data.name });
  // Hashed before the transaction: bcrypt is slow on purpose, and the row lock need not wait for it.
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return createRecord({
    ctx,
    kind: userKind,
    insert: async (tx) => {
      // Named here rather than left to the unique index, so the form says which address is taken.
      if (await findUserByEmail({ db: tx, email: data.email })) {
        throw new AppError("conflict", `A user with the email ${data.email} already exists.`, {
          fields: [{ path: "email", message: "is already taken" }],
        });
      }
      const [row] = await tx.insert(users).values({ email: data.email, name: data.name, role: data.role, passwordHash }).returning();
      return row!;
    },
  });
}

/**
 * One state change of an account at the version the caller saw (or as it is now, when the caller sent none).
 * Repeating a change that is already in place (disabling a disabled account) writes nothing: no version bump,
 * no audit event; a stale version is refused all the same.
 */
async function changeUser({
  ctx,
  userId,
  version,
  action,
  alreadyDone,
  values,
  kind = userKind,
  endSessions = false,
}: {
  ctx: ServiceContext;
  userId: string;
  version: number | undefined;
  action: string;
  alreadyDone: (user: User) => boolean;
  values: Partial<Pick<User, "disabledAt" | "role" | "passwordHash">>;
  kind?: RecordKind<User, VisibleUser>;
  /** Increments the session version in the same write, so that every session cookie issued before is refused. */
  endSessions?: boolean;
}): Promise<WriteResult<VisibleUser>> {
  return ctx.db.transaction(async (tx) => {
    const current = await kind.lock(tx, userId);
    if (current && alreadyDone(current) && (version === undefined || version === current.version)) {
      return { record: withoutSecret(current), flags: [] as Flag[] };
    }
    return updateRecord({
      ctx: withDb(ctx, tx),
      kind,
      id: userId,
      // A missing account has no version: the write sequence's lock answers not_found.
      version: version ?? current?.version ?? 0,
      action,
      change: async (inner, row) => {
        const [updated] = await inner
          .update(users)
          .set({
            ...values,
            ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
            version: sql`${users.version} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(users.id, row.id))
          .returning();
        return updated!;
      },
    });
  });
}

/**
 * Disables an account: its sessions and API tokens stop working at once, because the guard re-reads the
 * user on every request and a token resolves only for an active owner. A DPO cannot disable themselves,
 * so that the organisation is never left without a DPO who can sign in.
 */
export async function disableUser({ ctx, input }: ServiceCall<{ userId: string; version?: number }>) {
  assertMayManageAccounts(ctx.actor);
  const data = parseInput(userRefBody, input);
  if (ctx.actor.userId === data.userId) {
    throw new AppError("conflict", "You cannot disable your own account: ask another DPO to do it.");
  }
  return changeUser({
    ctx,
    userId: data.userId,
    version: data.version,
    action: "disable",
    alreadyDone: (user) => user.disabledAt !== null,
    values: { disabledAt: new Date() },
    // Re-enabling the account later must not bring its old sessions back.
    endSessions: true,
  });
}

/** Re-enables a disabled account: its unexpired, unrevoked tokens work again. */
export async function enableUser({ ctx, input }: ServiceCall<{ userId: string; version?: number }>) {
  assertMayManageAccounts(ctx.actor);
  const data = parseInput(userRefBody, input);
  return changeUser({
    ctx,
    userId: data.userId,
    version: data.version,
    action: "enable",
    alreadyDone: (user) => user.disabledAt === null,
    values: { disabledAt: null },
  });
}

/**
 * Changes a user's role; their session and tokens carry the new role from the next request. A DPO cannot
 * remove their own DPO role (another DPO must), for the same reason as for disabling.
 */
export async function changeUserRole({ ctx, input }: ServiceCall<{ userId: string; role: string; version?: number }>) {
  assertMayManageAccounts(ctx.actor);
  const data = parseInput(changeUserRoleBody, input);
  if (ctx.actor.userId === data.userId && data.role !== "dpo") {
    throw new AppError("conflict", "You cannot remove your own DPO role: ask another DPO to do it.", {
      fields: [{ path: "role", message: "cannot remove your own DPO role" }],
    });
  }
  return changeUser({
    ctx,
    userId: data.userId,
    version: data.version,
    action: "change_role",
    alreadyDone: (user) => user.role === data.role,
    values: { role: data.role },
    // Issue 14: a role change ends the user's sessions; they sign in again under the new role.
    endSessions: true,
  });
}

const changePasswordBody = userRefBody.extend({
  password: z.string().max(1024),
  /** Required when users change their own password: a session left open on a shared screen must not suffice. */
  currentPassword: z.string().max(1024).optional(),
});

/** The account itself may change its password; the DPO and the system may set anyone's (a reset). */
const passwordKind: RecordKind<User, VisibleUser> = {
  ...userKind,
  authorize: (_tx, actor, row) => {
    if (actor.kind === "user" && actor.userId === row.id) return;
    assertMayManageAccounts(actor);
  },
};

/**
 * Sets a new password under the policy of lib/auth/password.ts and ends every session of the account (issue 14:
 * a password change must lock out whoever had the old one). Users changing their own give the current
 * password; a DPO's or the CLI's reset does not. The hash is never audited: the event shows the new version.
 */
export async function changePassword({ ctx, input }: ServiceCall<{ userId: string; password: string; currentPassword?: string; version?: number }>) {
  const data = parseInput(changePasswordBody, input);
  const user = (await ctx.db.select().from(users).where(eq(users.id, data.userId)).limit(1))[0];
  if (!user) throw notFound("user", data.userId);
  await passwordKind.authorize(ctx.db, ctx.actor, user);
  if (ctx.actor.kind === "user" && ctx.actor.userId === user.id) {
    const current = data.currentPassword ?? "";
    if (!user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
      throw new AppError("validation_failed", "currentPassword: is not your current password", {
        fields: [{ path: "currentPassword", message: "is not your current password" }],
      });
    }
  }
  assertPasswordPolicy(data.password, { email: user.email, name: user.name });
  const passwordHash = await hashPassword(data.password);
  return changeUser({
    ctx,
    userId: data.userId,
    version: data.version,
    action: "change_password",
    alreadyDone: () => false,
    values: { passwordHash },
    kind: passwordKind,
    endSessions: true,
  });
}

/** An API token as answered: never its hash (the token queries never select it). */
export type ApiTokenRecord = Omit<ApiToken, "tokenHash">;

function withoutHash(token: ApiToken): ApiTokenRecord {
  const { tokenHash: _hash, ...visible } = token;
  return visible;
}

/**
 * Creates a personal token carrying its owner's role. The token (`token`) is answered once and never stored.
 * A user creates tokens only for themselves; the system (the CLI) for anyone.
 */
export async function createApiToken({ ctx, input }: ServiceCall<{ userId: string; name: string; expiresInDays?: number }>) {
  const data = parseInput(createTokenBody, input);
  if (ctx.actor.kind === "user" && ctx.actor.userId !== data.userId) {
    throw new AppError("forbidden", "You can create API tokens only for yourself.");
  }
  const { token, hash, prefix } = generateApiToken();
  return ctx.db.transaction(async (tx) => {
    const owner = (await tx.select().from(users).where(eq(users.id, data.userId)).limit(1))[0];
    if (!owner || owner.disabledAt) throw new AppError("not_found", "No active user for this token.");
    const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null;
    const [row] = await tx.insert(apiTokens).values({ userId: data.userId, name: data.name, tokenHash: hash, prefix, expiresAt }).returning();
    await appendAuditEvent({
      db: tx,
      actor: ctx.actor,
      action: "create",
      recordType: "api_token",
      recordId: row!.id,
      after: { name: row!.name, prefix, userId: data.userId, expiresAt },
    });
    return { record: withoutHash(row!), token };
  });
}

/** Revokes an API token: its owner may, and the DPO (or the system) may revoke anyone's. Revoking twice changes nothing. */
export async function revokeApiToken({ ctx, input }: ServiceCall<{ tokenId: string }>): Promise<{ record: ApiTokenRecord }> {
  const { tokenId } = parseInput(tokenRefBody, input);
  const { actor } = ctx;
  return ctx.db.transaction(async (tx: Executor) => {
    const token = await getApiTokenById({ db: tx, id: tokenId });
    if (!token) throw notFound("API token", tokenId);
    if (actor.kind === "user" && token.userId !== actor.userId && actor.role !== "dpo") {
      throw new AppError("forbidden", "You can revoke only your own API tokens.");
    }
    if (token.revokedAt) return { record: token };
    const revoked = await markApiTokenRevoked({ db: tx, id: tokenId });
    // Revoked by a concurrent request in between: already done, nothing to record.
    if (!revoked) return { record: (await getApiTokenById({ db: tx, id: tokenId }))! };
    await appendAuditEvent({
      db: tx,
      actor,
      action: "revoke",
      recordType: "api_token",
      recordId: tokenId,
      before: { name: token.name, prefix: token.prefix, userId: token.userId, revokedAt: null },
      after: { name: revoked.name, prefix: revoked.prefix, userId: revoked.userId, revokedAt: revoked.revokedAt },
    });
    return { record: revoked };
  });
}
