import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getApiTokenById, markApiTokenRevoked } from "@/db/queries/tokens";
import { findUserByEmail, getUserById, updateUserIfVersion, type VisibleUser } from "@/db/queries/users";
import { apiTokens, users, type User, type UserRole } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { generateApiToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { changeUserRoleInput, createTokenInput, createUserInput, tokenRefInput, userRefInput } from "@/lib/validation/user";
import { parseInput } from "@/lib/validation/parse";

export async function createUser({ db, actor, input }: { db: Executor; actor: AuditActor; input: unknown }) {
  const data = parseInput(createUserInput, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return db.transaction(async (tx) => {
    if (await findUserByEmail({ db: tx, email: data.email })) {
      throw new AppError("conflict", `A user with the email ${data.email} already exists.`, {
        fields: [{ path: "email", message: "is already taken" }],
      });
    }
    const [user] = await tx.insert(users).values({ email: data.email, name: data.name, role: data.role, passwordHash }).returning();
    const { passwordHash: _secret, ...visible } = user!;
    await appendAuditEvent({ db: tx, actor, action: "create", recordType: "user", recordId: user!.id, after: visible });
    return visible;
  });
}

/** Creates a personal token carrying its owner's role. The token is returned once and never stored. */
export async function createApiToken({ db, actor, userId, input }: { db: Executor; actor: AuditActor; userId: string; input: unknown }) {
  const data = parseInput(createTokenInput, input);
  const { token, hash, prefix } = generateApiToken();
  return db.transaction(async (tx) => {
    const owner = (await tx.select().from(users).where(eq(users.id, userId)).limit(1))[0];
    if (!owner || owner.disabledAt) throw new AppError("not_found", "No active user for this token.");
    const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null;
    const [row] = await tx.insert(apiTokens).values({ userId, name: data.name, tokenHash: hash, prefix, expiresAt }).returning();
    await appendAuditEvent({
      db: tx,
      actor,
      action: "create",
      recordType: "api_token",
      recordId: row!.id,
      after: { name: row!.name, prefix, userId, expiresAt },
    });
    return { token, id: row!.id, name: row!.name, prefix };
  });
}

/** Who administers accounts and tokens: an audit actor whose role the service checks itself. */
export type AccountActor = AuditActor & { role: UserRole };

function withoutSecret(user: User): VisibleUser {
  const { passwordHash: _secret, ...visible } = user;
  return visible;
}

function assertDpo(actor: AccountActor): void {
  if (actor.role !== "dpo") throw new AppError("forbidden", "Only the DPO can manage user accounts.");
}

/** Reads the user for a change: it must exist and, when the caller sent the version it saw, still be at it. */
async function loadUserForChange({ db, userId, version }: { db: Executor; userId: string; version?: number }) {
  const user = await getUserById({ db, id: userId });
  if (!user) throw new AppError("not_found", `No user with id ${userId}.`);
  if (version !== undefined && user.version !== version) {
    throw new AppError("version_conflict", `${user.email} was changed by someone else since you opened the page. Reload and try again.`, {
      currentVersion: user.version,
    });
  }
  return user;
}

/** Writes the change if the row is still at the version read, then records it with before and after. */
async function applyUserChange({
  db,
  actor,
  user,
  action,
  values,
}: {
  db: Executor;
  actor: AccountActor;
  user: User;
  action: string;
  values: Parameters<typeof updateUserIfVersion>[0]["values"];
}): Promise<VisibleUser> {
  const updated = await updateUserIfVersion({ db, id: user.id, version: user.version, values });
  if (!updated) {
    throw new AppError("version_conflict", `${user.email} was changed by someone else at the same time. Reload and try again.`);
  }
  const after = withoutSecret(updated);
  await appendAuditEvent({ db, actor, action, recordType: "user", recordId: user.id, before: withoutSecret(user), after });
  return after;
}

/**
 * Disables an account: its sessions and API tokens stop working at once, because the guard re-reads the
 * user on every request and a token resolves only for an active owner. A DPO cannot disable themselves,
 * so that the organisation is never left without a DPO who can sign in.
 */
export async function disableUser({ db, actor, userId, version }: { db: Executor; actor: AccountActor; userId: string; version?: number }) {
  assertDpo(actor);
  const data = parseInput(userRefInput, { userId, version });
  if (actor.userId === data.userId) {
    throw new AppError("conflict", "You cannot disable your own account: ask another DPO to do it.");
  }
  return db.transaction(async (tx) => {
    const user = await loadUserForChange({ db: tx, userId: data.userId, version: data.version });
    if (user.disabledAt) return withoutSecret(user);
    return applyUserChange({ db: tx, actor, user, action: "disable", values: { disabledAt: new Date() } });
  });
}

/** Re-enables a disabled account: its unexpired, unrevoked tokens work again. */
export async function enableUser({ db, actor, userId, version }: { db: Executor; actor: AccountActor; userId: string; version?: number }) {
  assertDpo(actor);
  const data = parseInput(userRefInput, { userId, version });
  return db.transaction(async (tx) => {
    const user = await loadUserForChange({ db: tx, userId: data.userId, version: data.version });
    if (!user.disabledAt) return withoutSecret(user);
    return applyUserChange({ db: tx, actor, user, action: "enable", values: { disabledAt: null } });
  });
}

/**
 * Changes a user's role; their session and tokens carry the new role from the next request. A DPO cannot
 * remove their own DPO role (another DPO must), for the same reason as for disabling.
 */
export async function changeUserRole({
  db,
  actor,
  userId,
  role,
  version,
}: {
  db: Executor;
  actor: AccountActor;
  userId: string;
  role: UserRole;
  version?: number;
}) {
  assertDpo(actor);
  const data = parseInput(changeUserRoleInput, { userId, role, version });
  if (actor.userId === data.userId && data.role !== "dpo") {
    throw new AppError("conflict", "You cannot remove your own DPO role: ask another DPO to do it.", {
      fields: [{ path: "role", message: "cannot remove your own DPO role" }],
    });
  }
  return db.transaction(async (tx) => {
    const user = await loadUserForChange({ db: tx, userId: data.userId, version: data.version });
    if (user.role === data.role) return withoutSecret(user);
    return applyUserChange({ db: tx, actor, user, action: "change_role", values: { role: data.role } });
  });
}

/** Revokes an API token: its owner may, and the DPO may revoke anyone's. Revoking twice changes nothing. */
export async function revokeApiToken({ db, actor, tokenId }: { db: Executor; actor: AccountActor; tokenId: string }) {
  parseInput(tokenRefInput, { tokenId });
  return db.transaction(async (tx) => {
    const token = await getApiTokenById({ db: tx, id: tokenId });
    if (!token) throw new AppError("not_found", `No API token with id ${tokenId}.`);
    if (token.userId !== actor.userId && actor.role !== "dpo") {
      throw new AppError("forbidden", "You can revoke only your own API tokens.");
    }
    if (token.revokedAt) return token;
    const revoked = await markApiTokenRevoked({ db: tx, id: tokenId });
    if (!revoked) return (await getApiTokenById({ db: tx, id: tokenId }))!;
    await appendAuditEvent({
      db: tx,
      actor,
      action: "revoke",
      recordType: "api_token",
      recordId: tokenId,
      before: { name: token.name, prefix: token.prefix, userId: token.userId, revokedAt: null },
      after: { name: revoked.name, prefix: revoked.prefix, userId: revoked.userId, revokedAt: revoked.revokedAt },
    });
    return revoked;
  });
}
