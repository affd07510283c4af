import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";
import type { Executor } from "@/db/client";
import { buildDemoRegister, hasEntities, insertDemoRegister, insertDemoUsers } from "@/db/seed/demo";
import { appendAuditEvents } from "@/lib/audit/record";
import { systemActor } from "@/lib/auth/actor";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { normalizeProcessorName } from "@/lib/processors/normalize-name";

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
    const register = { ...built, processors: built.processors.map((spec) => ({ ...spec, normalizedName: normalizeProcessorName(spec.name) })) };
    const { entityRows, processorRows, activityRows, transferRows, agreementRows } = await insertDemoRegister(tx, register);

    // The audit trail records the load like any other creation (snapshots as the services record them:
    // a transfer with its category keys, an agreement with the transfers it lists), so that the history
    // pages and the point-in-time exports see the demo register from the day it was loaded.
    const categoriesOf = groupSorted(register.transferCategories.map((row) => [row.transferId, row.categoryKey]));
    const listedBy = groupSorted(register.agreementTransfers.map((row) => [row.agreementId, row.transferId]));
    const created = (recordType: string, row: { id: string }, after: unknown = row) => ({ action: "create", recordType, recordId: row.id, after });
    await appendAuditEvents({
      db: tx,
      actor: DEMO_SEED_ACTOR,
      events: [
        ...createdUsers.map(({ passwordHash: _secret, ...visible }) => created("user", visible)),
        ...entityRows.map((row) => created("entity", row)),
        ...processorRows.map((row) => created("processor", row)),
        ...activityRows.map((row) => created("activity", row)),
        ...transferRows.map((row) => created("transfer", row, { ...row, dataCategories: categoriesOf.get(row.id) ?? [] })),
        ...agreementRows.map((row) => created("agreement", row, { ...row, transferIds: listedBy.get(row.id) ?? [] })),
      ],
    });
    return { seeded: true };
  });
}
