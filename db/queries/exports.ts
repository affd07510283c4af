import "server-only";
import { and, asc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import {
  agreementTransfers,
  appState,
  entities,
  flags,
  processingActivities,
  processors,
  safeguardAgreements,
  transferDataCategories,
  transfers,
  type Severity,
} from "../schema";

/*
 * Aggregates of one transfer, as correlated sub-queries: with keyset paging on the primary key they run only
 * for the rows of the batch, after the limit.
 *
 * The covering agreements are the processor's agreements that cover all its transfers or list this one (the
 * same definition as listAgreementsCoveringTransfer). One string_agg per attribute, all in the same order, so
 * that the n-th item of each column describes the same agreement; a missing value is an em dash, never
 * skipped (string_agg drops nulls, which would shift the columns) and never a hyphen-minus, which a
 * spreadsheet would take for a formula.
 */
const agreementOrder = sql`order by ${safeguardAgreements.type}, ${safeguardAgreements.expiryDate} desc nulls last, ${safeguardAgreements.id}`;
const coveringAgreements = sql`${safeguardAgreements.processorId} = ${transfers.processorId} and (${safeguardAgreements.coversAllTransfers} or exists (select 1 from ${agreementTransfers} where ${agreementTransfers.agreementId} = ${safeguardAgreements.id} and ${agreementTransfers.transferId} = ${transfers.id}))`;
const agreementAgg = (value: SQL) =>
  sql<string | null>`(select string_agg(coalesce((${value})::text, '—'), '; ' ${agreementOrder}) from ${safeguardAgreements} where ${coveringAgreements})`;

/** Flags raised on the transfer itself (not on its processor or agreements), still open. */
const openTransferFlags = sql`${flags.subjectType} = 'transfer' and ${flags.subjectId} = ${transfers.id} and ${flags.status} = 'open'`;

export interface IterateTransferRegisterInput {
  db: Executor;
  /** Rows per statement; the table is never read whole. */
  batchSize?: number;
  /**
   * false: the register of record, approved transfers to approved processors only. true: every transfer,
   * whatever its status or its processor's (the status columns tell them apart).
   */
  includePending: boolean;
  /** Also read the covering agreements as records (`agreements`), for the JSON export. */
  structured?: boolean;
}

/** One covering agreement, as the JSON export lists it. */
export interface CoveringAgreement {
  type: string;
  sccModule: string | null;
  signedDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  documentRef: string | null;
}

const agreementsJson = sql<CoveringAgreement[] | null>`(select json_agg(json_build_object('type', ${safeguardAgreements.type}, 'sccModule', ${safeguardAgreements.sccModule}, 'signedDate', ${safeguardAgreements.signedDate}, 'effectiveDate', ${safeguardAgreements.effectiveDate}, 'expiryDate', ${safeguardAgreements.expiryDate}, 'documentRef', ${safeguardAgreements.documentRef}) ${agreementOrder}) from ${safeguardAgreements} where ${coveringAgreements})`;

function selectTransferRegisterBatch(db: Executor, where: SQL | undefined, limit: number, structured: boolean) {
  return db
    .select({
      id: transfers.id,
      status: transfers.status,
      exporterName: entities.name,
      exporterCountry: entities.country,
      importerName: processors.name,
      importerLegalName: processors.legalName,
      importerCountry: processors.country,
      importerStatus: processors.status,
      activityName: processingActivities.name,
      originCountry: transfers.originCountry,
      destinationCountry: transfers.destinationCountry,
      accessType: transfers.accessType,
      mechanism: transfers.mechanism,
      agreementTypes: agreementAgg(
        sql`${safeguardAgreements.type}::text || coalesce(' ' || ${safeguardAgreements.sccModule}::text, '')`,
      ),
      agreementSignedDates: agreementAgg(sql`${safeguardAgreements.signedDate}`),
      agreementEffectiveDates: agreementAgg(sql`${safeguardAgreements.effectiveDate}`),
      agreementExpiryDates: agreementAgg(sql`${safeguardAgreements.expiryDate}`),
      agreementDocumentRefs: agreementAgg(sql`${safeguardAgreements.documentRef}`),
      tiaDate: transfers.tiaDate,
      encryptionInTransit: transfers.encryptionInTransit,
      encryptionAtRest: transfers.encryptionAtRest,
      categoryKeys: sql<string | null>`(select string_agg(${transferDataCategories.categoryKey}, '; ' order by ${transferDataCategories.categoryKey}) from ${transferDataCategories} where ${transferDataCategories.transferId} = ${transfers.id})`,
      estimatedSubjects: transfers.estimatedSubjects,
      volumeUnit: transfers.volumeUnit,
      startDate: transfers.startDate,
      endDate: transfers.endDate,
      openFlagCount: sql<number>`(select count(*)::int from ${flags} where ${openTransferFlags})`,
      // The severity enum is declared low < medium < high < critical, so max() is the worst.
      worstOpenSeverity: sql<Severity | null>`(select max(${flags.severity}) from ${flags} where ${openTransferFlags})`,
      openFlagRuleIds: sql<string | null>`(select string_agg(${flags.ruleId}, '; ' order by ${flags.ruleId}) from ${flags} where ${openTransferFlags})`,
      // The agreements again, as records, for the JSON export only (the columns above serve the spreadsheet).
      agreements: structured ? agreementsJson : sql<CoveringAgreement[] | null>`null`,
    })
    .from(transfers)
    .innerJoin(entities, eq(entities.id, transfers.exporterEntityId))
    .innerJoin(processors, eq(processors.id, transfers.processorId))
    .innerJoin(processingActivities, eq(processingActivities.id, transfers.activityId))
    .where(where)
    .orderBy(asc(transfers.id))
    .limit(limit);
}

export type TransferRegisterRow = Awaited<ReturnType<typeof selectTransferRegisterBatch>>[number];

/**
 * The Chapter V transfer register (DOMAIN.md §5), one row per transfer, in id order. Keyset pagination
 * (`id > last id ... limit n`): each batch is one indexed statement, whatever the offset, and memory holds
 * one batch. Batches are separate statements, not one snapshot: a transfer changed during a long export
 * appears once, in the state its batch read.
 */
export async function* iterateTransferRegister({
  db,
  batchSize = 1000,
  includePending,
  structured = false,
}: IterateTransferRegisterInput): AsyncGenerator<TransferRegisterRow, void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const scope = includePending ? undefined : and(eq(transfers.status, "approved"), eq(processors.status, "approved"));
  let lastId: string | null = null;
  for (;;) {
    const where: SQL | undefined = lastId === null ? scope : and(scope, gt(transfers.id, lastId));
    const batch = await selectTransferRegisterBatch(db, where, batchSize, structured);
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    lastId = batch[batch.length - 1]!.id;
  }
}

