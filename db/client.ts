import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { lockFolder } from "./folder-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The common drizzle type of both drivers: query code never knows which one it runs on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A query function takes either the database or an open transaction. */
export type Executor = Database | Transaction;
export type DriverName = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  driver: DriverName;
  /** Where the data lives: the PGlite folder ("memory" for in-memory) or the PostgreSQL URL without password. */
  location: string;
  /** The pg pool behind a PostgreSQL handle, for work that needs one dedicated connection. */
  pool?: Pool;
  close(): Promise<void>;
}

export const DEFAULT_PGLITE_DIR = "./data/pglite";

export type DatabaseOptions =
  | { driver: "pglite"; dataDir?: string | null }
  | { driver: "postgres"; url: string; maxConnections?: number };

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) {
    return { driver: "postgres", url: env.DATABASE_URL, maxConnections: Number(env.DATABASE_POOL_SIZE ?? 10) };
  }
  return { driver: "pglite", dataDir: env.PGLITE_DIR || DEFAULT_PGLITE_DIR };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres";
  }
}

/*
 * PGlite's shared buffers live in the server's own memory (its wasm heap). 32 MB rather than PostgreSQL's
 * default 128 MB: measured on the 100,000-transfer register (2026-11-24), it lowers the peak resident memory
 * of an export from about 547 MB to 424 MB, while the full re-evaluation and the transfer-register CSV took
 * the same time either way (2.7 s and 5.0 s): the pages they miss come from the operating system's file cache.
 * PGLITE_SHARED_BUFFERS (a PostgreSQL size, e.g. 128MB) trades memory for fewer copies where memory is plenty.
 */
const DEFAULT_PGLITE_SHARED_BUFFERS = "32MB";

function pgliteOptions(): PGliteOptions {
  const sharedBuffers = process.env.PGLITE_SHARED_BUFFERS?.trim() || DEFAULT_PGLITE_SHARED_BUFFERS;
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) {
    throw new Error(`PGLITE_SHARED_BUFFERS must be a size like 32MB or 128MB, not "${sharedBuffers}"`);
  }
  return { postgresqlconf: [`shared_buffers = ${sharedBuffers}`] };
}

/*
 * A new folder is made by PGlite's initdb, which runs, beside the database being opened, a second PGlite and
 * the initdb program, each a wasm instance with a 128 MB heap of its own. Done in the server's own process
 * (measured 2026-12-03 on the production build with the demo data), it took the process to 822 MB and left it
 * idling at 471 MB instead of the 395 MB of the same server restarted on the folder: memory freed by the two
 * instances stayed with the process (the C heap does not give back what it fragmented), and an import attack
 * then starts 80 MB higher. So a new folder is made by a short-lived child process, whose memory goes with it.
 * The child resolves PGlite from the working directory, like the migrations folder (db/migrate.ts); should it
 * fail (no node binary to spawn, a read-only sandbox), the folder is made in this process, as before.
 */
const INIT_FOLDER_SCRIPT = `
import { PGlite } from "@electric-sql/pglite";
const [dataDir, options] = process.argv.slice(1);
const pg = new PGlite(dataDir, JSON.parse(options));
await pg.waitReady;
await pg.close();
`;

/** How the folder was made: by a child process, here because the child failed, or it already held a database. */
export type FolderInit = "child" | "in-process" | "existing";

function hasDatabase(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "PG_VERSION"));
}

/** Makes a PGlite database in `dataDir` in a child process unless it holds one; the caller holds the folder lock. */
export function initializeFolder(dataDir: string, options: PGliteOptions = pgliteOptions()): FolderInit {
  if (hasDatabase(dataDir)) return "existing";
  fs.mkdirSync(dataDir, { recursive: true });
  const wasEmpty = fs.readdirSync(dataDir).length === 0;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", INIT_FOLDER_SCRIPT, dataDir, JSON.stringify(options)], {
    cwd: process.cwd(),
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
    // initdb takes about 2 s on an idle machine; a loaded one may take many times that.
    timeout: 300_000,
  });
  if (child.status === 0 && hasDatabase(dataDir)) return "child";
  const reason = child.error?.message ?? (child.stderr?.trim().split("\n").pop() || `exit code ${child.status}`);
  console.warn(`[db] could not create the PGlite folder ${dataDir} in a child process (${reason}); creating it in this process`);
  // A half-made database would make PGlite resume instead of initialising: start again from the empty folder
  // (only what the child wrote is removed; a folder that held anything else is left to initdb as it is).
  if (wasEmpty) for (const entry of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  return "in-process";
}

/** Opens a database. PGlite with a dataDir takes the folder lock first; without one it runs in memory. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.driver === "postgres") {
    const pool = new Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on("error", (error) => console.error("[db] idle PostgreSQL client error:", error.message));
    const db = drizzlePg({ client: pool, schema }) as unknown as Database;
    return { db, driver: "postgres", location: redactUrl(options.url), pool, close: () => pool.end() };
  }

  if (!options.dataDir) {
    const client = new PGlite();
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    return { db, driver: "pglite", location: "memory", close: () => client.close() };
  }

  const dataDir = path.resolve(options.dataDir);
  const release = lockFolder(dataDir);
  try {
    const clientOptions = pgliteOptions();
    initializeFolder(dataDir, clientOptions);
    const client = new PGlite(dataDir, clientOptions);
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    let closed = false;
    return {
      db,
      driver: "pglite",
      location: dataDir,
      // Idempotent: whoever hands the folder to another process (the web bench) closes it early.
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

const globalForDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

/**
 * The process-wide database, opened lazily on first use. A globalThis singleton because Next.js
 * loads server modules in several bundles (instrumentation, routes) within one process: PGlite must be
 * opened once per process.
 */
export function getDatabase(): DatabaseHandle {
  globalForDb.__governanceDb ??= openDatabase(databaseOptionsFromEnv());
  return globalForDb.__governanceDb;
}

export function db(): Database {
  return getDatabase().db;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.__governanceDb;
  globalForDb.__governanceDb = undefined;
  await handle?.close();
}
