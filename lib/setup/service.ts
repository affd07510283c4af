import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { appState, entities, processingActivities, processors, users } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/record";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { withDb, type ServiceCall, type ServiceContext } from "@/lib/services/context";
import { createUser } from "@/lib/users/service";
import type { VisibleUser } from "@/db/queries/users";
import { parseInput } from "@/lib/validation/parse";
import { generateSetupCode, hashSetupCode, setupCodeMatches } from "./code";
import { setupBody } from "./contract";

/*
 * First run without the demo. While the installation has no active DPO, start-up stores the hash of a new
 * one-time code in app_state (`setup_code`, replacing any earlier one) and prints the code in the server log;
 * whoever can read that log creates the first DPO at /setup. The code is consumed in the same transaction as
 * the account is created, so two submissions of the same code create one DPO; once a DPO exists (from /setup
 * or `npm run user:create`), the code is gone and /setup says the installation is set up.
 */

export const SETUP_CODE_KEY = "setup_code";

/** Who acts while nobody can sign in yet: the audit trail shows "setup". */
export const SETUP_ACTOR = systemActor("setup");

interface StoredSetupCode {
  hash: string;
  createdAt: string;
}

export async function countActiveDpos({ db }: { db: Executor }): Promise<number> {
  const rows = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "dpo"), isNull(users.disabledAt)));
  return rows[0]?.count ?? 0;
}

async function readStoredCode(db: Executor, { lock = false } = {}): Promise<StoredSetupCode | undefined> {
  const query = db.select({ value: appState.value }).from(appState).where(eq(appState.key, SETUP_CODE_KEY)).limit(1);
  const rows = lock ? await query.for("update") : await query;
  return rows[0]?.value as StoredSetupCode | undefined;
}

async function deleteStoredCode(db: Executor): Promise<boolean> {
  const deleted = await db.delete(appState).where(eq(appState.key, SETUP_CODE_KEY)).returning({ key: appState.key });
  return deleted.length > 0;
}

/**
 * At start-up: a new code when the installation has no active DPO (the earlier code, if any, stops working),
 * else none (and a code left over is deleted). Answers the code to print, once; only its hash is kept.
 */
export async function issueSetupCodeIfNeeded({ db, now = new Date() }: { db: Executor; now?: Date }): Promise<string | null> {
  return db.transaction(async (tx) => {
    if ((await countActiveDpos({ db: tx })) > 0) {
      await deleteStoredCode(tx);
      return null;
    }
    const code = generateSetupCode();
    const value: StoredSetupCode = { hash: hashSetupCode(code), createdAt: now.toISOString() };
    await tx
      .insert(appState)
      .values({ key: SETUP_CODE_KEY, value, updatedAt: now })
      .onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: now } });
    return code;
  });
}

/**
 * Once a DPO exists by any other way (`npm run user:create`), the pending code goes: /setup then answers
 * "already set up". Answers whether a code was deleted.
 */
export async function retireSetupCodeIfDpoExists({ db }: { db: Executor }): Promise<boolean> {
  if ((await countActiveDpos({ db })) === 0) return false;
  return deleteStoredCode(db);
}

export type SetupStatus =
  /** A code is pending and there is no DPO: the set-up form is open. */
  | { state: "pending"; codeCreatedAt: string }
  /** A DPO exists: sign in. */
  | { state: "done" }
  /** No DPO and no code (demo mode, or the code was removed by hand): a restart prints one. */
  | { state: "no_code" };

export async function setupStatus({ db }: { db: Executor }): Promise<SetupStatus> {
  if ((await countActiveDpos({ db })) > 0) return { state: "done" };
  const stored = await readStoredCode(db);
  return stored ? { state: "pending", codeCreatedAt: stored.createdAt } : { state: "no_code" };
}

/** The rate-limit key of set-up attempts: per client address (there is no account yet to key on). */
export function setupAttemptKey(address: string): string {
  return `setup-code|${address}`;
}

