import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { listAuditEvents, listRecordHistory } from "@/db/queries/audit";
import { findActiveTokenByHash, listApiTokens } from "@/db/queries/tokens";
import { getUserById, listUsers } from "@/db/queries/users";
import { auditEvents, type UserRole } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify";
import { hashApiToken } from "@/lib/auth/tokens";
import {
  changeUserRole,
  createApiToken,
  createUser,
  disableUser,
  enableUser,
  revokeApiToken,
} from "@/lib/users/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR } from "./factories";

const TODAY = "2026-03-01";

/** A fresh account of the role, and the actor it is when it acts. */
async function makeUser(db: Executor, role: UserRole) {
  const tag = crypto.randomBytes(4).toString("hex");
  const { record: user } = await createUser({
    ctx: { db, actor: TEST_ACTOR, today: TODAY },
    input: { email: `${role}-${tag}@users.test`, name: `${role} ${tag}`, role, password: "a-long-password-1" },
  });
  const actor: UserActor = { kind: "user", userId: user.id, tokenId: null, label: `${user.name} <${user.email}>`, role };
  return { user, actor };
}

async function userEvents(db: Executor, recordType: string, recordId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
    .orderBy(auditEvents.id);
}

describeOnDatabases("users and API tokens", (use) => {
  it("disabling a user stops their token at once; re-enabling restores it; both are audited without the password hash", async () => {
    const { db } = use();
    const { actor: dpo } = await makeUser(db, "dpo");
    const { user: engineer } = await makeUser(db, "engineer");
    const { token } = await createApiToken({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { userId: engineer.id, name: "ci" } });
    expect(await findActiveTokenByHash({ db, tokenHash: hashApiToken(token) })).toBeDefined();

    const { record: disabled } = await disableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: engineer.id, version: engineer.version } });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect(disabled.version).toBe(engineer.version + 1);
    expect(disabled).not.toHaveProperty("passwordHash");
    expect(await findActiveTokenByHash({ db, tokenHash: hashApiToken(token) })).toBeUndefined();
    expect((await getUserById({ db, id: engineer.id }))!.disabledAt).toBeInstanceOf(Date);

    const { record: enabled } = await enableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: engineer.id, version: disabled.version } });
    expect(enabled.disabledAt).toBeNull();
    expect(await findActiveTokenByHash({ db, tokenHash: hashApiToken(token) })).toBeDefined();

    const events = await userEvents(db, "user", engineer.id);
    expect(events.map((event) => event.action)).toEqual(["create", "disable", "enable"]);
    const [, disableEvent, enableEvent] = events;
    expect(disableEvent!.actorUserId).toBe(dpo.userId);
    expect(disableEvent!.before).toMatchObject({ disabledAt: null, version: 1 });
    expect(disableEvent!.after).toMatchObject({ version: 2 });
    expect(disableEvent!.after!.disabledAt).toEqual(expect.any(String));
    expect(enableEvent!.after).toMatchObject({ disabledAt: null, version: 3 });
    for (const event of events) {
      expect(JSON.stringify([event.before, event.after])).not.toMatch(/passwordHash|\$2[aby]\$/);
    }
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
  });

  it("refuses a change made on a stale version, and changes nothing", async () => {
    const { db } = use();
    const { actor: dpo } = await makeUser(db, "dpo");
    const { user } = await makeUser(db, "engineer");
    const { record: promoted } = await changeUserRole({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: user.id, role: "auditor", version: user.version } });
    expect(promoted).toMatchObject({ role: "auditor", version: 2 });

    // A second DPO still has the page rendered at version 1.
    // The refusal names who changed the account last (its latest audit event), so the second DPO knows whom to ask.
    await expect(changeUserRole({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: user.id, role: "dpo", version: 1 } })).rejects.toMatchObject({
      code: "version_conflict",
      message: expect.stringContaining(`changed by ${dpo.label}`),
      details: { currentVersion: 2, changedBy: dpo.label },
    });
    await expect(disableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: user.id, version: 1 } })).rejects.toMatchObject({ code: "version_conflict" });
    expect(await getUserById({ db, id: user.id })).toMatchObject({ role: "auditor", version: 2, disabledAt: null });
    expect((await userEvents(db, "user", user.id)).map((event) => event.action)).toEqual(["create", "change_role"]);
  });

  it("a DPO cannot disable themselves or drop their own DPO role; other roles cannot manage accounts", async () => {
    const { db } = use();
    const { user: self, actor: dpo } = await makeUser(db, "dpo");
    const { user: other, actor: engineer } = await makeUser(db, "engineer");
    await expect(disableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: self.id } })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/own account/) });
    await expect(changeUserRole({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: self.id, role: "engineer" } })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/own DPO role/),
    });
    expect(await getUserById({ db, id: self.id })).toMatchObject({ role: "dpo", disabledAt: null, version: 1 });

    await expect(disableUser({ ctx: { db, actor: engineer, today: TODAY }, input: { userId: self.id } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeUserRole({ ctx: { db, actor: engineer, today: TODAY }, input: { userId: other.id, role: "dpo" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(enableUser({ ctx: { db, actor: { ...engineer, role: "auditor" }, today: TODAY }, input: { userId: other.id } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeUserRole({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: other.id, role: "admin" as UserRole } })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(disableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: "not-a-uuid" } })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(disableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: crypto.randomUUID() } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("repeating a change is a no-op: no version bump, no audit event", async () => {
    const { db } = use();
    const { actor: dpo } = await makeUser(db, "dpo");
    const { user } = await makeUser(db, "auditor");
    await disableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: user.id } });
    const { record: again } = await disableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: user.id } });
    expect(again.version).toBe(2);
    const { record: same } = await changeUserRole({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: user.id, role: "auditor" } });
    expect(same.version).toBe(2);
    expect((await userEvents(db, "user", user.id)).map((event) => event.action)).toEqual(["create", "disable"]);
  });

  it("only the owner or the DPO revokes a token; a revoked token no longer resolves", async () => {
    const { db } = use();
    const { user: owner, actor: ownerActor } = await makeUser(db, "engineer");
    const { actor: otherEngineer } = await makeUser(db, "engineer");
    const { actor: auditor } = await makeUser(db, "auditor");
    const { actor: dpo } = await makeUser(db, "dpo");
    const first = await createApiToken({ ctx: { db, actor: ownerActor, today: TODAY }, input: { userId: owner.id, name: "laptop", expiresInDays: 30 } });
    const second = await createApiToken({ ctx: { db, actor: ownerActor, today: TODAY }, input: { userId: owner.id, name: "ci" } });
    // A token acts as its owner: nobody mints one for someone else (only the system, from the CLI, may).
    await expect(createApiToken({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: owner.id, name: "borrowed" } })).rejects.toMatchObject({ code: "forbidden" });

    await expect(revokeApiToken({ ctx: { db, actor: otherEngineer, today: TODAY }, input: { tokenId: first.record.id } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiToken({ ctx: { db, actor: auditor, today: TODAY }, input: { tokenId: first.record.id } })).rejects.toMatchObject({ code: "forbidden" });
    expect(await findActiveTokenByHash({ db, tokenHash: hashApiToken(first.token) })).toBeDefined();

    const { record: revoked } = await revokeApiToken({ ctx: { db, actor: ownerActor, today: TODAY }, input: { tokenId: first.record.id } });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await findActiveTokenByHash({ db, tokenHash: hashApiToken(first.token) })).toBeUndefined();
    // Revoking again changes nothing and records nothing.
    expect((await revokeApiToken({ ctx: { db, actor: ownerActor, today: TODAY }, input: { tokenId: first.record.id } })).record.revokedAt).toEqual(revoked.revokedAt);

    await revokeApiToken({ ctx: { db, actor: dpo, today: TODAY }, input: { tokenId: second.record.id } });
    expect(await findActiveTokenByHash({ db, tokenHash: hashApiToken(second.token) })).toBeUndefined();
    await expect(revokeApiToken({ ctx: { db, actor: dpo, today: TODAY }, input: { tokenId: crypto.randomUUID() } })).rejects.toMatchObject({ code: "not_found" });

    const firstEvents = await userEvents(db, "api_token", first.record.id);
    expect(firstEvents.map((event) => event.action)).toEqual(["create", "revoke"]);
    expect(firstEvents[1]).toMatchObject({ actorUserId: owner.id, before: { revokedAt: null, name: "laptop" } });
    expect(firstEvents[1]!.after!.revokedAt).toEqual(expect.any(String));
    const secondEvents = await userEvents(db, "api_token", second.record.id);
    expect(secondEvents.at(-1)).toMatchObject({ action: "revoke", actorUserId: dpo.userId });
  });

  it("lists tokens without their hash, own or everyone's", async () => {
    const { db } = use();
    const { user: owner, actor } = await makeUser(db, "auditor");
    const { user: other } = await makeUser(db, "engineer");
    await createApiToken({ ctx: { db, actor, today: TODAY }, input: { userId: owner.id, name: "exports" } });
    await createApiToken({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { userId: other.id, name: "other" } });
    const own = await listApiTokens({ db, userId: owner.id });
    expect(own.map((token) => token.name)).toEqual(["exports"]);
    expect(own[0]).toMatchObject({ userId: owner.id, ownerEmail: owner.email, revokedAt: null });
    expect(own[0]!.prefix).toMatch(/^tgv_/);
    expect(own[0]).not.toHaveProperty("tokenHash");
    const all = await listApiTokens({ db });
    expect(all.map((token) => token.userId)).toEqual(expect.arrayContaining([owner.id, other.id]));
  });

  it("lists users without the password hash, filtered and paged", async () => {
    const { db } = use();
    const { actor: dpo } = await makeUser(db, "dpo");
    const { user } = await makeUser(db, "auditor");
    await disableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: user.id } });
    const { rows, total } = await listUsers({ db, page: 1, pageSize: 100, q: user.email.toUpperCase() });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ id: user.id, role: "auditor" });
    expect(rows[0]).not.toHaveProperty("passwordHash");
    const disabled = await listUsers({ db, page: 1, pageSize: 100, status: "disabled" });
    expect(disabled.rows.map((row) => row.id)).toContain(user.id);
    expect(disabled.rows.every((row) => row.disabledAt !== null)).toBe(true);
    const firstPage = await listUsers({ db, page: 1, pageSize: 1 });
    expect(firstPage.rows).toHaveLength(1);
    expect(firstPage.total).toBeGreaterThanOrEqual(2);
  });

  it("lists audit events newest first, filtered, and a record's history", async () => {
    const { db } = use();
    const { actor: dpo } = await makeUser(db, "dpo");
    const { user } = await makeUser(db, "engineer");
    await changeUserRole({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: user.id, role: "auditor" } });
    await disableUser({ ctx: { db, actor: dpo, today: TODAY }, input: { userId: user.id } });

    const history = await listRecordHistory({ db, recordType: "user", recordId: user.id, limit: 10 });
    expect(history.map((event) => event.action)).toEqual(["disable", "change_role", "create"]);
    expect(history[1]!.before).toMatchObject({ role: "engineer" });
    expect(history[1]!.after).toMatchObject({ role: "auditor" });
    expect(await listRecordHistory({ db, recordType: "user", recordId: user.id, limit: 1 })).toHaveLength(1);

    const filtered = await listAuditEvents({ db, page: 1, pageSize: 50, recordType: "user", action: "change_role", recordId: user.id });
    expect(filtered.total).toBe(1);
    expect(filtered.rows[0]).toMatchObject({ action: "change_role", recordType: "user", recordId: user.id, actorUserId: dpo.userId });
    expect(filtered.rows[0]).not.toHaveProperty("hash");

    const page = await listAuditEvents({ db, page: 1, pageSize: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.rows[0]!.id).toBeGreaterThan(page.rows[1]!.id);
    const next = await listAuditEvents({ db, page: 2, pageSize: 2 });
    expect(next.rows[0]!.id).toBeLessThan(page.rows[1]!.id);
    expect(page.total).toBe(next.total);
  });
});
