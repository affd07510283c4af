import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Executor } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { appState, auditEvents, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { generateSetupCode, hashSetupCode, normalizeSetupCode, SETUP_CODE_ALPHABET, setupCodeMatches } from "@/lib/setup/code";
import {
  ALREADY_SET_UP,
  completeSetup,
  createUserClosingSetup,
  guidedStartProgress,
  issueSetupCodeIfNeeded,
  SETUP_CODE_KEY,
  setupContext,
  setupStatus,
} from "@/lib/setup/service";
import { describeOnDatabases } from "./databases";
import { makeEntity, TEST_ACTOR } from "./factories";

const TODAY = "2026-03-01";
const PASSWORD = "a-long-password-1";
const tag = () => crypto.randomBytes(4).toString("hex");

/** The first DPO's form as a person fills it in. */
function setupInput(code: string, email = `dpo-${tag()}@setup.test`) {
  return { code, name: "First DPO", email, password: PASSWORD };
}

/** The error a call throws, as an AppError (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  return error as AppError;
}

/** Back to a fresh installation: no active DPO (earlier tests' accounts disabled), no code. */
async function withoutDpo(db: Executor) {
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.role, "dpo"));
  await db.delete(appState).where(eq(appState.key, SETUP_CODE_KEY));
}

async function storedCode(db: Executor) {
  const rows = await db.select().from(appState).where(eq(appState.key, SETUP_CODE_KEY));
  return rows[0]?.value as { hash: string; createdAt: string } | undefined;
}

