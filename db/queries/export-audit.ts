import "server-only";
import { and, asc, desc, gt, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { auditEvents } from "../schema";

/*
 * The audit trail for a period, for the regulator: every event with its content and its two chain links
 * (previous hash, hash), so that the period can be checked against the chain and the chain's head.
 * Days are UTC calendar days; `to` is inclusive.
 */

export interface AuditTrailRow {
  id: number;
  occurredAt: Date;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
const nextDayStart = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

function inPeriod(from: string, to: string): SQL {
  return and(gte(auditEvents.occurredAt, dayStart(from)), lt(auditEvents.occurredAt, nextDayStart(to)))!;
}

export interface IterateAuditTrailInput {
  db: Executor;
  from: string;
  to: string;
  batchSize?: number;
}

/** The events of the period in chain order (id), in keyset batches. */
export async function* iterateAuditTrail({ db, from, to, batchSize = 1000 }: IterateAuditTrailInput): AsyncGenerator<AuditTrailRow, void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  let lastId = 0;
  for (;;) {
    const batch = await db
      .select({
        id: auditEvents.id,
        occurredAt: auditEvents.occurredAt,
        actorLabel: auditEvents.actorLabel,
        action: auditEvents.action,
        recordType: auditEvents.recordType,
        recordId: auditEvents.recordId,
        before: auditEvents.before,
        after: auditEvents.after,
        prevHash: auditEvents.prevHash,
        hash: auditEvents.hash,
      })
      .from(auditEvents)
      .where(and(inPeriod(from, to), gt(auditEvents.id, lastId)))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    lastId = batch[batch.length - 1]!.id;
  }
}

export interface AuditPeriodSummary {
  events: number;
  firstId: number | null;
  lastId: number | null;
  /** Hash of the last event of the period: the chain's head as of the end of the period. */
  lastHash: string | null;
  /** The whole trail's head when the export ran. */
  head: { id: number; hash: string } | null;
}

export async function summarizeAuditPeriod({ db, from, to }: { db: Executor; from: string; to: string }): Promise<AuditPeriodSummary> {
  const [counts] = await db
    .select({ events: sql<number>`count(*)::int`, firstId: sql<number | null>`min(${auditEvents.id})`, lastId: sql<number | null>`max(${auditEvents.id})` })
    .from(auditEvents)
    .where(inPeriod(from, to));
  const lastId = counts?.lastId === null || counts?.lastId === undefined ? null : Number(counts.lastId);
  const [last] = lastId === null ? [] : await db.select({ hash: auditEvents.hash }).from(auditEvents).where(sql`${auditEvents.id} = ${lastId}`);
  const [head] = await db.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return {
    events: counts?.events ?? 0,
    firstId: counts?.firstId === null || counts?.firstId === undefined ? null : Number(counts.firstId),
    lastId,
    lastHash: last?.hash ?? null,
    head: head ? { id: head.id, hash: head.hash } : null,
  };
}
