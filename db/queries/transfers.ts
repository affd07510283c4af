import "server-only";
import { and, asc, desc, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import {
  agreementTransfers,
  dataCategories,
  entities,
  flags,
  processingActivities,
  processors,
  safeguardAgreements,
  transferDataCategories,
  transfers,
  type Severity,
  type TransferMechanism,
  type TransferStatus,
} from "../schema";
import type { TransferSort } from "../list-sorts";
import { transferInPopulation, type Population } from "./population";

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/*
 * Correlated sub-queries: they run only for the rows of the page, after the limit. The severity enum is
 * declared low < medium < high < critical, so max() is the worst one.
 */
// The status test inside the aggregate, not in the where clause: as an index condition the planner may AND the
// subject index with the status index and read every open flag of the register for each row.
const worstOpenFlagSeverity = sql<Severity | null>`(select max(${flags.severity}) filter (where ${flags.status} = 'open') from ${flags} where ${flags.subjectType} = 'transfer' and ${flags.subjectId} = ${transfers.id})`;
const categoryCount = sql<number>`(select count(*)::int from ${transferDataCategories} where ${transferDataCategories.transferId} = ${transfers.id})`;

export interface ListTransfersInput {
  db: Executor;
  page: number;
  pageSize: number;
  /** Text search on the processor's name. */
  q?: string;
  destination?: string;
  mechanism?: TransferMechanism;
  /** "none": sent unencrypted; "any": some encryption in transit. */
  encryption?: "none" | "any";
  status?: TransferStatus;
  processorId?: string;
  /** A data category key: matches transfers carrying that category or a descendant (`user.device` → `user.device.imei`). */
  category?: string;
  /** Only transfers carrying a sensitive category (lib/rules/sensitivity.ts). */
  sensitive?: boolean;
  /** Only transfers whose worst open flag has this severity. */
  severity?: Severity;
  /** Only transfers whose exporting entity is in this country. */
  exporterCountry?: string;
  /** Only transfers in this population (db/queries/population.ts): the dashboard's figures link here with it. */
  pending?: Population;
  sort?: TransferSort;
  direction?: "asc" | "desc";
}

/* The id tiebreak makes the order total, so a row never shows on two pages. No open flag sorts below "low". */
const TRANSFER_SORT_COLUMNS: Record<TransferSort, SQL> = {
  processor: sql`${processors.normalizedName}`,
  destination: sql`${transfers.destinationCountry}`,
  volume: sql`${transfers.estimatedSubjects}`,
  mechanism: sql`${transfers.mechanism}::text`,
  severity: sql`coalesce(array_position(array['low', 'medium', 'high', 'critical'], (${worstOpenFlagSeverity})::text), 0)`,
};

/*
 * Sensitive per the category's classifications (DOMAIN.md §4), the same test as the categories list
 * (db/queries/categories-register.ts): GDPR special, CCPA sensitive, PIPL sensitive or DOJ-covered.
 */
const carriesSensitiveCategory = sql`exists (select 1 from ${transferDataCategories} tdc join ${dataCategories} dc on dc.key = tdc.category_key
  where tdc.transfer_id = ${transfers.id}
    and (dc.gdpr_special or dc.ccpa_sensitive or dc.pipl_sensitive or dc.doj_category <> 'none'))`;

function carriesCategory(key: string): SQL {
  return sql`exists (select 1 from ${transferDataCategories} tdc where tdc.transfer_id = ${transfers.id}
    and (tdc.category_key = ${key} or tdc.category_key like ${`${escapeLike(key)}.%`}))`;
}

/** One page of the transfer register with the processor, the exporter and the worst open flag; total for the pager. */
export async function listTransfers({
  db,
  page,
  pageSize,
  q,
  destination,
  mechanism,
  encryption,
  status,
  processorId,
  category,
  sensitive,
  severity,
  exporterCountry,
  pending,
  sort = "processor",
  direction = "asc",
}: ListTransfersInput) {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    conditions.push(or(ilike(processors.name, pattern), ilike(processors.legalName, pattern))!);
  }
  if (destination) conditions.push(eq(transfers.destinationCountry, destination));
  if (mechanism) conditions.push(eq(transfers.mechanism, mechanism));
  if (encryption === "none") conditions.push(eq(transfers.encryptionInTransit, "none"));
  if (encryption === "any") conditions.push(ne(transfers.encryptionInTransit, "none"));
  if (status) conditions.push(eq(transfers.status, status));
  if (processorId) conditions.push(eq(transfers.processorId, processorId));
  if (category) conditions.push(carriesCategory(category));
  if (sensitive) conditions.push(carriesSensitiveCategory);
  if (severity) conditions.push(sql`${worstOpenFlagSeverity} = ${severity}::severity`);
  if (exporterCountry) {
    conditions.push(sql`exists (select 1 from entities ex where ex.id = ${transfers.exporterEntityId} and ex.country = ${exporterCountry})`);
  }
  if (pending) conditions.push(transferInPopulation(pending, sql`${transfers.id}`));
  const where = conditions.length ? and(...conditions) : undefined;
  const order = direction === "asc" ? asc : desc;

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
        accessType: transfers.accessType,
        estimatedSubjects: transfers.estimatedSubjects,
        volumeUnit: transfers.volumeUnit,
        mechanism: transfers.mechanism,
        encryptionInTransit: transfers.encryptionInTransit,
        dojExemption: transfers.dojExemption,
        piplExemption: transfers.piplExemption,
        status: transfers.status,
        categoryCount,
        worstOpenFlagSeverity,
      })
      .from(transfers)
      .innerJoin(processors, eq(processors.id, transfers.processorId))
      .innerJoin(processingActivities, eq(processingActivities.id, transfers.activityId))
      .innerJoin(entities, eq(entities.id, transfers.exporterEntityId))
      .where(where)
      .orderBy(order(TRANSFER_SORT_COLUMNS[sort]), order(sql`${transfers.id}`))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(transfers)
      .innerJoin(processors, eq(processors.id, transfers.processorId))
      .where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0, page, pageSize };
}

