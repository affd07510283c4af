import "server-only";
import { and, asc, desc, gt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import {
  agreementTransfers,
  auditEvents,
  dataCategories,
  entities,
  processingActivities,
  processors,
  safeguardAgreements,
  transferDataCategories,
  transfers,
} from "../schema";

/*
 * The GDPR Art. 30(1) record: one row per processing activity. The aggregates over the activity's transfers
 * are correlated sub-queries (string_agg distinct), so that with keyset paging on the activity id they run
 * only for the rows of the batch, and the database, not the process, holds the transfers.
 *
 * Lists are "; "-separated and sorted; a country list is ","-separated ISO codes, named in lib/exports.
 */

/** One data category of an activity's transfers. */
export interface RopaCategory {
  key: string;
  name: string;
  /** GDPR Art. 9(1) special category. */
  special: boolean;
}

/** The transfers of the current activity that the record describes (of record only, unless pending is included). */
function activityTransfers(includePending: boolean): SQL {
  const scope = includePending ? sql`` : sql` and ${transfers.status} = 'approved' and ${processors.status} = 'approved'`;
  return sql`from ${transfers} inner join ${processors} on ${processors.id} = ${transfers.processorId} where ${transfers.activityId} = ${processingActivities.id}${scope}`;
}

/** Outside the controller's own country (the outer query's controller entity). */
const toThirdCountry = sql`${transfers.destinationCountry} <> ${entities.country}`;

function selectRopaBatch(db: Executor, includePending: boolean, where: SQL | undefined, limit: number) {
  const from = activityTransfers(includePending);
  const list = (value: SQL, filter: SQL = sql``) =>
    sql<string | null>`(select string_agg(distinct (${value})::text, '; ' order by (${value})::text) ${from}${filter})`;
  const categoriesFrom = sql`from ${transferDataCategories} inner join ${dataCategories} on ${dataCategories.key} = ${transferDataCategories.categoryKey} inner join ${transfers} on ${transfers.id} = ${transferDataCategories.transferId} inner join ${processors} on ${processors.id} = ${transfers.processorId} where ${transfers.activityId} = ${processingActivities.id}${includePending ? sql`` : sql` and ${transfers.status} = 'approved' and ${processors.status} = 'approved'`}`;
  const categories = (value: SQL, filter: SQL = sql``) =>
    sql<string | null>`(select string_agg(distinct (${value})::text, '; ' order by (${value})::text) ${categoriesFrom}${filter})`;
  // The agreements covering each transfer: its processor's, covering all its transfers or listing it (the
  // definition of exports.ts), gathered over the activity's transfers in scope.
  const agreements = (value: SQL, filter: SQL = sql``) =>
    sql<string | null>`(select string_agg(distinct (${value})::text, '; ' order by (${value})::text) from ${safeguardAgreements} inner join (select ${transfers.id} as tid, ${transfers.processorId} as pid, ${transfers.destinationCountry} as dest ${from}) as covered on true where ${sql.raw("covered.pid")} = ${safeguardAgreements.processorId} and (${safeguardAgreements.coversAllTransfers} or exists (select 1 from ${agreementTransfers} where ${agreementTransfers.agreementId} = ${safeguardAgreements.id} and ${agreementTransfers.transferId} = ${sql.raw("covered.tid")}))${filter})`;
  const coveredToThirdCountry = sql` and ${sql.raw("covered.dest")} <> ${entities.country}`;
  const recipientKind = sql`${processors.service}::text || ' (' || ${processors.role}::text || ')'`;

  return db
    .select({
      id: processingActivities.id,
      name: processingActivities.name,
      controllerName: entities.name,
      controllerLegalName: entities.legalName,
      controllerCountry: entities.country,
      controllerAddress: entities.address,
      dpoContact: entities.dpoContact,
      representativeContact: entities.representativeContact,
      jointController: processingActivities.jointController,
      businessFunction: processingActivities.businessFunction,
      purpose: processingActivities.purpose,
      legalBasis: processingActivities.legalBasis,
      legitimateInterest: processingActivities.legitimateInterest,
      art9Condition: processingActivities.art9Condition,
      dataSubjectCategories: sql<string | null>`array_to_string(${processingActivities.dataSubjectCategories}, '; ')`,
      retentionPeriod: processingActivities.retentionPeriod,
      securityMeasures: processingActivities.securityMeasures,
      source: processingActivities.source,
      automatedDecisionMaking: processingActivities.automatedDecisionMaking,
      dpiaRequired: processingActivities.dpiaRequired,
      dpiaReference: processingActivities.dpiaReference,
      transferCount: sql<number>`(select count(*)::int ${from})`,
      dataCategoryNames: categories(sql`${dataCategories.name}`),
      dataCategoryKeys: categories(sql`${dataCategories.key}`),
      specialCategoryNames: categories(sql`${dataCategories.name}`, sql` and ${dataCategories.gdprSpecial}`),
      // Key, name and Art. 9 status together, for groupings by key (the CNIL register's categories).
      dataCategoryList: sql<RopaCategory[] | null>`(select jsonb_agg(distinct jsonb_build_object('key', ${dataCategories.key}, 'name', ${dataCategories.name}, 'special', ${dataCategories.gdprSpecial})) ${categoriesFrom})`,
      recipientKinds: list(recipientKind),
      thirdCountryRecipientKinds: list(recipientKind, sql` and ${toThirdCountry}`),
      recipientNames: list(sql`${processors.name}`),
      // CNIL splits recipients: internal (group affiliates), external bodies (controllers), processors.
      internalRecipientNames: list(sql`${processors.name}`, sql` and ${processors.role} = 'affiliate'`),
      externalRecipientNames: list(sql`${processors.name}`, sql` and ${processors.role} in ('controller', 'joint_controller')`),
      processorRecipientNames: list(sql`${processors.name}`, sql` and ${processors.role} in ('processor', 'sub_processor')`),
      thirdCountryCodes: sql<string | null>`(select string_agg(distinct ${transfers.destinationCountry}, ',' order by ${transfers.destinationCountry}) ${from} and ${toThirdCountry})`,
      locationCodes: sql<string | null>`(select string_agg(distinct c, ',' order by c) from (select ${transfers.originCountry} as c ${from} union select ${transfers.destinationCountry} ${from}) as locations)`,
      thirdCountryMechanisms: list(sql`${transfers.mechanism}`, sql` and ${toThirdCountry}`),
      thirdCountryAgreementTypes: agreements(
        sql`${safeguardAgreements.type}::text || coalesce(' ' || ${safeguardAgreements.sccModule}::text, '')`,
        coveredToThirdCountry,
      ),
      agreementDocumentRefs: agreements(sql`${safeguardAgreements.documentRef}`, sql` and ${safeguardAgreements.documentRef} is not null`),
      encryptionInTransit: list(sql`${transfers.encryptionInTransit}`),
      encryptionAtRest: list(sql`${transfers.encryptionAtRest}`),
      // With pending records included, the record says which of its aggregates rest on unapproved ones.
      pendingTransferCount: sql<number>`(select count(*)::int ${from} and not (${transfers.status} = 'approved' and ${processors.status} = 'approved'))`,
      pendingRecipientNames: list(
        sql`${processors.name} || ' (' || ${processors.status}::text || ', transfer ' || ${transfers.status}::text || ')'`,
        sql` and not (${transfers.status} = 'approved' and ${processors.status} = 'approved')`,
      ),
    })
    .from(processingActivities)
    .innerJoin(entities, sql`${entities.id} = ${processingActivities.controllerEntityId}`)
    .where(where)
    .orderBy(asc(processingActivities.id))
    .limit(limit);
}

export type RopaRow = Awaited<ReturnType<typeof selectRopaBatch>>[number];

export interface IterateRopaInput {
  db: Executor;
  /** Rows per statement; the register is never read whole. */
  batchSize?: number;
  /**
   * false: the aggregates describe approved transfers to approved processors only. true: every transfer.
   * Every activity is listed either way: Art. 30(1) is a record of the processing, not of the transfers.
   */
  includePending: boolean;
}

/**
 * The Art. 30(1) record (DOMAIN.md §5), one row per processing activity, in id order, in keyset batches
 * (`id > last id ... limit n`): one statement per batch and one batch in memory.
 */
export async function* iterateRopa({ db, batchSize = 500, includePending }: IterateRopaInput): AsyncGenerator<RopaRow, void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  let lastId: string | null = null;
  for (;;) {
    const where: SQL | undefined = lastId === null ? undefined : and(gt(processingActivities.id, lastId));
    const batch = await selectRopaBatch(db, includePending, where, batchSize);
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    lastId = batch[batch.length - 1]!.id;
  }
}

/** The activities' ids and names in the record's order: the PDF's table of contents, read before the record. */
export async function listRopaSections({ db }: { db: Executor }): Promise<{ key: string; title: string }[]> {
  return db
    .select({ key: processingActivities.id, title: processingActivities.name })
    .from(processingActivities)
    .orderBy(asc(processingActivities.id));
}

/**
 * The hash of the latest audit event: a manifest that names it pins the export to a point of the chain,
 * which `npm run audit:verify` checks. Null when the trail is empty.
 */
export async function getAuditChainHead({ db }: { db: Executor }): Promise<string | null> {
  const rows = await db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return rows[0]?.hash ?? null;
}

