import bcrypt from "bcryptjs";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";
import type { Executor } from "@/db/client";
import { buildDemoRegister, hasEntities, insertDemoRegister, insertDemoUsers } from "@/db/seed/demo";
import { and, eq, sql } from "drizzle-orm";
import { flags, transfers } from "@/db/schema";
import { appendAuditEvent, type AuditActor, type AuditEventInput } from "@/lib/audit/record";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import { systemActor } from "@/lib/auth/actor";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { normalizeProcessorName } from "@/lib/processors/normalize-name";
import { seedDemoNotice } from "@/lib/notices/demo";

/*
 * Loads the demo company (db/seed/demo.ts holds its data and SQL): the demo accounts, the register, and its
 * audit trail, in one transaction.
 */

const DEMO_SEED_ACTOR = systemActor("system (demo data)");

// OWASP's minimum bcrypt cost; the demo passwords are public anyway, start-up time matters more here.
const DEMO_BCRYPT_COST = 10;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

interface TimedEvent {
  at: Date;
  actor: AuditActor;
  event: AuditEventInput;
}

/**
 * The demo's clock: a moment `daysAgo` days before `today` (09:00 UTC, plus `index` seconds so that the
 * records of one day keep their order). Deterministic from `today`, like the rest of the demo.
 */
function demoTimeline(today: string) {
  const midnight = Date.parse(`${today}T00:00:00Z`);
  return {
    at: (daysAgo: number, index: number) => new Date(midnight - daysAgo * DAY_MS + 9 * HOUR_MS + index * 1000),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** The label the services give a demo account's actions (lib/auth/actor.ts userActor). */
function demoUserLabel(role: "dpo" | "engineer"): string {
  const user = DEMO_USERS.find((candidate) => candidate.role === role)!;
  return `${user.name} <${user.email}>`;
}

function pickKeys<T extends object>(row: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, (row as Record<string, unknown>)[key]])) as Partial<T>;
}

/** The DPO's acceptance of one risk on its day, as lib/flags/service.ts records it (the `accept_risk` event). */
async function acceptDemoRisk(
  tx: Executor,
  risk: { ruleId: string; subjectId: string; at: Date; acceptedUntil: string; justification: string; dpo: AuditActor },
): Promise<TimedEvent> {
  const [flag] = await tx.select().from(flags).where(and(eq(flags.ruleId, risk.ruleId), eq(flags.subjectId, risk.subjectId)));
  if (!flag || flag.status !== "open") throw new Error(`seedDemoData: no open ${risk.ruleId} flag to accept`);
  await tx
    .update(flags)
    .set({
      status: "accepted",
      acceptedByUserId: risk.dpo.userId,
      acceptedAt: risk.at,
      acceptanceJustification: risk.justification,
      acceptedUntil: risk.acceptedUntil,
      acceptedSeverity: flag.severity,
      acceptedFacts: flag.facts,
      version: flag.version + 1,
    })
    .where(eq(flags.id, flag.id));
  return {
    at: risk.at,
    actor: risk.dpo,
    event: {
      action: "accept_risk",
      recordType: "flag",
      recordId: flag.id,
      before: { status: "open" },
      after: { status: "accepted", justification: risk.justification, acceptedUntil: risk.acceptedUntil },
    },
  };
}

/**
 * The flags' dates as the history has them: a finding opened when its subject entered the tool, or later
 * when the calendar made it true (a DPF certification lapsing, an agreement expiring or coming within 60
 * days of its expiry); the fixed transfer's flag resolved on the day of the fix.
 */
