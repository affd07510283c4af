import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_PGLITE_DIR, type Database, type DatabaseHandle, type Executor } from "@/db/client";
import { getNewestAuditCheckpoint, getPostgresDatabaseIdentity, getTransactionStatuses, lockAuditHeadFile } from "@/db/queries/audit";
import type { AuditCheckpoint } from "@/db/schema";
import { isAuditHeadSignatureValid, signedAuditHead, type SignedAuditHead } from "./head";
import { resolveAuditKey } from "./key";

/*
 * The head file: the audit chain's signed head kept outside the database, where deleting rows (events and
 * checkpoints together) cannot reach it. `npm run audit:verify` compares the chain with it.
 *
 * It belongs to the database the environment configures (DATABASE_URL, else PGLITE_DIR): the app and its CLI
 * commands publish that database's newest checkpoint to it, and a process working on another database (a
 * test's in-memory one) publishes nothing. It only moves forward: a head that counts fewer events than the
 * file is never written over it, since that is what a truncated table looks like. It is written only after the
 * checkpoint's transaction has committed (a form's flag preview writes in a transaction it rolls back), by
 * reading the newest committed checkpoint rather than trusting the caller's.
 */

/** The environment variables read (process.env, or a test's own). */
type Environment = Readonly<Record<string, string | undefined>>;

export const AUDIT_HEAD_FILE_FORMAT = "transfer-governance audit head v1";

export const auditHeadFileContent = z.object({
  format: z.literal(AUDIT_HEAD_FILE_FORMAT),
  /** Which database the head is of (lib/audit/head-file.ts databaseIdentity): a re-created one is another. */
  database: z.string(),
  /** The audit_checkpoints row it was copied from. */
  checkpointId: z.number().int().nullable(),
  head: signedAuditHead,
});

export type AuditHeadFileContent = z.output<typeof auditHeadFileContent>;

type HandleLocation = Pick<DatabaseHandle, "driver" | "location">;

/** Host, port, database and user of a PostgreSQL URL: what identifies the server and database, not the password. */
function postgresTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}@${decodeURIComponent(parsed.username)}`;
  } catch {
    return null;
  }
}

/** Whether `handle` is the database the environment configures (the one `npm start` and the CLI commands open). */
export function isEnvironmentDatabase(handle: HandleLocation, env: Environment = process.env): boolean {
  if (env.DATABASE_URL) {
    return handle.driver === "postgres" && postgresTarget(handle.location) !== null && postgresTarget(handle.location) === postgresTarget(env.DATABASE_URL);
  }
  return handle.driver === "pglite" && handle.location === path.resolve(env.PGLITE_DIR || DEFAULT_PGLITE_DIR);
}

/** The default head file on PostgreSQL, where no data folder says where: relative to the working directory. */
export const DEFAULT_POSTGRES_AUDIT_HEAD_FILE = "./data/audit-head.json";

/**
 * Where the head file of `handle` is: AUDIT_HEAD_FILE; else beside the PGlite folder ("./data/pglite" ->
 * "./data/pglite.audit-head.json", like its session secret), or ./data/audit-head.json on PostgreSQL. Null for a
 * database the environment does not configure (an in-memory or a test database): it has no head file.
 */
export function auditHeadFilePath(handle: HandleLocation, env: Environment = process.env): string | null {
  if (!isEnvironmentDatabase(handle, env)) return null;
  if (env.AUDIT_HEAD_FILE) return path.resolve(env.AUDIT_HEAD_FILE);
  if (handle.driver === "pglite") return `${handle.location}.audit-head.json`;
  return path.resolve(DEFAULT_POSTGRES_AUDIT_HEAD_FILE);
}

const identities = new WeakMap<object, Promise<string>>();

/**
 * Which database a head is of. PGlite: the folder and the identity of its PG_VERSION file, which a new folder at
 * the same place (the demo deleted and loaded again) does not share. PostgreSQL: server, database name and oid,
 * which a dropped and re-created database does not share. Nothing an SQL user can change.
 */
export function databaseIdentity(handle: Pick<DatabaseHandle, "driver" | "location" | "db">): Promise<string> {
  let identity = identities.get(handle);
  if (!identity) {
    identity =
      handle.driver === "pglite" && handle.location === "memory"
        ? // An in-memory database lives and dies with its handle: its own random identity.
          Promise.resolve(`pglite:memory#${crypto.randomUUID()}`)
        : handle.driver === "pglite"
        ? Promise.resolve().then(() => {
            const stat = fs.statSync(path.join(handle.location, "PG_VERSION"));
            return `pglite:${handle.location}#${stat.ino}-${Math.round(stat.birthtimeMs || stat.mtimeMs)}`;
          })
        : getPostgresDatabaseIdentity({ db: handle.db }).then((name) => `postgres:${postgresTarget(handle.location) ?? "server"}#${name}`);
    identities.set(handle, identity);
    identity.catch(() => identities.delete(handle));
  }
  return identity;
}

