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
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createUser } from "@/lib/users/service";

/** `npm run audit:verify` as an operator runs it: a separate process, on each database. */
function auditVerify(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"], {
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

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
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
});
