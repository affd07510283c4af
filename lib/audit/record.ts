import "server-only";
import { desc, sql } from "drizzle-orm";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";
import type { Executor } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, hashAuditEvent, type AuditContent } from "./hash";

export interface AuditActor {
  userId: string | null;
  tokenId?: string | null;
  /** "Jane Doe <jane@…>", or "system" for automatic changes. */
  label: string;
}

export const SYSTEM_ACTOR = systemActor();


/** JSON-safe copy (dates as ISO strings), as the jsonb column will return it. */
function plain(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * Appends one event to the hash chain. Call it inside the transaction of the change it records, so that
 * the change and its audit event commit or fail together.
 */
export async function appendAuditEvent({
  db,
  actor,
  action,
  recordType,
  recordId,
  before = null,
  after = null,
  at = new Date(),
}: {
  db: Executor;
  actor: AuditActor;
  action: string;
  recordType: string;
  recordId: string | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
}): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.auditChain})`);
  const last = await db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  // Millisecond precision: what timestamptz stores and returns, so verification recomputes the same text.
  const occurredAt = new Date(Math.floor(at.getTime()));
  const content: AuditContent = {
    occurredAt: occurredAt.toISOString(),
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId ?? null,
    actorLabel: actor.label,
    action,
    recordType,
    recordId,
    before: plain(before),
    after: plain(after),
  };
  await db.insert(auditEvents).values({
    occurredAt,
    actorUserId: content.actorUserId,
    actorTokenId: content.actorTokenId,
    actorLabel: content.actorLabel,
    action,
    recordType,
    recordId,
    before: content.before as Record<string, unknown> | null,
    after: content.after as Record<string, unknown> | null,
    prevHash,
    hash: hashAuditEvent(prevHash, content),
  });
}

export interface AuditEventInput {
  action: string;
  recordType: string;
  recordId: string | null;
  before?: unknown;
  after?: unknown;
}

// Rows per insert statement: well under PostgreSQL's 65,535 bind parameters (11 per row).
const BATCH_ROWS = 500;

/**
 * Appends many events by one actor at one time, chained in the given order, in multi-row inserts: for
 * writes of many records at once (a seed, an import), where one appendAuditEvent per record would cost a
 * lock, a read of the head and a statement each. Same hash chain as appendAuditEvent; call it inside the
 * transaction of the change, like appendAuditEvent.
 */
export async function appendAuditEvents({
  db,
  actor,
  events,
  at = new Date(),
}: {
  db: Executor;
  actor: AuditActor;
  events: readonly AuditEventInput[];
  at?: Date;
}): Promise<void> {
  if (events.length === 0) return;
  await db.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.auditChain})`);
  const last = await db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  let prevHash = last[0]?.hash ?? GENESIS_HASH;
  const occurredAt = new Date(Math.floor(at.getTime()));
  const rows = events.map((event) => {
    const content: AuditContent = {
      occurredAt: occurredAt.toISOString(),
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId ?? null,
      actorLabel: actor.label,
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId,
      before: plain(event.before),
      after: plain(event.after),
    };
    const hash = hashAuditEvent(prevHash, content);
    const row = {
      occurredAt,
      actorUserId: content.actorUserId,
      actorTokenId: content.actorTokenId,
      actorLabel: content.actorLabel,
      action: content.action,
      recordType: content.recordType,
      recordId: content.recordId,
      before: content.before as Record<string, unknown> | null,
      after: content.after as Record<string, unknown> | null,
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // Ids are assigned in VALUES order within a statement, and statements run in order: the chain's order.
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    await db.insert(auditEvents).values(rows.slice(start, start + BATCH_ROWS));
  }
}
