import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import { readSignedAuditHead } from "@/lib/audit/current-head";
import { GENESIS_HASH, hashAuditEvent, macAuditHash } from "@/lib/audit/hash";
import { headTime, signAuditHead } from "@/lib/audit/head";
import { auditHeadFilePath, databaseIdentity, flushAuditHead, publishAuditHead, readAuditHeadFile, writeAuditHeadFileAtomically } from "@/lib/audit/head-file";
import { resolveAuditKey } from "@/lib/audit/key";
import { appendAuditEvent, appendAuditEvents, SYSTEM_ACTOR } from "@/lib/audit/record";
import { verifyAuditChain, verifyAuditTrail } from "@/lib/audit/verify";
import { createTestDatabase, TEST_DRIVERS } from "./databases";
import { makeTransfer } from "./factories";

/*
 * Issue 14, item 4: a keyed chain and signed heads kept out of the database's reach. Removing the last events,
 * rewriting the chain after an edit, or emptying the checkpoint table fails verification, naming what is
 * missing; an intact trail passes, and events from before the key are reported as unkeyed, not as failures.
 *
 * On PGlite and on PostgreSQL. Each case tampers with the audit tables only, so it starts from empty ones.
 */

const KEY = "audit-head-test-key-0123456789abcdef";
const saved = { AUDIT_KEY: process.env.AUDIT_KEY, DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR, AUDIT_HEAD_FILE: process.env.AUDIT_HEAD_FILE };
let folder: string;

beforeAll(() => {
  process.env.AUDIT_KEY = KEY;
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "governance-audit-head-"));
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(folder, { recursive: true, force: true });
});


/** `count` events, one write transaction each, as the services append them. */
async function writeEvents(handle: DatabaseHandle, count: number, label = "event"): Promise<void> {
  for (let i = 0; i < count; i++) {
    await handle.db.transaction((tx) =>
      appendAuditEvent({ db: tx, actor: SYSTEM_ACTOR, action: "update", recordType: "test", recordId: `${label}-${i}`, after: { i, label } }),
    );
  }
}

async function eventIds(handle: DatabaseHandle): Promise<number[]> {
  return (await handle.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(auditEvents.id)).map((row) => row.id);
}

/** What an operator with SQL access but no key can do: delete the last events, and their checkpoints with them. */
async function removeLastEvents(handle: DatabaseHandle, count: number, { checkpointsToo }: { checkpointsToo: boolean }): Promise<number[]> {
  const removed = (await eventIds(handle)).slice(-count);
  await handle.db.execute(sql`delete from audit_events where id >= ${removed[0]!}`);
  if (checkpointsToo) await handle.db.execute(sql`delete from audit_checkpoints where last_event_id >= ${removed[0]!}`);
  return removed;
}

/** Edits an event and re-hashes the chain from it, as someone without the key would (the MACs left, or forged). */
async function editAndRehash(handle: DatabaseHandle, id: number, mac: "keep" | "null" | "other key"): Promise<void> {
  const rows = await handle.db.select().from(auditEvents).orderBy(auditEvents.id);
  let previous = GENESIS_HASH;
  for (const row of rows) {
    if (row.id < id) {
      previous = row.hash;
      continue;
    }
    const after = row.id === id ? { ...row.after, label: "rewritten" } : row.after;
    const hash = hashAuditEvent(previous, {
      occurredAt: row.occurredAt.toISOString(),
      actorUserId: row.actorUserId,
      actorTokenId: row.actorTokenId,
      actorLabel: row.actorLabel,
      action: row.action,
      recordType: row.recordType,
      recordId: row.recordId,
      before: row.before ?? null,
      after: after ?? null,
    });
    const newMac = mac === "keep" ? row.mac : mac === "null" ? null : macAuditHash(Buffer.from("not-the-audit-key-but-32-chars-long"), hash);
    await handle.db
      .update(auditEvents)
      .set({ after, prevHash: previous, hash, mac: newMac })
      .where(sql`${auditEvents.id} = ${row.id}`);
    previous = hash;
  }
}

async function publishTo(handle: DatabaseHandle, file: string) {
  return publishAuditHead({ handle, file });
}

async function verify(handle: DatabaseHandle, file: string | null, manifests: Parameters<typeof verifyAuditTrail>[0]["manifests"] = []) {
  return verifyAuditTrail({ db: handle.db, headFile: file, databaseIdentity: await databaseIdentity(handle), manifests });
}

