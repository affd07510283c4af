import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { ADVISORY_LOCKS } from "./advisory-locks";
import type { DatabaseHandle } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

function readJournal(folder = MIGRATIONS_FOLDER): Journal {
  return JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as Journal;
}

/** The tag of the newest migration shipped with this build (e.g. "0001_rules"). */
export function latestMigrationTag(folder = MIGRATIONS_FOLDER): string {
  const entries = readJournal(folder).entries;
  return entries[entries.length - 1]?.tag ?? "none";
}

/**
 * Applies pending migrations. On PostgreSQL several app instances may start at once, so the
 * migration runs under a session advisory lock held on one dedicated connection.
 */
export async function runMigrations(handle: DatabaseHandle, folder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: folder });
    return;
  }
  if (!handle.pool) throw new Error("A PostgreSQL handle without a pool cannot migrate");
  const client = await handle.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [ADVISORY_LOCKS.migration]);
    await migratePg(drizzlePg({ client }), { migrationsFolder: folder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [ADVISORY_LOCKS.migration]).catch(() => undefined);
    client.release();
  }
}

/** The tag of the newest migration applied to this database, or null on an empty one. */
export async function appliedMigrationTag(handle: DatabaseHandle, folder = MIGRATIONS_FOLDER): Promise<string | null> {
  const result = await handle.db.execute<{ count: number }>(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  const rows = (result as unknown as { rows: { count: number }[] }).rows;
  const count = rows[0]?.count ?? 0;
  if (count === 0) return null;
  return readJournal(folder).entries[count - 1]?.tag ?? null;
}
