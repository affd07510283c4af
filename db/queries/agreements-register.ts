import "server-only";
import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import type { AgreementSort, AgreementState } from "../list-sorts";
import { processorInPopulation, type Population } from "./population";
import {
  agreementTransfers,
  entities,
  flags,
  processingActivities,
  processors,
  safeguardAgreements,
  transfers,
  type AgreementType,
  type Severity,
  type TransferMechanism,
  type TransferStatus,
} from "../schema";

/*
 * The agreement register, the one read model of the agreements list (the DPO's page and GET
 * /api/v1/agreements, lib/api/contracts/agreements.ts `agreementListRow`): one page of safeguard agreements,
 * every stored field with their processor, what they cover and their state on `today`, filtered and sorted in SQL.
 */

export type { AgreementSort, AgreementState };

export interface ListAgreementRegisterInput {
  db: Executor;
  page: number;
  pageSize: number;
  /** YYYY-MM-DD: the day states and "expiring within" are computed for. */
  today: string;
  /** Searches the processor's name, the document reference and the notes. */
  q?: string;
  type?: AgreementType;
  processorId?: string;
  state?: AgreementState;
  /** Expiry on or before this date (YYYY-MM-DD): agreements to renew, expired ones included. */
  expiringBefore?: string;
  /** Not expired yet, and expiring within this many days of `today` (both included). */
  expiresWithinDays?: number;
  /** Agreements of vendors in this population (db/queries/population.ts): the dashboard's card links here with it. */
  pending?: Population;
  sort?: AgreementSort;
  direction?: "asc" | "desc";
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A timestamp as ISO text (UTC, to the second), not a Date: the row crosses the wire to the browser's query
 * cache as JSON, and the server page's prefetch must hold the same value the API answers.
 */
export function isoTimestamp(column: SQL | PgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
}

/**
 * An agreement's state on a day, by the rules' definition (lib/rules/predicates.ts isAgreementActive), as a
 * SQL expression, so that the register can filter and sort on it.
 */
function stateOf(today: string): SQL<AgreementState> {
  const a = safeguardAgreements;
  return sql<AgreementState>`case
    when ${a.signedDate} <= ${today}::date and (${a.effectiveDate} is null or ${a.effectiveDate} <= ${today}::date)
      and (${a.expiryDate} is null or ${a.expiryDate} >= ${today}::date) then 'active'
    when ${a.expiryDate} < ${today}::date then 'expired'
    when ${a.signedDate} is null or ${a.signedDate} > ${today}::date then 'unsigned'
    else 'not_yet_effective' end`;
}

/**
 * How many transfers an agreement covers: all of its processor's when it says so, else those it lists.
 * Correlated sub-queries run for the page's rows only, after the limit.
 */
const coveredTransferCount = sql<number>`case when ${safeguardAgreements.coversAllTransfers}
  then (select count(*)::int from ${transfers} where ${transfers.processorId} = ${safeguardAgreements.processorId})
  else (select count(*)::int from ${agreementTransfers} where ${agreementTransfers.agreementId} = ${safeguardAgreements.id}) end`;

const openFlagCount = sql<number>`(select count(*)::int from ${flags}
  where ${flags.subjectType} = 'agreement' and ${flags.subjectId} = ${safeguardAgreements.id} and ${flags.status} = 'open')`;

export async function listAgreementRegister({
  db,
  page,
  pageSize,
  today,
  q,
  type,
  processorId,
  state,
  expiringBefore,
  expiresWithinDays,
  pending,
  sort = "expiry",
  direction = "asc",
}: ListAgreementRegisterInput) {
  const a = safeguardAgreements;
  const state$ = stateOf(today);
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    conditions.push(or(ilike(processors.name, pattern), ilike(a.documentRef, pattern), ilike(a.notes, pattern))!);
  }
  if (type) conditions.push(eq(a.type, type));
  if (processorId) conditions.push(eq(a.processorId, processorId));
  if (state) conditions.push(sql`${state$} = ${state}`);
  if (expiringBefore) conditions.push(sql`${a.expiryDate} <= ${expiringBefore}::date`);
  if (expiresWithinDays !== undefined) {
    conditions.push(sql`${a.expiryDate} between ${today}::date and ${today}::date + ${expiresWithinDays}::int`);
  }
  if (pending) conditions.push(processorInPopulation(pending, sql`${a.processorId}`));
  const where = conditions.length ? and(...conditions) : undefined;

  const sortColumn: Record<AgreementSort, SQL | typeof a.type> = {
    processor: sql`lower(${processors.name})`,
    type: a.type,
    signed: sql`${a.signedDate}`,
    expiry: sql`${a.expiryDate}`,
    state: state$,
  };
  // Open-ended agreements (no expiry) and unsigned ones sort last whichever the direction.
  const order = direction === "desc" ? sql`${sortColumn[sort]} desc nulls last` : sql`${sortColumn[sort]} asc nulls last`;

