import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  agreementTransfers,
  dataCategories,
  entities,
  processingActivities,
  processors,
  safeguardAgreements,
  type Transfer,
} from "../schema";
import type { RegisterSnapshot, TransferRecord } from "@/lib/rules/snapshot";
import type { AgreementFacts, ProcessorFacts } from "@/lib/rules/types";

/**
 * Loads the part of the register the rules need, as plain facts. `processorIds: null` loads everything
 * (full re-evaluation); otherwise the given processors, their descendants (whose rules read a parent's
 * agreements) and, as context only, their ancestors.
 */
export async function loadRegisterSnapshot({
  db,
  processorIds,
  today,
}: {
  db: Executor;
  processorIds: readonly string[] | null;
  today: string;
}): Promise<{ snapshot: RegisterSnapshot; evaluatedProcessorIds: Set<string> | null }> {
  let evaluated: Set<string> | null = null;
  let withAncestors: string[] | null = null;

  if (processorIds !== null) {
    if (processorIds.length === 0) {
      return { snapshot: emptySnapshot(today), evaluatedProcessorIds: new Set() };
    }
    const ids = sql.join(processorIds.map((id) => sql`${id}::uuid`), sql`, `);
    const descendants = await db.execute<{ id: string }>(sql`
      with recursive tree(id) as (
        select id from processors where id in (${ids})
        union
        select p.id from processors p join tree on p.parent_processor_id = tree.id
      ) select id from tree`);
    evaluated = new Set(rowsOf<{ id: string }>(descendants).map((row) => row.id));
    const evaluatedList = sql.join([...evaluated].map((id) => sql`${id}::uuid`), sql`, `);
    const ancestors = await db.execute<{ id: string }>(sql`
      with recursive chain(id, parent) as (
        select id, parent_processor_id from processors where id in (${evaluatedList})
        union
        select p.id, p.parent_processor_id from processors p join chain on p.id = chain.parent
      ) select id from chain`);
    withAncestors = rowsOf<{ id: string }>(ancestors).map((row) => row.id);
  }

  const processorFilter = withAncestors ? inArray(processors.id, withAncestors) : undefined;
  const agreementFilter = withAncestors ? inArray(safeguardAgreements.processorId, withAncestors) : undefined;

  // Sequential on purpose: inside a transaction the queries share one connection.
  const processorRows = await db.select().from(processors).where(processorFilter);
  const agreementRows = await db
      .select({
        agreement: safeguardAgreements,
        transferIds: sql<string[] | null>`(select array_agg(${agreementTransfers.transferId}) from ${agreementTransfers} where ${agreementTransfers.agreementId} = ${safeguardAgreements.id})`,
      })
      .from(safeguardAgreements)
      .where(agreementFilter);
  // Raw SQL and a hand mapping for the one large query: 100,000 transfers in a full pass, where an ORM's
  // per-field mapping and the driver's array parser cost more than the database does. Lists come
  // comma-joined (category keys and region codes contain no commas).
  const transferWhere = evaluated
    ? sql`where t.processor_id in (${sql.join([...evaluated].map((id) => sql`${id}::uuid`), sql`, `)})`
    : sql``;
  const transferResult = await db.execute(sql`
    select t.id, t.activity_id, t.exporter_entity_id, t.processor_id, t.origin_country, t.destination_country,
      t.access_type, array_to_string(t.subject_regions, ',') as subject_regions, t.estimated_subjects, t.volume_unit,
      t.frequency, t.encryption_in_transit, t.encryption_at_rest, t.mechanism, t.tia_date::text as tia_date,
      t.cisa_requirements_met, t.status, t.start_date::text as start_date, t.end_date::text as end_date,
      t.re_export_of_foreign_data,
      (select string_agg(c.category_key, ',') from transfer_data_categories c where c.transfer_id = t.id) as category_keys
    from transfers t ${transferWhere}`);
  const transferRows = rowsOf<RawTransferRow>(transferResult);
  const categoryRows = await db.select().from(dataCategories);
  const entityRows = await db.select().from(entities);

  const activityIds = [...new Set(transferRows.map((row) => row.activity_id))];
  const activityRows =
    activityIds.length === 0
      ? []
      : await db.select().from(processingActivities).where(processorIds === null ? undefined : inArray(processingActivities.id, activityIds));

  const snapshot: RegisterSnapshot = {
    today,
    entities: entityRows.map((e) => ({ id: e.id, name: e.name, country: e.country })),
    activities: activityRows.map((a) => ({
      id: a.id,
      name: a.name,
      legalBasis: a.legalBasis,
      art9Condition: a.art9Condition,
      retentionPeriod: a.retentionPeriod,
      disclosureType: a.disclosureType,
    })),
    processors: processorRows.map(toProcessorFacts),
    agreements: agreementRows.map(({ agreement: a, transferIds }) => toAgreementFacts(a, transferIds ?? [])),
    categories: categoryRows.map((c) => ({
      id: c.key,
      key: c.key,
      gdprSpecial: c.gdprSpecial,
      ccpaCategory: c.ccpaCategory,
      ccpaSensitive: c.ccpaSensitive,
      piplSensitive: c.piplSensitive,
      dojCategory: c.dojCategory,
      dojListedIdentifier: c.dojListedIdentifier,
    })),
    transfers: transferRows.map(transferRecordFromRow),
  };
  return { snapshot, evaluatedProcessorIds: evaluated };
}