const headFile = (name: string) => path.join(folder, `${name}-${Math.random().toString(36).slice(2)}.json`);

for (const driver of TEST_DRIVERS) {
  const unavailable = driver === "postgres" && !process.env.TEST_POSTGRES_URL;
  describe.skipIf(unavailable)(`signed audit heads [${driver}]`, () => {
    let database: DatabaseHandle | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(driver);
    });
    afterAll(async () => {
      await database?.close();
    });
    beforeEach(async () => {
      await database!.db.execute(sql`truncate audit_events, audit_checkpoints restart identity`);
    });
    const use = () => database!;

    it("a valid trail passes: every MAC, the newest checkpoint and the head file match", async () => {
      const handle = use();
      await makeTransfer(handle.db, { today: "2026-03-01" });
      await writeEvents(handle, 3);
      await handle.db.transaction((tx) =>
        appendAuditEvents({ db: tx, actor: SYSTEM_ACTOR, events: [1, 2, 3, 4].map((i) => ({ action: "create", recordType: "test", recordId: `batch-${i}` })) }),
      );
      const file = headFile("valid");
      expect(await publishTo(handle, file)).toMatchObject({ outcome: "written" });
      const events = (await eventIds(handle)).length;

      const result = await verify(handle, file);
      expect(result.failures).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.chain).toMatchObject({ ok: true, checked: events, keyed: events, unkeyed: 0 });
      expect(result.heads.map((head) => [head.source.split(" ")[0], head.ok])).toEqual([
        ["checkpoint", true],
        ["head", true],
      ]);
      // One checkpoint per write transaction; the batch's counts its four events at once.
      const [newest] = await handle.db.select().from(auditCheckpoints).orderBy(sql`${auditCheckpoints.id} desc`).limit(1);
      expect(newest).toMatchObject({ lastEventId: (await eventIds(handle)).at(-1), eventCount: events });
    });

    it("removing the last events and their checkpoints fails, naming the missing events from the head file", async () => {
      const handle = use();
      await writeEvents(handle, 6);
      const file = headFile("truncated");
      await publishTo(handle, file);
      const removed = await removeLastEvents(handle, 3, { checkpointsToo: true });
      // The table is consistent with itself now: only the file still knows.
      expect(await verifyAuditChain({ db: handle.db })).toMatchObject({ ok: true, checked: 3 });

      const result = await verify(handle, file);
      expect(result.ok).toBe(false);
      const published = readAuditHeadFile(file);
      if (published.state !== "ok") throw new Error("the head file was not published");
      expect(result.failures).toEqual([
        `events ${removed[0]}-${removed[2]} missing: the signed head of ${headTime(published.content.head)} (head file ${file}) counts 6 events, the table holds 3`,
      ]);
      // The publisher never moves the file back to the shortened head.
      expect(await publishTo(handle, file)).toMatchObject({ outcome: "unchanged" });
      expect(readAuditHeadFile(file)).toMatchObject({ state: "ok", content: { head: { eventCount: 6 } } });
    });

    it("removing the last events alone fails against the newest checkpoint in the table", async () => {
      const handle = use();
      await writeEvents(handle, 4);
      const removed = await removeLastEvents(handle, 1, { checkpointsToo: false });
      const result = await verify(handle, null);
      expect(result.ok).toBe(false);
      expect(result.failures).toEqual([expect.stringMatching(new RegExp(`^event ${removed[0]} missing: the signed head of \\S+ \\(checkpoint \\d+ in audit_checkpoints\\) counts 4 events, the table holds 3$`))]);
    });

    it("with the checkpoint table wiped but the head file present, truncation still fails, and the wipe is named", async () => {
      const handle = use();
      await writeEvents(handle, 5);
      const file = headFile("wiped");
      await publishTo(handle, file);
      const removed = await removeLastEvents(handle, 2, { checkpointsToo: false });
      await handle.db.execute(sql`delete from audit_checkpoints`);

      const result = await verify(handle, file);
      expect(result.ok).toBe(false);
      expect(result.failures).toEqual([
        "audit_checkpoints holds no checkpoint although 3 events carry a MAC: its rows were deleted",
        expect.stringMatching(new RegExp(`^events ${removed[0]}-${removed[1]} missing: the signed head of \\S+ \\(head file .+\\) counts 5 events, the table holds 3$`)),
      ]);
    });

    it("an edit re-hashed without the key fails at the edited event's MAC", async () => {
      const handle = use();
      await writeEvents(handle, 5);
      const target = (await eventIds(handle))[2]!;
      await editAndRehash(handle, target, "other key");
      // The hashes chain again: only the MAC tells.
      const result = await verify(handle, null);
      expect(result.ok).toBe(false);
      expect(result.chain).toMatchObject({ ok: false, brokenAt: target });
      expect(result.failures[0]).toContain(`event ${target}: its MAC does not verify with the audit key`);
    });

    it("a re-hash that also removes the MACs fails, at the first event without one or against the signed heads", async () => {
      const handle = use();
      await writeEvents(handle, 4);
      const file = headFile("rehash");
      await publishTo(handle, file);
      const ids = await eventIds(handle);

      await editAndRehash(handle, ids[2]!, "null");
      const partly = await verify(handle, file);
      expect(partly.chain).toMatchObject({ ok: false, brokenAt: ids[2] });
      expect(partly.failures[0]).toContain("it carries no MAC although the events before it do");

      // All MACs removed and every checkpoint deleted: the chain looks written before the key. The file knows.
      await editAndRehash(handle, ids[0]!, "null");
      await handle.db.execute(sql`delete from audit_checkpoints`);
      const result = await verify(handle, file);
      expect(result.chain).toMatchObject({ ok: true, keyed: 0, unkeyed: 4 });
      expect(result.ok).toBe(false);
      expect(result.failures).toEqual([expect.stringMatching(new RegExp(`^event ${ids[3]} is not the one the signed head of \\S+ \\(head file .+\\) covers .*: the chain was rewritten$`))]);
    });

    it("events from before the key are unkeyed, not failures; the first keyed write counts them", async () => {
      const handle = use();
      await writeEvents(handle, 3, "legacy");
      // As a database upgraded from the version without MACs: no MAC, no checkpoint.
      await handle.db.execute(sql`update audit_events set mac = null`);
      await handle.db.execute(sql`delete from audit_checkpoints`);
      const before = await verify(handle, null);
      expect(before).toMatchObject({ ok: true, chain: { ok: true, keyed: 0, unkeyed: 3 } });
      expect(before.warnings).toContain(
        "3 events written before the audit key existed carry no MAC (unkeyed, not a failure): their hash links were checked, and the heads signed since cover them",
      );

      await writeEvents(handle, 2, "keyed");
      const after = await verify(handle, null);
      expect(after.failures).toEqual([]);
      expect(after.chain).toMatchObject({ ok: true, keyed: 2, unkeyed: 3 });
      expect(after.heads).toEqual([expect.objectContaining({ ok: true, detail: expect.stringMatching(/^5 events up to event \d+/) })]);
    });

    it("a head file or manifest head not signed with the key fails; another database's head file is not compared", async () => {
      const handle = use();
      await writeEvents(handle, 2);
      const current = await readSignedAuditHead({ db: handle.db });
      const forged = { ...current, eventCount: current.eventCount + 1 };
      const result = await verify(handle, null, [{ source: "manifest forged.json", head: forged }]);
      expect(result.failures).toEqual([expect.stringMatching(/\(manifest forged\.json\) does not verify with the audit key/)]);

      const file = headFile("other-database");
      writeAuditHeadFileAtomically(file, { format: "transfer-governance audit head v1", database: "pglite:/elsewhere#1", checkpointId: 1, head: current });
      const other = await verify(handle, file);
      expect(other.ok).toBe(true);
      expect(other.warnings).toContain(`the head file ${file} is of another database (pglite:/elsewhere#1), not compared`);
      // Publishing keeps the other database's file beside, and starts this database's.
      expect(await publishTo(handle, file)).toMatchObject({ outcome: "written" });
      expect(readAuditHeadFile(file)).toMatchObject({ state: "ok", content: { database: await databaseIdentity(handle) } });
      expect(fs.readdirSync(folder).some((name) => name.startsWith(path.basename(file)) && name.endsWith(".previous"))).toBe(true);
    });

    it("an export manifest's signed head detects the events removed after the export", async () => {
      const handle = use();
      await writeEvents(handle, 3);
      const manifestHead = await readSignedAuditHead({ db: handle.db });
      expect(manifestHead).toMatchObject({ eventCount: 3, lastEventId: (await eventIds(handle)).at(-1) });
      await removeLastEvents(handle, 1, { checkpointsToo: true });
      const result = await verify(handle, null, [{ source: "manifest ropa.json", head: manifestHead }]);
      expect(result.failures).toEqual([expect.stringMatching(/^event \d+ missing: the signed head of \S+ \(manifest ropa\.json\) counts 3 events, the table holds 2$/)]);
    });

    it("an empty trail signs an empty head, which verifies", async () => {
      const handle = use();
      const head = await readSignedAuditHead({ db: handle.db, now: new Date("2026-03-01T10:00:00Z") });
      expect(head).toEqual(signAuditHead(resolveAuditKey(), { lastEventId: 0, eventCount: 0, headHash: "0".repeat(64), signedAt: "2026-03-01T10:00:00.000Z" }));
      expect(await verify(handle, null, [{ source: "manifest empty.json", head }])).toMatchObject({ ok: true });
    });
  });
}

