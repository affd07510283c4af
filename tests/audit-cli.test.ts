import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { auditEvents } from "@/db/schema";
import { readSignedAuditHead } from "@/lib/audit/current-head";
import { publishAuditHead } from "@/lib/audit/head-file";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createUser } from "@/lib/users/service";

// The app and its CLI commands share the audit key: the child processes inherit it with the environment.
const savedKey = process.env.AUDIT_KEY;
process.env.AUDIT_KEY = "audit-cli-test-key-0123456789abcdef";

/** `npm run audit:verify` as an operator runs it: a separate process, on each database. */
function auditVerify(env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

async function writeEventsAndTamper(handle: DatabaseHandle): Promise<{ tamperedId: number }> {
  await runMigrations(handle);
  for (const role of ["dpo", "engineer", "auditor"] as const) {
    await createUser({ ctx: { db: handle.db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${role}@cli.test`, name: role, role } });
  }
  const events = await handle.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(auditEvents.id);
  return { tamperedId: events[1]!.id };
}

async function tamper(handle: DatabaseHandle, id: number) {
  await handle.db.execute(sql`update audit_events set after = jsonb_set(after, '{role}', '"dpo"') where id = ${id}`);
}

/** Deletes the last event and its checkpoint: the table alone no longer shows anything missing. */
async function truncate(handle: DatabaseHandle): Promise<number> {
  const [last] = await handle.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(sql`${auditEvents.id} desc`).limit(1);
  await handle.db.execute(sql`delete from audit_events where id = ${last!.id}`);
  await handle.db.execute(sql`delete from audit_checkpoints where last_event_id = ${last!.id}`);
  return last!.id;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  if (savedKey === undefined) delete process.env.AUDIT_KEY;
  else process.env.AUDIT_KEY = savedKey;
});

describe("npm run audit:verify", () => {
  it("passes on an intact chain and fails at the altered event on PGlite", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-audit-"));
    cleanups.push(async () => fs.rmSync(root, { recursive: true, force: true }));
    const dataDir = path.join(root, "pglite");
    const handle = openDatabase({ driver: "pglite", dataDir });
    const { tamperedId } = await writeEventsAndTamper(handle);
    await handle.close();

    const intact = auditVerify({ PGLITE_DIR: dataDir });
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toContain("Audit chain intact: 3 events");

    const again = openDatabase({ driver: "pglite", dataDir });
    await tamper(again, tamperedId);
    await again.close();
    const broken = auditVerify({ PGLITE_DIR: dataDir });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`Audit chain BROKEN at event ${tamperedId}`);
  });

  it("fails on PGlite when the last event and its checkpoint are deleted, naming it from the head file beside the folder", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-audit-"));
    cleanups.push(async () => fs.rmSync(root, { recursive: true, force: true }));
    const dataDir = path.join(root, "pglite");
    const headFile = `${dataDir}.audit-head.json`;
    const handle = openDatabase({ driver: "pglite", dataDir });
    await writeEventsAndTamper(handle);
    // What the app does after each write (lib/audit/head-file.ts); a CLI command leaves it to the next write.
    expect(await publishAuditHead({ handle, file: headFile })).toMatchObject({ outcome: "written" });
    // An export's manifest, handed to a regulator with its signed head.
    const manifestFile = path.join(root, "ropa-manifest.json");
    const manifest = {
      report: "ropa",
      format: "csv",
      template: "generic",
      generatedAt: "2026-03-01T10:00:00.000Z",
      generatedBy: "Test DPO",
      asOf: "2026-03-01",
      rowCount: 0,
      auditChainHead: null,
      auditHead: await readSignedAuditHead({ db: handle.db }),
      sha256: "0".repeat(64),
    };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    await handle.close();

    const intact = auditVerify({ PGLITE_DIR: dataDir });
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toContain("Audit chain intact: 3 events");
    expect(intact.stdout).toContain(`matches head file ${headFile}`);

    const again = openDatabase({ driver: "pglite", dataDir });
    const removed = await truncate(again);
    await again.close();
    const truncated = auditVerify({ PGLITE_DIR: dataDir }, [manifestFile]);
    expect(truncated.status).toBe(1);
    expect(truncated.stdout).toContain("Audit chain intact: 2 events");
    expect(truncated.stderr).toMatch(new RegExp(`Audit trail FAILED: event ${removed} missing: the signed head of \\S+ \\(head file ${headFile}\\) counts 3 events, the table holds 2`));
    expect(truncated.stderr).toMatch(new RegExp(`Audit trail FAILED: event ${removed} missing: the signed head of \\S+ \\(manifest ropa-manifest\\.json\\) counts 3 events`));
  });

  it.skipIf(!process.env.TEST_POSTGRES_URL)("fails at the altered event on PostgreSQL", async () => {
    const adminUrl = process.env.TEST_POSTGRES_URL!;
    const name = `governance_audit_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = openDatabase({ driver: "postgres", url: url.toString() });
    const { tamperedId } = await writeEventsAndTamper(handle);
    expect(auditVerify({ DATABASE_URL: url.toString() }).status).toBe(0);
    await tamper(handle, tamperedId);
    await handle.close();
    const broken = auditVerify({ DATABASE_URL: url.toString() });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`Audit chain BROKEN at event ${tamperedId}`);
  });

  it.skipIf(!process.env.TEST_POSTGRES_URL)("fails on PostgreSQL when the last event and its checkpoint are deleted, naming it from AUDIT_HEAD_FILE", async () => {
    const adminUrl = process.env.TEST_POSTGRES_URL!;
    const name = `governance_audit_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-audit-"));
    cleanups.push(async () => {
      fs.rmSync(root, { recursive: true, force: true });
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const headFile = path.join(root, "audit-head.json");
    const handle = openDatabase({ driver: "postgres", url: url.toString() });
    await writeEventsAndTamper(handle);
    await publishAuditHead({ handle, file: headFile });
    const env = { DATABASE_URL: url.toString(), AUDIT_HEAD_FILE: headFile };
    expect(auditVerify(env).status).toBe(0);
    const removed = await truncate(handle);
    await handle.close();
    const truncated = auditVerify(env);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toMatch(new RegExp(`event ${removed} missing: the signed head of \\S+ \\(head file ${headFile}\\) counts 3 events, the table holds 2`));
  });
});
