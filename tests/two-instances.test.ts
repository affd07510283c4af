import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { and, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { auditEvents, processors, users } from "@/db/schema";
import { appState } from "@/db/schema/app-state";
import { verifyAuditChain } from "@/lib/audit/verify";
import { addDays } from "@/lib/rules/iso-date";
import { todayIso } from "@/lib/clock";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { reevaluateIfDateChanged, runFullEvaluation } from "@/lib/flags/evaluation";
import { describeOnDatabases } from "./databases";
import { makeTransfer } from "./factories";

/*
 * Issue 14, item 8: the README's "Running at scale" says instances are stateless and share one PostgreSQL. Here
 * two separate Node processes (tests/fixtures/app-instance.ts), each with its own connection pool, run the app's
 * own services on one database at the same moment: start-up on an empty database (migrations, the demo seed, the
 * full evaluation), the hourly evaluation of a new day, edits of one record, sign-ins. PostgreSQL only: PGlite
 * admits one process per folder (db/folder-lock.ts), so there is nothing to share there.
 */

const FIXTURE = path.join(process.cwd(), "tests/fixtures/app-instance.ts");

interface Instance {
  name: string;
  run<T = unknown>(scenario: string, args?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** Starts an app instance process on `env` and waits until its pool is open. */
async function startInstance(name: string, env: NodeJS.ProcessEnv): Promise<Instance> {
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", FIXTURE, name], {
    cwd: process.cwd(),
    env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let exited: string | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code, signal) => {
      exited = `instance ${name} exited (${code ?? signal})`;
      reject(new Error(exited));
      for (const waiter of pending.values()) waiter.reject(new Error(exited));
    });
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line === "ready") return resolve();
      if (!line.startsWith("result ")) return;
      const answer = JSON.parse(line.slice("result ".length)) as { id: number; ok: boolean; value?: unknown; error?: string };
      const waiter = pending.get(answer.id);
      pending.delete(answer.id);
      if (answer.ok) waiter?.resolve(answer.value);
      else waiter?.reject(new Error(`${name}: ${answer.error}`));
    });
  });
  await ready;
  return {
    name,
    run: <T>(scenario: string, args: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        if (exited) return reject(new Error(exited));
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.stdin!.write(`${JSON.stringify({ id, scenario, args })}\n`);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin!.end();
        // Start-up's background work (the dashboard's warm-up) may hold the pool a little longer.
        setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
      }),
  };
}

/** The same command in both instances at the same moment: their answers, in order. */
function both<T>(instances: readonly Instance[], scenario: string, args: (instance: Instance) => Record<string, unknown> = () => ({})) {
  return Promise.all(instances.map((instance) => instance.run<T>(scenario, args(instance))));
}