  const [rows, totals] = await Promise.all([
    db
      .select({
        id: a.id,
        processorId: a.processorId,
        processorName: processors.name,
        type: a.type,
        sccModule: a.sccModule,
        signedDate: a.signedDate,
        effectiveDate: a.effectiveDate,
        expiryDate: a.expiryDate,
        permitsSubprocessing: a.permitsSubprocessing,
        flowDown: a.flowDown,
        coversAllTransfers: a.coversAllTransfers,
        documentRef: a.documentRef,
        notes: a.notes,
        externalId: a.externalId,
        version: a.version,
        createdAt: isoTimestamp(a.createdAt),
        updatedAt: isoTimestamp(a.updatedAt),
        state: state$,
        transferCount: coveredTransferCount,
        openFlagCount,
      })
      .from(a)
      .innerJoin(processors, eq(processors.id, a.processorId))
      .where(where)
      .orderBy(order, asc(a.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(a)
      .innerJoin(processors, eq(processors.id, a.processorId))
      .where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0, page, pageSize };
}

export type AgreementRegisterRow = Awaited<ReturnType<typeof listAgreementRegister>>["rows"][number];
export type AgreementRegisterPage = Awaited<ReturnType<typeof listAgreementRegister>>;

/** One agreement with its processor and its state on `today`; undefined when the id is unknown. */
export async function getAgreementDetail({ db, id, today }: { db: Executor; id: string; today: string }) {
  const rows = await db
    .select({
      agreement: safeguardAgreements,
      state: stateOf(today),
      processor: {
        id: processors.id,
        name: processors.name,
        country: processors.country,
        status: processors.status,
        createdByUserId: processors.createdByUserId,
      },
    })
    .from(safeguardAgreements)
    .innerJoin(processors, eq(processors.id, safeguardAgreements.processorId))
    .where(eq(safeguardAgreements.id, id))
    .limit(1);
  return rows[0];
}

export interface CoveredTransferRow {
  id: string;
  processorId: string;
  processorName: string;
  activityName: string;
  exporterName: string;
  originCountry: string;
  destinationCountry: string;
  mechanism: TransferMechanism;
  status: TransferStatus;
  openFlagCount: number;
  worstOpenFlagSeverity: Severity | null;
}

/** The transfers an agreement covers (first `limit`), with their open flags, and how many there are in all. */
export async function listTransfersCoveredByAgreement({
  db,
  agreement,
  limit = 50,
}: {
  db: Executor;
  agreement: { id: string; processorId: string; coversAllTransfers: boolean };
  limit?: number;
}): Promise<{ rows: CoveredTransferRow[]; total: number }> {
  const where = agreement.coversAllTransfers
    ? eq(transfers.processorId, agreement.processorId)
    : inArray(transfers.id, db.select({ id: agreementTransfers.transferId }).from(agreementTransfers).where(eq(agreementTransfers.agreementId, agreement.id)));
  return selectTransfersWithFlags({ db, where, limit });
}

const openTransferFlags = sql`from ${flags} where ${flags.subjectType} = 'transfer' and ${flags.subjectId} = ${transfers.id} and ${flags.status} = 'open'`;

/** Transfers matching `where`, by activity then destination, with their open flags' count and worst severity. */
export async function selectTransfersWithFlags({ db, where, limit }: { db: Executor; where: SQL | undefined; limit: number }): Promise<{ rows: CoveredTransferRow[]; total: number }> {
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: transfers.id,
        processorId: transfers.processorId,
        processorName: processors.name,
        activityName: processingActivities.name,
        exporterName: entities.name,
        originCountry: transfers.originCountry,
        destinationCountry: transfers.destinationCountry,
        mechanism: transfers.mechanism,
        status: transfers.status,
        openFlagCount: sql<number>`(select count(*)::int ${openTransferFlags})`,
        // The severity enum is declared low < medium < high < critical: max() is the worst.
        worstOpenFlagSeverity: sql<Severity | null>`(select max(${flags.severity}) ${openTransferFlags})`,
      })
      .from(transfers)
      .innerJoin(processingActivities, eq(processingActivities.id, transfers.activityId))
      .innerJoin(entities, eq(entities.id, transfers.exporterEntityId))
      .innerJoin(processors, eq(processors.id, transfers.processorId))
      .where(where)
      .orderBy(asc(processingActivities.name), asc(transfers.destinationCountry), asc(transfers.id))
      .limit(limit),
    db.select({ total: sql<number>`count(*)::int` }).from(transfers).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

export interface TransferFlagRow {
  id: string;
  transferId: string;
  ruleId: string;
  severity: Severity;
  status: "open" | "accepted";
  message: string;
  /** The same finding in French; empty for a flag not re-evaluated since findings were worded in French. */
  messageFr: string;
  citation: string;
  remediation: string;
}

/** The current (open or accepted) flags of some transfers, worst first; `limit` bounds a large selection. */
export async function listCurrentFlagsOfTransfers({ db, transferIds, limit = 50 }: { db: Executor; transferIds: readonly string[]; limit?: number }) {
  if (transferIds.length === 0) return [];
  return (await db
    .select({
      id: flags.id,
      transferId: flags.subjectId,
      ruleId: flags.ruleId,
      severity: flags.severity,
      status: flags.status,
      message: flags.message,
      messageFr: flags.messageFr,
      citation: flags.citation,
      remediation: flags.remediation,
    })
    .from(flags)
    .where(and(eq(flags.subjectType, "transfer"), inArray(flags.subjectId, [...transferIds]), ne(flags.status, "resolved")))
    .orderBy(desc(flags.severity), asc(flags.ruleId), asc(flags.id))
    .limit(limit)) as TransferFlagRow[];
}