export const ALREADY_SET_UP = "This installation is already set up: sign in.";

/**
 * Creates the first DPO with the one-time code: checks the code (a wrong one counts as a failed attempt, five
 * within the sign-in window answer 429), then, in one transaction that holds the code's row locked, creates the
 * account through `createUser` (audited), deletes the code and audits `setup_completed`. A concurrent submission
 * waits for the lock and then finds the code gone.
 */
export async function completeSetup({ ctx, input, address }: ServiceCall & { address: string }): Promise<{ record: VisibleUser }> {
  const data = parseInput(setupBody, input);
  const attemptKey = setupAttemptKey(address);
  const retryAfter = await loginRetryAfter({ db: ctx.db, key: attemptKey });
  if (retryAfter > 0) {
    throw new AppError("rate_limited", "Too many wrong set-up codes. Wait a minute and try again.", { retryAfterSeconds: retryAfter });
  }

  const outcome = await ctx.db.transaction(async (tx) => {
    const stored = await readStoredCode(tx, { lock: true });
    if ((await countActiveDpos({ db: tx })) > 0) return { kind: "already_set_up" as const };
    if (!stored) return { kind: "no_code" as const };
    if (!setupCodeMatches(data.code, stored.hash)) return { kind: "wrong_code" as const };
    const { record } = await createUser({
      ctx: withDb(ctx, tx),
      input: { email: data.email, name: data.name, role: "dpo", password: data.password },
    });
    await deleteStoredCode(tx);
    await appendAuditEvent({
      db: tx,
      actor: ctx.actor,
      action: "setup_completed",
      recordType: "user",
      recordId: record.id,
      after: { email: record.email, name: record.name, role: record.role, codeCreatedAt: stored.createdAt },
    });
    return { kind: "created" as const, record };
  });

  switch (outcome.kind) {
    case "created":
      await clearLoginFailures({ db: ctx.db, key: attemptKey });
      return { record: outcome.record };
    case "already_set_up":
      throw new AppError("conflict", ALREADY_SET_UP, { setupComplete: true });
    case "no_code":
      throw new AppError(
        "conflict",
        "No set-up code is pending. Restart the server to print a new one, or create the DPO with npm run user:create.",
      );
    case "wrong_code":
      await recordLoginFailure({ db: ctx.db, key: attemptKey });
      throw new AppError("validation_failed", "The set-up code is not correct: copy it from the server log.", {
        fields: [{ path: "code", message: "is not the code printed in the server log" }],
      });
  }
}

/** The set-up service context: the system acting as "setup", on the request's database. */
export function setupContext(db: Executor, today: string): ServiceContext {
  return { db, actor: SETUP_ACTOR, today };
}

export interface GuidedStartProgress {
  entities: number;
  activities: number;
  vendors: number;
}

/** What the guided start shows as done: whether the register has any entity, processing activity, vendor. */
export async function guidedStartProgress({ db }: { db: Executor }): Promise<GuidedStartProgress> {
  const count = async (table: typeof entities | typeof processingActivities | typeof processors) =>
    (await db.select({ count: sql<number>`count(*)::int` }).from(table))[0]?.count ?? 0;
  const [entityCount, activityCount, vendorCount] = await Promise.all([count(entities), count(processingActivities), count(processors)]);
  return { entities: entityCount, activities: activityCount, vendors: vendorCount };
}

/**
 * `npm run user:create`: the account, and when it is an active DPO, the pending set-up code goes in the same
 * transaction (a scripted install needs no /setup, and the printed code must not open it afterwards).
 */
export async function createUserClosingSetup({ ctx, input }: ServiceCall): Promise<{ record: VisibleUser; setupCodeRetired: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const { record } = await createUser({ ctx: withDb(ctx, tx), input });
    const setupCodeRetired = await retireSetupCodeIfDpoExists({ db: tx });
    return { record, setupCodeRetired };
  });
}