export type TransferListRow = Awaited<ReturnType<typeof listTransfers>>["rows"][number];

/** The transfers of one processor (first `limit`), with the worst open flag, and how many there are in all. */
export async function listTransfersByProcessor({ db, processorId, limit = 100 }: { db: Executor; processorId: string; limit?: number }) {
  const where = eq(transfers.processorId, processorId);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: transfers.id,
        activityName: processingActivities.name,
        exporterName: entities.name,
        originCountry: transfers.originCountry,
        destinationCountry: transfers.destinationCountry,
        accessType: transfers.accessType,
        estimatedSubjects: transfers.estimatedSubjects,
        volumeUnit: transfers.volumeUnit,
        mechanism: transfers.mechanism,
        status: transfers.status,
        worstOpenFlagSeverity,
      })
      .from(transfers)
      .innerJoin(processingActivities, eq(processingActivities.id, transfers.activityId))
      .innerJoin(entities, eq(entities.id, transfers.exporterEntityId))
      .where(where)
      .orderBy(asc(processingActivities.name), asc(transfers.destinationCountry), asc(transfers.id))
      .limit(limit),
    db.select({ total: sql<number>`count(*)::int` }).from(transfers).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

/** One transfer with its processing activity, exporter and processor; undefined when the id is unknown. */
export async function getTransferDetail({ db, id }: { db: Executor; id: string }) {
  const rows = await db
    .select({
      transfer: transfers,
      activity: {
        id: processingActivities.id,
        name: processingActivities.name,
        purpose: processingActivities.purpose,
        legalBasis: processingActivities.legalBasis,
        art9Condition: processingActivities.art9Condition,
        disclosureType: processingActivities.disclosureType,
        dataSubjectCategories: processingActivities.dataSubjectCategories,
        retentionPeriod: processingActivities.retentionPeriod,
      },
      exporter: {
        id: entities.id,
        name: entities.name,
        legalName: entities.legalName,
        country: entities.country,
        role: entities.role,
        ciio: entities.ciio,
      },
      processor: {
        id: processors.id,
        name: processors.name,
        country: processors.country,
        role: processors.role,
        dpfCertified: processors.dpfCertified,
        dpfExpiry: processors.dpfExpiry,
        dpfUkExtension: processors.dpfUkExtension,
        coveredPerson: processors.coveredPerson,
      },
    })
    .from(transfers)
    .innerJoin(processingActivities, eq(processingActivities.id, transfers.activityId))
    .innerJoin(entities, eq(entities.id, transfers.exporterEntityId))
    .innerJoin(processors, eq(processors.id, transfers.processorId))
    .where(eq(transfers.id, id))
    .limit(1);
  return rows[0];
}

export type TransferDetail = NonNullable<Awaited<ReturnType<typeof getTransferDetail>>>;

/** The data categories of a transfer with their classification under every regime. */
export async function listTransferCategories({ db, transferId }: { db: Executor; transferId: string }) {
  return db
    .select({
      key: dataCategories.key,
      name: dataCategories.name,
      gdprSpecial: dataCategories.gdprSpecial,
      ccpaCategory: dataCategories.ccpaCategory,
      ccpaSensitive: dataCategories.ccpaSensitive,
      piplSensitive: dataCategories.piplSensitive,
      dojCategory: dataCategories.dojCategory,
      dojIdentifierKind: dataCategories.dojIdentifierKind,
    })
    .from(transferDataCategories)
    .innerJoin(dataCategories, eq(dataCategories.key, transferDataCategories.categoryKey))
    .where(eq(transferDataCategories.transferId, transferId))
    .orderBy(asc(dataCategories.key));
}

export type TransferCategoryRow = Awaited<ReturnType<typeof listTransferCategories>>[number];

/**
 * The processor's agreements that cover this transfer: those covering all its transfers and those that list
 * it. (A parent processor's agreement reaches a sub-processor's transfer only through flow-down; the rules
 * judge that, and their flags say so.)
 */
export async function listAgreementsCoveringTransfer({ db, transferId, processorId }: { db: Executor; transferId: string; processorId: string }) {
  return db
    .select()
    .from(safeguardAgreements)
    .where(
      and(
        eq(safeguardAgreements.processorId, processorId),
        or(
          eq(safeguardAgreements.coversAllTransfers, true),
          sql`exists (select 1 from ${agreementTransfers} where ${agreementTransfers.agreementId} = ${safeguardAgreements.id} and ${agreementTransfers.transferId} = ${transferId})`,
        ),
      ),
    )
    .orderBy(asc(safeguardAgreements.type), desc(safeguardAgreements.expiryDate), asc(safeguardAgreements.id));
}

/** Number of transfers per destination country, most first (ties by code); `limit` keeps the top ones. */
export async function countTransfersByDestination({ db, limit, pending }: { db: Executor; limit?: number; pending?: Population }) {
  const count = sql<number>`count(*)::int`;
  const query = db
    .select({ country: transfers.destinationCountry, count })
    .from(transfers)
    .where(pending ? transferInPopulation(pending, sql`${transfers.id}`) : undefined)
    .groupBy(transfers.destinationCountry)
    .orderBy(desc(count), asc(transfers.destinationCountry));
  return limit === undefined ? query : query.limit(limit);
}
