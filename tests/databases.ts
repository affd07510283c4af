import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type DatabaseHandle, type DriverName } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedReferenceData } from "@/lib/seed/reference";

/**
 * Tests own their data (STYLE.md §10): each suite gets a fresh database — an in-memory PGlite, or a
 * PostgreSQL database created for it and dropped afterwards — migrated and loaded with reference data.
 */
export async function createTestDatabase(driver: DriverName): Promise<DatabaseHandle> {
  if (driver === "pglite") {
    const handle = openDatabase({ driver: "pglite" });
    await runMigrations(handle);
    await seedReferenceData(handle.db);
    return handle;
  }
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error("PostgreSQL is not available for this run");
  const name = `governance_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 });
  await runMigrations(handle);
  await seedReferenceData(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export const TEST_DRIVERS: DriverName[] = ["pglite", "postgres"];

/**
 * Runs one suite on both databases. `use()` returns the suite's database inside tests and hooks.
 * The PostgreSQL half is skipped (and says so) only when global-setup found no server.
 */
export function describeOnDatabases(name: string, suite: (use: () => DatabaseHandle) => void): void {
  for (const driver of TEST_DRIVERS) {
    const unavailable = driver === "postgres" && !process.env.TEST_POSTGRES_URL;
    describe.skipIf(unavailable)(`${name} [${driver}]`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await createTestDatabase(driver);
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error("the test database is not open yet");
        return handle;
      });
    });
  }
}

/**
 * Makes the suite's database the one the app's route handlers and actions use (`db()`), for the suite's
 * duration, and puts back whatever was there before.
 */
export function useAsAppDatabase(use: () => DatabaseHandle): void {
  const global = globalThis as unknown as { __governanceDb?: DatabaseHandle };
  let previous: DatabaseHandle | undefined;
  beforeAll(() => {
    previous = global.__governanceDb;
    global.__governanceDb = use();
  });
  afterAll(() => {
    global.__governanceDb = previous;
  });
}