/** A transfers row as the database returns it (snake_case; dates as text). */
export interface RawTransferRow {
  id: string;
  activity_id: string;
  exporter_entity_id: string;
  processor_id: string;
  origin_country: string;
  destination_country: string;
  access_type: Transfer["accessType"];
  subject_regions: string | null;
  estimated_subjects: number | string;
  volume_unit: Transfer["volumeUnit"];
  frequency: Transfer["frequency"];
  encryption_in_transit: Transfer["encryptionInTransit"];
  encryption_at_rest: Transfer["encryptionAtRest"];
  mechanism: Transfer["mechanism"];
  tia_date: string | null;
  cisa_requirements_met: boolean;
  status: Transfer["status"];
  start_date: string | null;
  end_date: string | null;
  re_export_of_foreign_data: boolean;
  category_keys: string | null;
}

/** The rules' view of a transfers row (shared by the snapshot loader and the DOJ report). */
export function transferRecordFromRow(t: RawTransferRow): TransferRecord {
  return {
    id: t.id,
    activityId: t.activity_id,
    exporterEntityId: t.exporter_entity_id,
    processorId: t.processor_id,
    originCountry: t.origin_country,
    destinationCountry: t.destination_country,
    accessType: t.access_type,
    subjectRegions: t.subject_regions ? t.subject_regions.split(",") : [],
    estimatedSubjects: Number(t.estimated_subjects),
    volumeUnit: t.volume_unit,
    frequency: t.frequency,
    encryptionInTransit: t.encryption_in_transit,
    encryptionAtRest: t.encryption_at_rest,
    mechanism: t.mechanism,
    tiaDate: t.tia_date,
    cisaRequirementsMet: t.cisa_requirements_met,
    status: t.status,
    startDate: t.start_date,
    endDate: t.end_date,
    reExportOfForeignData: t.re_export_of_foreign_data,
    categoryIds: t.category_keys ? t.category_keys.split(",") : [],
  };
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

function emptySnapshot(today: string): RegisterSnapshot {
  return { today, entities: [], activities: [], processors: [], agreements: [], categories: [], transfers: [] };
}

function toProcessorFacts(p: typeof processors.$inferSelect): ProcessorFacts {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    service: p.service,
    country: p.country,
    parentProcessorId: p.parentProcessorId,
    dpfCertified: p.dpfCertified,
    dpfExpiry: p.dpfExpiry,
    coveredPerson: p.coveredPerson,
    ownerUserId: p.ownerUserId,
    status: p.status,
  };
}

function toAgreementFacts(a: typeof safeguardAgreements.$inferSelect, transferIds: string[]): AgreementFacts {
  return {
    id: a.id,
    processorId: a.processorId,
    type: a.type,
    sccModule: a.sccModule,
    signedDate: a.signedDate,
    effectiveDate: a.effectiveDate,
    expiryDate: a.expiryDate,
    permitsSubprocessing: a.permitsSubprocessing,
    flowDown: a.flowDown,
    coversAllTransfers: a.coversAllTransfers,
    transferIds,
  };
}
