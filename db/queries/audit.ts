import "server-only";
import { and, asc, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { ADVISORY_LOCKS } from "../advisory-locks";
import type { Executor } from "../client";
import { auditCheckpoints, auditEvents, type AuditCheckpoint, type AuditEvent, type NewAuditEvent } from "../schema";
import { rowsOf } from "./register";

/** What the audit pages show of an event: its content, not the chain's link fields. */
const eventColumns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  actorUserId: auditEvents.actorUserId,
  actorTokenId: auditEvents.actorTokenId,
  actorLabel: auditEvents.actorLabel,
  action: auditEvents.action,
  recordType: auditEvents.recordType,
  recordId: auditEvents.recordId,
  before: auditEvents.before,
  after: auditEvents.after,
};

export interface AuditEventRow {
  id: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorTokenId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ListAuditEventsInput {
  db: Executor;
  page: number;
  pageSize: number;
  recordType?: string;
  action?: string;
  recordId?: string;
}

/** One page of the audit trail, newest first (by id: the chain's order); total for the pager. */
export async function listAuditEvents({ db, page, pageSize, recordType, action, recordId }: ListAuditEventsInput): Promise<{
  rows: AuditEventRow[];
  total: number;
}> {
  const conditions: SQL[] = [];
  if (recordType) conditions.push(eq(auditEvents.recordType, recordType));
  if (action) conditions.push(eq(auditEvents.action, action));
  if (recordId) conditions.push(eq(auditEvents.recordId, recordId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select(eventColumns)
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  return { rows, total: totals[0]?.count ?? 0 };
}

/** The latest events of one record, newest first (uses the (record_type, record_id) index). */
export async function listRecordHistory({
  db,
  recordType,
  recordId,
  limit = 50,
}: {
  db: Executor;
  recordType: string;
  recordId: string;
  limit?: number;
}): Promise<AuditEventRow[]> {
  return db
    .select(eventColumns)
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/** The record types and actions present in the trail, for the filters. */
export async function listAuditFilterOptions({ db }: { db: Executor }): Promise<{ recordTypes: string[]; actions: string[] }> {
  const [types, actions] = await Promise.all([
    db.selectDistinct({ value: auditEvents.recordType }).from(auditEvents).orderBy(asc(auditEvents.recordType)),
    db.selectDistinct({ value: auditEvents.action }).from(auditEvents).orderBy(asc(auditEvents.action)),
  ]);
  return { recordTypes: types.map((row) => row.value), actions: actions.map((row) => row.value) };
}

/*
 * The chain's own bookkeeping: appending events and checkpoints (lib/audit/record.ts), reading them back for
 * verification (lib/audit/verify.ts) and for the head file (lib/audit/head-file.ts).
 */

/**
 * Serialises appends to the chain until the transaction ends (every instance on one PostgreSQL takes the same
 * key), so that each event links to the one committed before it.
 */
export async function lockAuditChain({ db }: { db: Executor }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.auditChain})`);
}

/** Serialises the publication of the head file among instances sharing it, until the transaction ends. */
export async function lockAuditHeadFile({ db }: { db: Executor }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.auditHeadFile})`);
}

export interface AuditChainEnd {
  /** The last event (null: empty trail). */
  last: { id: number; hash: string } | null;
  /** The newest checkpoint, which covers the last event unless events were appended without one. */
  checkpoint: AuditCheckpoint | null;
}

export interface AuditChainTip extends AuditChainEnd {
  /** The appending transaction's id (txid_current), to learn later whether it committed. */
  transactionId: string;
}

async function readChainEnd(db: Executor, withTransactionId: boolean) {
  // Numbers cross as text: int8 comes back as a string from pg and as a bigint or number from PGlite.
  const [row] = rowsOf<{
    id: string | null;
    hash: string | null;
    checkpoint_id: string | null;
    checkpoint_event_id: string | null;
    checkpoint_count: string | null;
    checkpoint_hash: string | null;
    checkpoint_signature: string | null;
    checkpoint_at: string | null;
    xid: string | null;
  }>(
    await db.execute(sql`
      select e.id::text as id, e.hash, c.id::text as checkpoint_id, c.last_event_id::text as checkpoint_event_id,
        c.event_count::text as checkpoint_count, c.head_hash as checkpoint_hash, c.signature as checkpoint_signature,
        to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as checkpoint_at,
        ${withTransactionId ? sql`txid_current()::text` : sql`null`} as xid
      from (select 1) as one
        left join lateral (select id, hash from audit_events order by id desc limit 1) e on true
        left join lateral (select * from audit_checkpoints order by id desc limit 1) c on true`),
  );
  const checkpoint: AuditCheckpoint | null = row?.checkpoint_id
    ? {
        id: Number(row.checkpoint_id),
        lastEventId: Number(row.checkpoint_event_id),
        eventCount: Number(row.checkpoint_count),
        headHash: row.checkpoint_hash!,
        signature: row.checkpoint_signature!,
        createdAt: new Date(row.checkpoint_at!),
      }
    : null;
  return { last: row?.id && row.hash ? { id: Number(row.id), hash: row.hash } : null, checkpoint, xid: row?.xid ?? null };
}

/** The chain's last event and newest checkpoint, read in one statement, with the transaction's id (call it under lockAuditChain). */
export async function readAuditChainTip({ db }: { db: Executor }): Promise<AuditChainTip> {
  const { last, checkpoint, xid } = await readChainEnd(db, true);
  return { last, checkpoint, transactionId: xid! };
}

/** The chain's last event and newest checkpoint, read in one statement (a reader: assigns no transaction id). */
export async function readAuditChainEnd({ db }: { db: Executor }): Promise<AuditChainEnd> {
  const { last, checkpoint } = await readChainEnd(db, false);
  return { last, checkpoint };
}

/** Events in the trail, up to and including `upToId` when given. */
export async function countAuditEvents({ db, upToId }: { db: Executor; upToId?: number }): Promise<number> {
  const [row] = await db
    .select({ count: sql<string>`count(*)::text` })
    .from(auditEvents)
    .where(upToId === undefined ? undefined : sql`${auditEvents.id} <= ${upToId}`);
  return Number(row?.count ?? 0);
}

// Rows per insert statement: well under PostgreSQL's 65,535 bind parameters (12 per row).
const INSERT_BATCH_ROWS = 500;

/**
 * Inserts events in the given order and returns the id of the last one. Ids are assigned in VALUES order
 * within a statement, and statements run in order: the chain's order.
 */
export async function insertAuditEventRows({ db, rows }: { db: Executor; rows: readonly NewAuditEvent[] }): Promise<number> {
  let lastId = 0;
  for (let start = 0; start < rows.length; start += INSERT_BATCH_ROWS) {
    const inserted = await db
      .insert(auditEvents)
      .values(rows.slice(start, start + INSERT_BATCH_ROWS))
      .returning({ id: auditEvents.id });
    lastId = inserted[inserted.length - 1]!.id;
  }
  return lastId;
}

export async function insertAuditCheckpoint({
  db,
  checkpoint,
}: {
  db: Executor;
  checkpoint: { lastEventId: number; eventCount: number; headHash: string; signature: string; createdAt: Date };
}): Promise<void> {
  await db.insert(auditCheckpoints).values(checkpoint);
}

/** The newest checkpoint (by id: the order they were written in), or null when there is none. */
export async function getNewestAuditCheckpoint({ db }: { db: Executor }): Promise<AuditCheckpoint | null> {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return row ?? null;
}

/** The next events of the chain after `afterId`, in id order (verification reads the chain in such batches). */
export async function listAuditEventsAfter({ db, afterId, limit }: { db: Executor; afterId: number; limit: number }): Promise<AuditEvent[]> {
  return db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(limit);
}

export type TransactionStatus = "committed" | "aborted" | "in progress";

/**
 * What became of transactions (txid_status): "in progress", "committed", "aborted"; absent when PostgreSQL no
 * longer knows (too old), which for a transaction that appended an event means it ended long ago.
 */
export async function getTransactionStatuses({ db, transactionIds }: { db: Executor; transactionIds: readonly string[] }): Promise<Map<string, TransactionStatus>> {
  if (transactionIds.length === 0) return new Map();
  const rows = rowsOf<{ xid: string; status: TransactionStatus | null }>(
    await db.execute(sql`select x as xid, txid_status(x::bigint) as status from unnest(${`{${transactionIds.join(",")}}`}::text[]) as x`),
  );
  return new Map(rows.filter((row) => row.status !== null).map((row) => [row.xid, row.status!]));
}

/**
 * The identity of the PostgreSQL database the connection is on: its name and oid. Dropping and re-creating a
 * database gives it a new oid, so a head file written for the old one is recognised as another database's.
 */
export async function getPostgresDatabaseIdentity({ db }: { db: Executor }): Promise<string> {
  const [row] = rowsOf<{ identity: string }>(
    await db.execute(sql`select current_database() || '#' || (select oid::text from pg_database where datname = current_database()) as identity`),
  );
  return row!.identity;
}