describe.skipIf(!process.env.TEST_POSTGRES_URL)("two instances on one PostgreSQL", () => {
  it("append concurrently to one chain and publish to one head file without moving it back", async () => {
    const first = await createTestDatabase("postgres");
    const url = new URL(process.env.TEST_POSTGRES_URL!);
    url.pathname = new URL(first.location).pathname;
    // A second app instance: its own pool on the same database.
    const second = openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 });
    try {
      const file = headFile("two-instances");
      const seen: number[] = [];
      const instance = async (handle: DatabaseHandle, label: string) => {
        for (let i = 0; i < 15; i++) {
          await writeEvents(handle, 1, `${label}-${i}`);
          await publishAuditHead({ handle, file });
          const read = readAuditHeadFile(file);
          if (read.state === "ok") seen.push(read.content.head.eventCount);
        }
      };
      await Promise.all([instance(first, "a"), instance(second, "b"), instance(first, "c"), instance(second, "d")]);
      const result = await verifyAuditTrail({ db: first.db, headFile: file, databaseIdentity: await databaseIdentity(second) });
      expect(result.failures).toEqual([]);
      expect(result.chain).toMatchObject({ ok: true, checked: 60, keyed: 60 });
      expect(readAuditHeadFile(file)).toMatchObject({ state: "ok", content: { head: { eventCount: 60 } } });
      // The reads happen one after another in this process: each saw a head at least as long as the one before.
      expect(seen).toHaveLength(60);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.at(-1)).toBe(60);
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe("the head file follows the app's database, committed writes only", () => {
  const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

  it("publishes after commit, never a rolled-back write, and only for the database the environment configures", async () => {
    const dataDir = path.join(folder, "app-pglite");
    const handle = openDatabase({ driver: "pglite", dataDir });
    await runMigrations(handle);
    const previous = globalDb.__governanceDb;
    globalDb.__governanceDb = handle;
    delete process.env.DATABASE_URL;
    delete process.env.AUDIT_HEAD_FILE;
    try {
      // Not the configured database: no head file at all.
      process.env.PGLITE_DIR = path.join(folder, "elsewhere");
      expect(auditHeadFilePath(handle)).toBeNull();
      process.env.PGLITE_DIR = dataDir;
      const file = auditHeadFilePath(handle)!;
      expect(file).toBe(`${path.resolve(dataDir)}.audit-head.json`);

      await writeEvents(handle, 2);
      await flushAuditHead();
      expect(readAuditHeadFile(file)).toMatchObject({ state: "ok", content: { head: { eventCount: 2 } } });

      // A form's preview writes in a transaction it rolls back: the file must not count that event.
      await handle.db
        .transaction(async (tx) => {
          await appendAuditEvent({ db: tx, actor: SYSTEM_ACTOR, action: "update", recordType: "test", recordId: "rolled-back" });
          throw new Error("rollback");
        })
        .catch(() => undefined);
      await flushAuditHead();
      expect(readAuditHeadFile(file)).toMatchObject({ state: "ok", content: { head: { eventCount: 2 } } });
      expect(await verify(handle, file)).toMatchObject({ ok: true });

      // Published by the scheduled publication alone, once the write has committed.
      await writeEvents(handle, 1);
      await expect.poll(() => readAuditHeadFile(file), { timeout: 5000 }).toMatchObject({ state: "ok", content: { head: { eventCount: 3 } } });
    } finally {
      globalDb.__governanceDb = previous;
      await handle.close();
    }
  });
});