async function backdateFlags(
  tx: Executor,
  {
    enteredAt,
    register,
    fixedTransferId,
    fixedAt,
    today,
  }: {
    enteredAt: ReadonlyMap<string, Date>;
    register: { processors: readonly { id: string; dpfExpiry?: string | null }[]; agreements: readonly { id?: string; expiryDate?: string | null }[] };
    fixedTransferId: string;
    fixedAt: Date;
    today: string;
  },
) {
  const dpfExpiry = new Map(register.processors.map((row) => [row.id, row.dpfExpiry ?? null]));
  const expiry = new Map(register.agreements.map((row) => [row.id!, row.expiryDate ?? null]));
  const nineAm = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T09:00:00Z`) + days * DAY_MS);
  const latest = (...dates: (Date | null)[]) => new Date(Math.max(...dates.filter((date): date is Date => date !== null).map((date) => date.getTime())));
  const rows = await tx.select().from(flags);
  for (const flag of rows) {
    const entered = enteredAt.get(flag.subjectId) ?? null;
    let becameTrue: Date | null = null;
    const lapse = dpfExpiry.get(flag.subjectId);
    const ends = expiry.get(flag.subjectId);
    // A certification that has expired made the flag true the day after; one still valid (a flag for the UK
    // Extension it lacks) was wrong from the vendor's entry on.
    if (flag.ruleId === "processor.dpf-lapsed" && lapse && lapse < today) becameTrue = nineAm(lapse, 1);
    if (flag.ruleId === "agreement.expired" && ends) becameTrue = nineAm(ends, 1);
    if (flag.ruleId === "agreement.expiring-soon" && ends) becameTrue = nineAm(ends, -60);
    const firstSeenAt = latest(entered, becameTrue, null);
    if (Number.isNaN(firstSeenAt.getTime())) continue;
    const resolved = flag.subjectId === fixedTransferId && flag.status === "resolved";
    const lastSeenAt = resolved ? fixedAt : latest(firstSeenAt, nineAm(today, 0));
    await tx
      .update(flags)
      .set({ firstSeenAt, lastSeenAt: lastSeenAt < firstSeenAt ? firstSeenAt : lastSeenAt, ...(resolved ? { resolvedAt: fixedAt } : {}) })
      .where(eq(flags.id, flag.id));
  }
}

/** Pairs grouped by their first element, each group sorted (as the services list categories and transfer ids). */
function groupSorted(pairs: readonly (readonly [string, string])[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [key, value] of pairs) groups.set(key, [...(groups.get(key) ?? []), value]);
  for (const values of groups.values()) values.sort();
  return groups;
}

/**
 * Loads the demo company, in one transaction, when the database has no entity yet; otherwise does nothing
 * and returns { seeded: false }. The demo users are created with it and only with it: on a database that
 * already holds a register, demo mode never adds accounts with public passwords.
 */
export async function seedDemoData(db: Executor, options: { today?: string } = {}): Promise<{ seeded: boolean }> {
  const today = options.today ?? todayUtc();
  if (!ISO_DATE.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    throw new RangeError(`seedDemoData: today must be a YYYY-MM-DD date, got "${today}"`);
  }
  // Cheap check first, so that a restart does no hashing.
  if (await hasEntities(db)) return { seeded: false };

  // Hashing (about 50 ms each) happens before the transaction, which then holds its lock briefly.
  const passwordHashes = await Promise.all(DEMO_USERS.map((user) => bcrypt.hash(user.password, DEMO_BCRYPT_COST)));

  return db.transaction(async (tx) => {
    // Two app instances starting together on one PostgreSQL must not both load the demo: the second
    // waits here, then sees the entities of the first.
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.demoSeed})`);
    if (await hasEntities(tx)) return { seeded: false };

    const { created: createdUsers, userIds } = await insertDemoUsers(
      tx,
      DEMO_USERS.map((user, i) => ({ email: user.email, name: user.name, role: user.role, passwordHash: passwordHashes[i]! })),
    );

    const built = buildDemoRegister({ today, userIds });
    const { history } = built;
    const timeline = demoTimeline(today);
    // When each record entered the tool: its creation event's time, and its row's created/updated time.
    const enteredAt = new Map<string, Date>();
    const setUp = (index: number) => timeline.at(history.setUpDaysAgo, index);
    built.entities.forEach((row, index) => enteredAt.set(row.id!, setUp(index)));
    built.activities.forEach((row, index) => enteredAt.set(row.id!, setUp(10 + index)));
    built.processors.forEach((row, index) => enteredAt.set(row.id, timeline.at(history.vendorEnteredDaysAgo(row.id), index)));
    built.transfers.forEach((row, index) => enteredAt.set(row.id!, timeline.at(history.vendorEnteredDaysAgo(row.processorId), 100 + index)));
    built.agreements.forEach((row, index) => enteredAt.set(row.id!, timeline.at(history.vendorEnteredDaysAgo(row.processorId), 200 + index)));
    const fixedAt = timeline.at(history.transferFix.daysAgo, 0);
    const stamped = <T extends { id?: string }>(row: T) => {
      const at = enteredAt.get(row.id!)!;
      return { ...row, createdAt: at, updatedAt: at };
    };
    // The Cloudflare flow goes in as it was entered; its fix below is a real update (version 2, audited).
    const fix = history.transferFix;
    const register = {
      ...built,
      entities: built.entities.map(stamped),
      activities: built.activities.map(stamped),
      processors: built.processors.map((spec) => ({ ...stamped(spec), normalizedName: normalizeProcessorName(spec.name) })),
      transfers: built.transfers.map((row) => (row.id === fix.transferId ? { ...stamped(row), ...fix.before } : stamped(row))),
      agreements: built.agreements.map(stamped),
    };
    const { entityRows, processorRows, activityRows, transferRows, agreementRows } = await insertDemoRegister(tx, register);

    // The audit trail records the load as the history it stands for: each record created on the day it
    // entered the tool (snapshots as the services record them: a transfer with its category keys, an
    // agreement with the transfers it lists), the fix and the accepted risk on their days, so that the
    // history pages and the point-in-time exports see the register grow. Appended in time order, as the
    // hash chain requires (npm run audit:verify).
    const categoriesOf = groupSorted(register.transferCategories.map((row) => [row.transferId, row.categoryKey]));
    const listedBy = groupSorted(register.agreementTransfers.map((row) => [row.agreementId, row.transferId]));
    const dpo = { userId: userIds.dpo, label: demoUserLabel("dpo") };
    const engineer = { userId: userIds.engineer, label: demoUserLabel("engineer") };
    const events: TimedEvent[] = [];
    const created = (actor: AuditActor, recordType: string, row: { id: string }, after: unknown = row): TimedEvent => ({
      at: enteredAt.get(row.id) ?? setUp(0),
      actor,
      event: { action: "create", recordType, recordId: row.id, after },
    });
    events.push(
      ...createdUsers.map(({ passwordHash: _secret, ...visible }) => ({ at: setUp(0), actor: DEMO_SEED_ACTOR, event: { action: "create", recordType: "user", recordId: visible.id, after: visible } })),
      ...entityRows.map((row) => created(dpo, "entity", row)),
      ...activityRows.map((row) => created(dpo, "activity", row)),
      ...processorRows.map((row) => created(engineer, "processor", row)),
      ...transferRows.map((row) => created(engineer, "transfer", row, { ...row, dataCategories: categoriesOf.get(row.id) ?? [] })),
      ...agreementRows.map((row) => created(dpo, "agreement", row, { ...row, transferIds: listedBy.get(row.id) ?? [] })),
    );

    // The flags the register raised as entered (the engine's own work is not audited; its dates are set below).
    await reevaluateFlags({ db: tx, scope: { kind: "all" }, today });
    const entered = transferRows.find((row) => row.id === fix.transferId)!;
    const current = built.transfers.find((row) => row.id === fix.transferId)!;
    const [fixedRow] = await tx
      .update(transfers)
      .set({ ...pickKeys(current, Object.keys(fix.before)), version: sql`${transfers.version} + 1`, updatedAt: fixedAt })
      .where(eq(transfers.id, fix.transferId))
      .returning();
    const dataCategories = categoriesOf.get(fix.transferId) ?? [];
    events.push({
      at: fixedAt,
      actor: engineer,
      event: { action: "update", recordType: "transfer", recordId: fix.transferId, before: { ...entered, dataCategories }, after: { ...fixedRow!, dataCategories } },
    });
    await reevaluateFlags({ db: tx, scope: { kind: "all" }, today, now: fixedAt });

    events.push(await acceptDemoRisk(tx, { ...history.acceptedRisk, at: timeline.at(history.acceptedRisk.daysAgo, 0), dpo }));
    await backdateFlags(tx, { enteredAt, register, fixedTransferId: fix.transferId, fixedAt, today });

    // The published privacy notice and its statements, checked against the register as it now stands (issue 18).
    events.push(...(await seedDemoNotice(tx, { today, at: timeline.at(20, 0), actor: dpo })));

    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const { at, actor, event } of events) await appendAuditEvent({ db: tx, actor, at, ...event });
    return { seeded: true };
  });
}