export type HeadFileRead =
  | { state: "missing" }
  | { state: "unreadable"; reason: string }
  | { state: "ok"; content: AuditHeadFileContent };

export function readAuditHeadFile(file: string): HeadFileRead {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "missing" };
    return { state: "unreadable", reason: (error as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: "unreadable", reason: "it is not JSON" };
  }
  const parsed = auditHeadFileContent.safeParse(json);
  if (!parsed.success) return { state: "unreadable", reason: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`).join("; ") };
  return { state: "ok", content: parsed.data };
}

/** Writes the file as a whole or not at all: a temporary file in the same folder, flushed, then renamed over it. */
export function writeAuditHeadFileAtomically(file: string, content: AuditHeadFileContent): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  const fd = fs.openSync(temporary, "wx", 0o644);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(content, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

export function checkpointHead(checkpoint: AuditCheckpoint): SignedAuditHead {
  return {
    lastEventId: checkpoint.lastEventId,
    eventCount: checkpoint.eventCount,
    headHash: checkpoint.headHash,
    signedAt: checkpoint.createdAt.toISOString(),
    signature: checkpoint.signature,
  };
}

export type PublishOutcome =
  | { outcome: "written" | "unchanged" | "no checkpoint"; newestEventId: number }
  | { outcome: "refused"; newestEventId: number; reason: string };

/**
 * Copies the newest committed checkpoint of `handle` into `file` if it is newer than what the file holds. On
 * PostgreSQL, under an advisory lock, so that two instances sharing the file never write an older head over a
 * newer one; PGlite has one process per folder, and the publisher runs one publication at a time.
 */
export async function publishAuditHead({ handle, file }: { handle: Pick<DatabaseHandle, "driver" | "location" | "db">; file: string }): Promise<PublishOutcome> {
  const identity = await databaseIdentity(handle);
  const publish = async (db: Executor): Promise<PublishOutcome> => {
    if (handle.driver === "postgres") await lockAuditHeadFile({ db });
    const newest = await getNewestAuditCheckpoint({ db });
    if (!newest) return { outcome: "no checkpoint", newestEventId: 0 };
    const head = checkpointHead(newest);
    // A row that does not verify was not written by the app: publishing it would replace the evidence.
    if (!isAuditHeadSignatureValid(resolveAuditKey(), head)) {
      return { outcome: "refused", newestEventId: newest.lastEventId, reason: `checkpoint ${newest.id} is not signed with the audit key` };
    }
    const current = readAuditHeadFile(file);
    if (current.state === "unreadable") {
      return { outcome: "refused", newestEventId: newest.lastEventId, reason: `${file} is unreadable (${current.reason}); move it away once examined` };
    }
    if (current.state === "ok") {
      if (current.content.database !== identity) {
        // Another database's head (the folder was deleted and the demo loaded again): kept beside, not lost.
        fs.renameSync(file, `${file}.${current.content.database.replace(/[^A-Za-z0-9_.-]+/g, "_").slice(-60)}.previous`);
      } else if (current.content.head.lastEventId >= newest.lastEventId) {
        return { outcome: "unchanged", newestEventId: newest.lastEventId };
      }
    }
    writeAuditHeadFileAtomically(file, { format: AUDIT_HEAD_FILE_FORMAT, database: identity, checkpointId: newest.id, head });
    return { outcome: "written", newestEventId: newest.lastEventId };
  };
  return handle.driver === "postgres" ? (handle.db as Database).transaction(publish) : publish(handle.db);
}

/* ---- The publisher: after appends, once their transactions have committed, the head file follows. ---- */

interface PendingCheckpoint {
  lastEventId: number;
  transactionId: string;
}

interface PublisherState {
  pending: PendingCheckpoint[];
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  rerun: boolean;
  backoffMs: number;
  reported: Set<string>;
}

// One per process: Next.js loads this module in several bundles.
const globalForPublisher = globalThis as unknown as { __auditHeadPublisher?: PublisherState };
const state: PublisherState = (globalForPublisher.__auditHeadPublisher ??= {
  pending: [],
  timer: null,
  running: null,
  rerun: false,
  backoffMs: 0,
  reported: new Set(),
});

/** Publications at most this often while writes keep coming: one file write covers all the appends between. */
const MIN_INTERVAL_MS = 25;
/** While the appending transaction is still open: poll its status, backing off up to this. */
const MAX_BACKOFF_MS = 1000;

/**
 * The process's database, when it has been opened (db/client.ts keeps it on globalThis, as the tests that
 * install their own do): the publisher never opens one, so a process that did not use it publishes nothing.
 */
function processDatabase(): DatabaseHandle | undefined {
  return (globalThis as unknown as { __governanceDb?: DatabaseHandle }).__governanceDb;
}

function reportOnce(message: string): void {
  if (state.reported.has(message)) return;
  state.reported.add(message);
  console.error(`[audit] ${message}`);
}

/** One publication; resolves with the delay before the next one, or null when nothing is left to publish. */
async function publishPending(): Promise<number | null> {
  const handle = processDatabase();
  const file = handle ? auditHeadFilePath(handle) : null;
  if (!handle || !file) {
    state.pending = [];
    return null;
  }
  const published = await publishAuditHead({ handle, file });
  if (published.outcome === "refused") reportOnce(`the audit head file was not updated: ${published.reason}`);
  state.pending = state.pending.filter((pending) => pending.lastEventId > published.newestEventId);
  if (state.pending.length === 0) return null;
  // Checkpoints newer than the committed one: their transactions are still open, or rolled back.
  const statuses = await getTransactionStatuses({ db: handle.db, transactionIds: [...new Set(state.pending.map((pending) => pending.transactionId))] });
  state.pending = state.pending.filter((pending) => {
    const status = statuses.get(pending.transactionId);
    return status === "in progress" || status === "committed";
  });
  if (state.pending.length === 0) return null;
  if (state.pending.some((pending) => statuses.get(pending.transactionId) === "committed")) return 0;
  state.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(MIN_INTERVAL_MS, state.backoffMs * 2));
  return state.backoffMs;
}

function schedule(delayMs: number): void {
  if (state.running) {
    state.rerun = true;
    return;
  }
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    void runPublication();
  }, delayMs);
  // A CLI command that has finished must not wait for it (its events are published by the next write).
  state.timer.unref();
}

function runPublication(): Promise<void> {
  state.rerun = false;
  const run = (async () => {
    let next: number | null = null;
    try {
      next = await publishPending();
      if (next === null) state.backoffMs = 0;
    } catch (error) {
      if (processDatabase()) {
        reportOnce(`the audit head file could not be written: ${(error as Error).message}`);
        next = state.pending.length > 0 ? MAX_BACKOFF_MS : null;
      } else {
        // The database was closed meanwhile (a CLI command ending): the next process's writes publish.
        state.pending = [];
      }
    } finally {
      state.running = null;
    }
    if (state.rerun) schedule(MIN_INTERVAL_MS);
    else if (next !== null) schedule(next);
  })();
  state.running = run;
  return run;
}

/** Called by every append (lib/audit/record.ts), inside its transaction: the file follows once it commits. */
export function noteAuditCheckpoint(pending: PendingCheckpoint): void {
  state.pending.push(pending);
  schedule(0);
}

/**
 * Publishes the newest committed checkpoint now and waits for it: for a command that exits right after its
 * writes, and for tests. Does nothing when the process's database has no head file.
 */
export async function flushAuditHead(): Promise<void> {
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  while (state.running) await state.running;
  const handle = processDatabase();
  const file = handle ? auditHeadFilePath(handle) : null;
  if (!handle || !file) return;
  const published = await publishAuditHead({ handle, file });
  if (published.outcome === "refused") reportOnce(`the audit head file was not updated: ${published.reason}`);
  state.pending = state.pending.filter((pending) => pending.lastEventId > published.newestEventId);
}
