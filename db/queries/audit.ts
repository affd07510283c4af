import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { auditEvents } from "../schema";

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
