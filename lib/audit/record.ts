import "server-only";
import type { Executor } from "@/db/client";
import { countAuditEvents, insertAuditCheckpoint, insertAuditEventRows, lockAuditChain, readAuditChainTip } from "@/db/queries/audit";
import { systemActor } from "@/lib/auth/actor";
import type { NewAuditEvent } from "@/db/schema";
import { GENESIS_HASH, hashAuditEvent, macAuditHash, type AuditContent } from "./hash";
import { signAuditHead } from "./head";
import { noteAuditCheckpoint } from "./head-file";
import { resolveAuditKey } from "./key";

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

export interface AuditEventInput {
  action: string;
  recordType: string;
  recordId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends events by one actor at one time, chained in the given order, each with its MAC under the audit
 * key, and a signed checkpoint of the new head, all inside the caller's transaction: the change, its events
 * and the checkpoint commit or roll back together. Once the transaction has committed, the head file follows
 * (lib/audit/head-file.ts): writing it here would publish events that a rollback may yet remove.
 */
async function appendChained({ db, actor, events, at }: { db: Executor; actor: AuditActor; events: readonly AuditEventInput[]; at: Date }): Promise<void> {
  if (events.length === 0) return;
  // Resolved before the lock: a missing key fails the write before it waits for anyone.
  const key = resolveAuditKey();
  await lockAuditChain({ db });
  const tip = await readAuditChainTip({ db });
  // Every keyed append writes a checkpoint with the event, so the newest one counts the chain up to its last
  // event; only the first append after events written without one (before this version) counts the table.
  const countBefore = tip.last === null ? 0 : tip.checkpoint?.lastEventId === tip.last.id ? tip.checkpoint.eventCount : await countAuditEvents({ db });
  let prevHash = tip.last?.hash ?? GENESIS_HASH;
  // Millisecond precision: what timestamptz stores and returns, so verification recomputes the same text.
  const occurredAt = new Date(Math.floor(at.getTime()));
  const rows: NewAuditEvent[] = events.map((event) => {
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
    const row: NewAuditEvent = {
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
      mac: macAuditHash(key, hash),
    };
    prevHash = hash;
    return row;
  });
  const lastEventId = await insertAuditEventRows({ db, rows });
  // The checkpoint's time is the real time of the write, whatever time the events are dated (a backdated seed).
  const signedAt = new Date();
  const head = signAuditHead(key, { lastEventId, eventCount: countBefore + rows.length, headHash: prevHash, signedAt: signedAt.toISOString() });
  await insertAuditCheckpoint({ db, checkpoint: { lastEventId, eventCount: head.eventCount, headHash: head.headHash, signature: head.signature, createdAt: signedAt } });
  noteAuditCheckpoint({ lastEventId, transactionId: tip.transactionId });
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
  await appendChained({ db, actor, events: [{ action, recordType, recordId, before, after }], at });
}

/**
 * Appends many events by one actor at one time, chained in the given order, in multi-row inserts: for
 * writes of many records at once (a seed, an import), where one appendAuditEvent per record would cost a
 * lock, a read of the head, a statement and a checkpoint each. Same chain, MACs and one checkpoint for the
 * batch; call it inside the transaction of the change, like appendAuditEvent.
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
  await appendChained({ db, actor, events, at });
}