describe("two app instances on one PostgreSQL (issue 14, item 8)", () => {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  const name = `governance_two_${crypto.randomBytes(6).toString("hex")}`;
  const headDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-two-instances-"));
  const secrets = { NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"), AUDIT_KEY: crypto.randomBytes(32).toString("base64") };
  let url = "";
  let handle: DatabaseHandle;
  let instances: Instance[] = [];
  const today = todayIso();

  beforeAll(async () => {
    // Not skipped without PostgreSQL: this is the test of the multi-instance deployment, and it must run.
    if (!adminUrl) throw new Error("two-instances.test.ts needs PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)");
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    // An empty database: the instances migrate it themselves, as on a first deployment.
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...secrets,
      DATABASE_URL: url,
      DEMO: "1",
      DATABASE_POOL_SIZE: "4",
      // Both processes on one machine: one thread each for the full evaluation.
      FLAG_EVALUATION_THREADS: "1",
      AUDIT_HEAD_FILE: path.join(headDir, "audit-head.json"),
    };
    instances = await Promise.all(["instance A", "instance B"].map((instanceName) => startInstance(instanceName, env)));
    handle = openDatabase({ driver: "postgres", url, maxConnections: 2 });
    // This process verifies the MACs of the audit trail with the instances' key.
    vi.stubEnv("AUDIT_KEY", secrets.AUDIT_KEY);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all(instances.map((instance) => instance.stop()));
    await handle?.close();
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    fs.rmSync(headDir, { recursive: true, force: true });
  });

  /** The rows of a raw query (PostgreSQL's driver answers { rows }). */
  async function rowsOf(query: ReturnType<typeof sql>): Promise<unknown[]> {
    return ((await handle.db.execute(query)) as unknown as { rows: unknown[] }).rows;
  }

  async function auditChainIsValid() {
    const verification = await verifyAuditChain({ db: handle.db });
    expect(verification, JSON.stringify(verification)).toMatchObject({ ok: true });
  }

  async function auditCount(where: ReturnType<typeof and>) {
    const [row] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(auditEvents).where(where);
    return row!.count;
  }

  it("start together on an empty database: one migration run, one demo company, no duplicate flag or audit event", { timeout: 300_000 }, async () => {
    const results = await both<{ lines: string[] }>(instances, "startup");
    const logs = results.map(({ lines }) => lines.join("\n"));
    expect(logs.filter((log) => log.includes("[startup] demo company loaded"))).toHaveLength(1);
    expect(logs.filter((log) => log.includes("[startup] demo mode (data already present)"))).toHaveLength(1);

    // One demo company: its users, entities and vendors once each.
    const duplicates = await rowsOf(sql`
      select 'user' as kind, email as name from users group by email having count(*) > 1
      union all select 'entity', name from entities group by name having count(*) > 1
      union all select 'processor', name from processors group by name having count(*) > 1`);
    expect(duplicates).toEqual([]);
    const [{ count: demoUsers }] = (await handle.db.select({ count: sql<number>`count(*)::int` }).from(users)) as [{ count: number }];
    expect(demoUsers).toBe(DEMO_USERS.length);

    // Each record created once in the audit trail, and the chain whole.
    const doubled = await rowsOf(sql`
      select record_type, record_id from audit_events where action = 'create' group by record_type, record_id having count(*) > 1`);
    expect(doubled).toEqual([]);
    await auditChainIsValid();

    // Both full evaluations ran (each start re-evaluates), one after the other: a third pass finds nothing to change.
    expect(await rowsOf(sql`select rule_id, subject_id from flags group by rule_id, subject_type, subject_id having count(*) > 1`)).toEqual([]);
    const third = await runFullEvaluation({ db: handle.db, today });
    expect(third).toMatchObject({ inserted: 0, reopened: 0, resolved: 0 });
    expect(third.findings).toBeGreaterThan(0);
  });

  it("runs the hourly evaluation of a new day once, in whichever instance comes first", { timeout: 180_000 }, async () => {
    const tomorrow = addDays(today, 1);
    const passes = await both<object | null>(instances, "newDay", () => ({ today: tomorrow }));
    expect(passes.filter((pass) => pass !== null), JSON.stringify(passes)).toHaveLength(1);
    const [stored] = await handle.db.select({ value: appState.value }).from(appState).where(eq(appState.key, "flags.lastFullEvaluationDate"));
    expect(stored?.value).toBe(tomorrow);
    // The next hour, nothing to do in either.
    expect(await both(instances, "newDay", () => ({ today: tomorrow }))).toEqual([null, null]);
  });

  it("saves one of two edits of the same version; the other gets a version conflict naming who saved", async () => {
    const [target] = await handle.db.select({ id: processors.id, version: processors.version }).from(processors).orderBy(processors.name).limit(1);
    const answers = await both<{ saved: boolean; code?: string; changedBy?: string | null }>(instances, "editOnce", (instance) => ({
      id: target!.id,
      version: target!.version,
      notes: `edited by ${instance.name}`,
    }));
    const winner = answers.findIndex((answer) => answer.saved);
    expect(answers.filter((answer) => answer.saved)).toHaveLength(1);
    expect(answers[1 - winner]).toMatchObject({ saved: false, code: "version_conflict", changedBy: instances[winner]!.name });

    const [stored] = await handle.db.select({ notes: processors.notes, version: processors.version }).from(processors).where(eq(processors.id, target!.id));
    expect(stored).toEqual({ notes: `edited by ${instances[winner]!.name}`, version: target!.version + 1 });
    expect(await auditCount(and(eq(auditEvents.recordId, target!.id), eq(auditEvents.action, "update")))).toBe(1);
    await auditChainIsValid();
  });

  it("loses no update when both instances keep editing one record (read, save at that version, retry on a conflict)", { timeout: 180_000 }, async () => {
    const [target] = await handle.db.select({ id: processors.id, version: processors.version }).from(processors).orderBy(processors.name).offset(1).limit(1);
    const times = 12;
    await both(instances, "increment", () => ({ id: target!.id, times }));
    const [stored] = await handle.db.select({ notes: processors.notes, version: processors.version }).from(processors).where(eq(processors.id, target!.id));
    expect(stored).toEqual({ notes: `counter=${2 * times}`, version: target!.version + 2 * times });
    expect(await auditCount(and(eq(auditEvents.recordId, target!.id), eq(auditEvents.action, "update")))).toBe(2 * times);
    await auditChainIsValid();
  });

  it("counts failed sign-ins recorded by either instance together, and audits each sign-in once", { timeout: 120_000 }, async () => {
    const attacked = { email: "dpo@gncc-demo.example", address: "203.0.113.7" };
    // Four failures between them: both still let the account try from that address.
    await Promise.all([instances[0]!.run("failSignIns", { ...attacked, times: 2 }), instances[1]!.run("failSignIns", { ...attacked, times: 2 })]);
    expect(await both<number>(instances, "signInRetryAfter", () => attacked)).toEqual([0, 0]);
    // The fifth, in either instance, closes the window in both; another address is not affected.
    await instances[1]!.run("failSignIns", { ...attacked, times: 1 });
    const waits = await both<number>(instances, "signInRetryAfter", () => attacked);
    for (const wait of waits) expect(wait).toBeGreaterThan(0);
    expect(await both<number>(instances, "signInRetryAfter", () => ({ ...attacked, address: "198.51.100.9" }))).toEqual([0, 0]);

    const dpo = DEMO_USERS.find((user) => user.role === "dpo")!;
    const [account] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, dpo.email));
    const signInsBefore = await auditCount(and(eq(auditEvents.recordId, account!.id), eq(auditEvents.action, "sign_in")));
    const signedIn = await both<number>(instances, "signIn", () => ({ email: dpo.email, password: dpo.password, times: 3 }));
    expect(signedIn).toEqual([3, 3]);
    expect(await auditCount(and(eq(auditEvents.recordId, account!.id), eq(auditEvents.action, "sign_in")))).toBe(signInsBefore + 6);
    await auditChainIsValid();
  });
});

describeOnDatabases("the hourly evaluation in one instance", (use) => {
  it("runs a full pass on the first hour of a new day and none in the hours after", async () => {
    const { db } = use();
    await makeTransfer(db, { today: "2026-03-01" });
    expect(await reevaluateIfDateChanged({ db, today: "2026-03-01" })).not.toBeNull();
    expect(await reevaluateIfDateChanged({ db, today: "2026-03-01" })).toBeNull();
    const nextDay = await reevaluateIfDateChanged({ db, today: "2026-03-03" });
    expect(nextDay?.scope).toBe("all");
    expect(await reevaluateIfDateChanged({ db, today: "2026-03-03" })).toBeNull();
  });
});