describe("set-up codes", () => {
  it("are three groups of four characters from an alphabet without look-alikes, and differ each time", () => {
    expect(SETUP_CODE_ALPHABET).not.toMatch(/[01IOL]/);
    const codes = Array.from({ length: 500 }, () => generateSetupCode());
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("are hashed (SHA-256 of the normalised code) and match as typed: any case, with or without dashes and spaces", () => {
    const code = generateSetupCode();
    const hash = hashSetupCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(crypto.createHash("sha256").update(code.replace(/-/g, "")).digest("hex"));
    expect(normalizeSetupCode(` ${code.toLowerCase().replace(/-/g, " ")} `)).toBe(code.replace(/-/g, ""));
    expect(setupCodeMatches(code.toLowerCase(), hash)).toBe(true);
    expect(setupCodeMatches(code.replace(/-/g, ""), hash)).toBe(true);
    expect(setupCodeMatches(generateSetupCode(), hash)).toBe(false);
    expect(setupCodeMatches("", hash)).toBe(false);
  });
});

describeOnDatabases("first run without the demo", (use) => {
  beforeEach(async () => {
    await withoutDpo(use().db);
  });

  it("start-up stores only the code's hash with its creation time; a restart replaces it and the old code is refused", async () => {
    const { db } = use();
    expect(await setupStatus({ db })).toEqual({ state: "no_code" });
    const first = await issueSetupCodeIfNeeded({ db, now: new Date("2026-03-01T08:00:00Z") });
    expect(first).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const stored = await storedCode(db);
    expect(stored).toEqual({ hash: hashSetupCode(first!), createdAt: "2026-03-01T08:00:00.000Z" });
    expect(JSON.stringify(stored)).not.toContain(first!.replace(/-/g, ""));
    expect(await setupStatus({ db })).toEqual({ state: "pending", codeCreatedAt: "2026-03-01T08:00:00.000Z" });

    const second = await issueSetupCodeIfNeeded({ db });
    expect(second).not.toBe(first);
    expect((await storedCode(db))!.hash).toBe(hashSetupCode(second!));
    const refused = await failure(completeSetup({ ctx: setupContext(db, TODAY), input: setupInput(first!), address: `old-${tag()}` }));
    expect(refused.code).toBe("validation_failed");
    const { record } = await completeSetup({ ctx: setupContext(db, TODAY), input: setupInput(second!), address: `new-${tag()}` });
    expect(record.role).toBe("dpo");
  });

  it("creates the first DPO with the code (bcrypt-hashed password, audited by createUser and as setup_completed), then the code is gone", async () => {
    const { db } = use();
    const code = (await issueSetupCodeIfNeeded({ db }))!;
    const input = setupInput(code.toLowerCase());
    const { record } = await completeSetup({ ctx: setupContext(db, TODAY), input, address: `ok-${tag()}` });
    expect(record).toMatchObject({ email: input.email, name: "First DPO", role: "dpo", disabledAt: null });
    expect(record).not.toHaveProperty("passwordHash");
    const [row] = await db.select().from(users).where(eq(users.id, record.id));
    expect(row!.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyPassword(PASSWORD, row!.passwordHash!)).toBe(true);

    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "user"), eq(auditEvents.recordId, record.id)))
      .orderBy(auditEvents.id);
    expect(events.map((event) => [event.action, event.actorLabel])).toEqual([
      ["create", "setup"],
      ["setup_completed", "setup"],
    ]);
    expect(JSON.stringify(events)).not.toContain(row!.passwordHash!);
    expect(JSON.stringify(events)).not.toContain(code);

    expect(await storedCode(db)).toBeUndefined();
    expect(await setupStatus({ db })).toEqual({ state: "done" });
    // A used code, and any other, now meet "already set up"; a restart issues no new code while a DPO exists.
    const again = await failure(completeSetup({ ctx: setupContext(db, TODAY), input: setupInput(code), address: `again-${tag()}` }));
    expect(again.code).toBe("conflict");
    expect(again.message).toBe(ALREADY_SET_UP);
    expect(again.details).toMatchObject({ setupComplete: true });
    expect(await issueSetupCodeIfNeeded({ db })).toBeNull();
  });

  it("refuses a wrong code naming the field, checks the account's fields like the users contract, and keeps the code", async () => {
    const { db } = use();
    const code = (await issueSetupCodeIfNeeded({ db }))!;
    const wrong = await failure(completeSetup({ ctx: setupContext(db, TODAY), input: setupInput("AAAA-BBBB-CCCC"), address: `wrong-${tag()}` }));
    expect(wrong.code).toBe("validation_failed");
    expect(wrong.details.fields).toEqual([{ path: "code", message: "is not the code printed in the server log" }]);

    const invalid = await failure(
      completeSetup({ ctx: setupContext(db, TODAY), input: { code, name: "", email: "not-an-email", password: "short", role: "auditor" }, address: `bad-${tag()}` }),
    );
    expect(invalid.code).toBe("validation_failed");
    expect(invalid.details.fields!.map((field) => field.path).sort()).toEqual(["email", "name", "password", "role"]);

    expect((await storedCode(db))!.hash).toBe(hashSetupCode(code));
    expect(await setupStatus({ db })).toMatchObject({ state: "pending" });
    expect((await db.select({ count: sql<number>`count(*)::int` }).from(users).where(and(eq(users.role, "dpo"), sql`${users.disabledAt} is null`)))[0]!.count).toBe(0);
  });

  it("rate-limits wrong codes per address like sign-in: after five, even the right code waits (429); another address may try", async () => {
    const { db } = use();
    const code = (await issueSetupCodeIfNeeded({ db }))!;
    const address = `guesser-${tag()}`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await failure(completeSetup({ ctx: setupContext(db, TODAY), input: setupInput(generateSetupCode()), address }));
      expect(wrong.code).toBe("validation_failed");
    }
    const limited = await failure(completeSetup({ ctx: setupContext(db, TODAY), input: setupInput(code), address }));
    expect(limited.code).toBe("rate_limited");
    expect(limited.status).toBe(429);
    expect(limited.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await setupStatus({ db })).toMatchObject({ state: "pending" });

    const { record } = await completeSetup({ ctx: setupContext(db, TODAY), input: setupInput(code), address: `someone-else-${tag()}` });
    expect(record.role).toBe("dpo");
  });

  it("two concurrent submissions of the code: one creates the DPO, the other is told the installation is set up", async () => {
    const { db } = use();
    const code = (await issueSetupCodeIfNeeded({ db }))!;
    const emails = [`first-${tag()}@setup.test`, `second-${tag()}@setup.test`];
    const results = await Promise.allSettled(
      emails.map((email) => completeSetup({ ctx: setupContext(db, TODAY), input: setupInput(code, email), address: `race-${tag()}` })),
    );
    const created = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(AppError);
    expect((refused[0]!.reason as AppError).message).toBe(ALREADY_SET_UP);
    const activeDpos = await db.select({ email: users.email }).from(users).where(and(eq(users.role, "dpo"), sql`${users.disabledAt} is null`));
    expect(activeDpos.map((user) => user.email)).toHaveLength(1);
    expect(emails).toContain(activeDpos[0]!.email);
    const completions = await db.select().from(auditEvents).where(eq(auditEvents.action, "setup_completed"));
    expect(completions.filter((event) => event.recordId === (created[0] as PromiseFulfilledResult<{ record: { id: string } }>).value.record.id)).toHaveLength(1);
  });

  it("user:create's service: an engineer leaves the code pending, a DPO removes it", async () => {
    const { db } = use();
    const code = (await issueSetupCodeIfNeeded({ db }))!;
    const engineer = await createUserClosingSetup({
      ctx: { db, actor: TEST_ACTOR, today: TODAY },
      input: { email: `eng-${tag()}@setup.test`, name: "Engineer", role: "engineer", password: PASSWORD },
    });
    expect(engineer.setupCodeRetired).toBe(false);
    expect((await storedCode(db))!.hash).toBe(hashSetupCode(code));

    const dpo = await createUserClosingSetup({
      ctx: { db, actor: TEST_ACTOR, today: TODAY },
      input: { email: `cli-dpo-${tag()}@setup.test`, name: "CLI DPO", role: "dpo", password: PASSWORD },
    });
    expect(dpo.setupCodeRetired).toBe(true);
    expect(await storedCode(db)).toBeUndefined();
    expect(await setupStatus({ db })).toEqual({ state: "done" });
    const refused = await failure(completeSetup({ ctx: setupContext(db, TODAY), input: setupInput(code), address: `late-${tag()}` }));
    expect(refused.message).toBe(ALREADY_SET_UP);
  });

  it("npm run user:create (a separate process) creates a DPO and clears the pending code", { timeout: 180_000 }, async () => {
    const handle = use();
    // The in-memory PGlite of this suite is not reachable from another process: the CLI gets a folder of its own.
    const folder = handle.driver === "pglite" ? fs.mkdtempSync(path.join(os.tmpdir(), "governance-setup-")) : null;
    try {
      const target = folder ? openDatabase({ driver: "pglite", dataDir: path.join(folder, "pglite") }) : handle;
      if (folder) await runMigrations(target);
      else await withoutDpo(target.db);
      expect(await issueSetupCodeIfNeeded({ db: target.db })).not.toBeNull();
      if (folder) await target.close();

      const email = `script-${tag()}@setup.test`;
      const result = spawnSync(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/user-create.ts", "--email", email, "--role", "dpo", "--password", PASSWORD],
        {
          // On PostgreSQL the audit key comes from the deployment's secret, as the app's own would (lib/audit/key.ts).
          env: {
            ...process.env,
            ...(folder
              ? { DATABASE_URL: "", PGLITE_DIR: path.join(folder, "pglite") }
              : { DATABASE_URL: handle.location, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "setup-test-deployment-secret-0123456789" }),
            DEMO: "0",
          },
          encoding: "utf8",
          timeout: 150_000,
        },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(`Created dpo ${email}`);
      expect(result.stdout).toContain("The pending set-up code is no longer valid");

      const after = folder ? openDatabase({ driver: "pglite", dataDir: path.join(folder, "pglite") }) : handle;
      try {
        expect(await storedCode(after.db)).toBeUndefined();
        expect(await setupStatus({ db: after.db })).toEqual({ state: "done" });
      } finally {
        if (folder) await after.close();
      }
    } finally {
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("the guided start marks a step done once the register holds such a record", async () => {
    const { db } = use();
    const before = await guidedStartProgress({ db });
    await makeEntity(db);
    const after = await guidedStartProgress({ db });
    expect(after.entities).toBe(before.entities + 1);
    expect(after.activities).toBe(before.activities);
    expect(after.vendors).toBe(before.vendors);
  });
});
