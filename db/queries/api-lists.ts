import "server-only";
import { and, asc, desc, eq, getTableColumns, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import {
  agreementTransfers,
  dataCategories,
  flags,
  processingActivities,
  safeguardAgreements,
  type AgreementType,
  type FlagStatus,
  type FlagSubjectType,
  type Severity,
} from "../schema";

/*
 * The list and read queries of the REST API's secondary resources (flags, data categories, agreements,
 * processing activities): one page and the total for the pager, filters as the API's query parameters.
 */

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const whereOf = (conditions: SQL[]) => (conditions.length ? and(...conditions) : undefined);

export interface ListFlagsPageInput {
  db: Executor;
  page: number;
  pageSize: number;
  status?: FlagStatus;
  severity?: Severity;
  ruleId?: string;
  subjectType?: FlagSubjectType;
  processorId?: string;
}

// The fingerprint is the engine's change detector, not information for a client.
const { fingerprint: _internal, ...flagColumns } = getTableColumns(flags);

/** One page of flags, worst first then most recently seen; the processor filter covers its transfers' and agreements' flags. */
export async function listFlagsPage({ db, page, pageSize, status, severity, ruleId, subjectType, processorId }: ListFlagsPageInput) {
  const conditions: SQL[] = [];
  if (status) conditions.push(eq(flags.status, status));
  if (severity) conditions.push(eq(flags.severity, severity));
  if (ruleId) conditions.push(eq(flags.ruleId, ruleId));
  if (subjectType) conditions.push(eq(flags.subjectType, subjectType));
  if (processorId) conditions.push(eq(flags.processorId, processorId));
  const where = whereOf(conditions);
  const [rows, totals] = await Promise.all([
    db
      .select(flagColumns)
      .from(flags)
      .where(where)
      // The severity enum is declared low < medium < high < critical: descending puts critical first.
      .orderBy(desc(flags.severity), desc(flags.lastSeenAt), asc(flags.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(flags).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0, page, pageSize };
}

/**
 * The data-category taxonomy with its classification under each regime, in key order (a parent before
 * its children). "Sensitive" as the rules mean it (DOMAIN.md §4): GDPR special, CCPA sensitive, PIPL
 * sensitive or DOJ-covered.
 */
export async function listDataCategories({ db, q, sensitive }: { db: Executor; q?: string; sensitive?: boolean }) {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    conditions.push(or(ilike(dataCategories.key, pattern), ilike(dataCategories.name, pattern), ilike(dataCategories.description, pattern))!);
  }
  const isSensitive = sql`(${dataCategories.gdprSpecial} or ${dataCategories.ccpaSensitive} or ${dataCategories.piplSensitive} or ${dataCategories.dojCategory} <> 'none')`;
  if (sensitive === true) conditions.push(isSensitive);
  if (sensitive === false) conditions.push(sql`not ${isSensitive}`);
  return db.select().from(dataCategories).where(whereOf(conditions)).orderBy(asc(dataCategories.key));
}

export async function getDataCategory({ db, key }: { db: Executor; key: string }) {
  return (await db.select().from(dataCategories).where(eq(dataCategories.key, key)).limit(1))[0];
}

export interface ListAgreementsInput {
  db: Executor;
  page: number;
  pageSize: number;
  processorId?: string;
  type?: AgreementType;
  /** Expiry on or before this date (YYYY-MM-DD): agreements to renew. */
  expiringBefore?: string;
}

const transferIdsOf = sql<string[]>`coalesce((select array_agg(${agreementTransfers.transferId}::text order by ${agreementTransfers.transferId}) from ${agreementTransfers} where ${agreementTransfers.agreementId} = ${safeguardAgreements.id}), '{}')`;

/** One page of safeguard agreements, soonest expiry first (open-ended last). */
export async function listAgreements({ db, page, pageSize, processorId, type, expiringBefore }: ListAgreementsInput) {
  const conditions: SQL[] = [];
  if (processorId) conditions.push(eq(safeguardAgreements.processorId, processorId));
  if (type) conditions.push(eq(safeguardAgreements.type, type));
  if (expiringBefore) conditions.push(lte(safeguardAgreements.expiryDate, expiringBefore));
  const where = whereOf(conditions);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(safeguardAgreements)
      .where(where)
      .orderBy(sql`${safeguardAgreements.expiryDate} asc nulls last`, asc(safeguardAgreements.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(safeguardAgreements).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0, page, pageSize };
}

/** One agreement with the transfers it lists (empty when it covers all of its processor's transfers). */
export async function getAgreement({ db, id }: { db: Executor; id: string }) {
  const row = (await db.select({ agreement: safeguardAgreements, transferIds: transferIdsOf }).from(safeguardAgreements).where(eq(safeguardAgreements.id, id)).limit(1))[0];
  return row ? { ...row.agreement, transferIds: row.transferIds } : undefined;
}

/** One page of processing activities by name; `q` searches the name and the purpose. */
export async function listActivities({ db, page, pageSize, q }: { db: Executor; page: number; pageSize: number; q?: string }) {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    conditions.push(or(ilike(processingActivities.name, pattern), ilike(processingActivities.purpose, pattern))!);
  }
  const where = whereOf(conditions);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(processingActivities)
      .where(where)
      .orderBy(asc(processingActivities.name), asc(processingActivities.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(processingActivities).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0, page, pageSize };
}

export async function getActivity({ db, id }: { db: Executor; id: string }) {
  return (await db.select().from(processingActivities).where(eq(processingActivities.id, id)).limit(1))[0];
}