// Written by lib/flags/evaluation.ts after each full pass of the date-driven rules.
const LAST_FULL_EVALUATION_AT = "flags.lastFullEvaluationAt";

/** When the flags were last fully re-evaluated (ISO timestamp), for the "as of" line of a report; null if never. */
export async function getFlagsEvaluatedAt({ db }: { db: Executor }): Promise<string | null> {
  const rows = await db.select({ value: appState.value }).from(appState).where(inArray(appState.key, [LAST_FULL_EVALUATION_AT]));
  const value = rows[0]?.value;
  return typeof value === "string" ? value : null;
}

export interface DestinationSummaryRow {
  destinationCountry: string;
  transfers: number;
  mechanisms: string | null;
  importers: number;
  openFlags: number;
}

/**
 * The transfer register summed up by destination country (the PDF's first section): a GROUP BY in the
 * database, one row per country, whatever the register's size.
 */
export async function summarizeTransfersByDestination({
  db,
  includePending,
}: {
  db: Executor;
  includePending: boolean;
}): Promise<DestinationSummaryRow[]> {
  const scope = includePending ? undefined : and(eq(transfers.status, "approved"), eq(processors.status, "approved"));
  return db
    .select({
      destinationCountry: transfers.destinationCountry,
      transfers: sql<number>`count(*)::int`,
      mechanisms: sql<string | null>`string_agg(distinct ${transfers.mechanism}::text, '; ' order by ${transfers.mechanism}::text)`,
      importers: sql<number>`count(distinct ${transfers.processorId})::int`,
      openFlags: sql<number>`coalesce(sum((select count(*) from ${flags} where ${openTransferFlags})), 0)::int`,
    })
    .from(transfers)
    .innerJoin(processors, eq(processors.id, transfers.processorId))
    .where(scope)
    .groupBy(transfers.destinationCountry)
    .orderBy(asc(transfers.destinationCountry));
}
