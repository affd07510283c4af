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
  transfers,
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
  const transferFilter = evaluated ? inArray(transfers.processorId, [...evaluated]) : undefined;

  // Sequential on purpose: inside a transaction the queries share one connection.
  const processorRows = await db.select().from(processors).where(processorFilter);
  const agreementRows = await db
      .select({
        agreement: safeguardAgreements,
        transferIds: sql<string[] | null>`(select array_agg(${agreementTransfers.transferId}) from ${agreementTransfers} where ${agreementTransfers.agreementId} = ${safeguardAgreements.id})`,
      })
      .from(safeguardAgreements)
      .where(agreementFilter);
  const transferRows = await db
      .select({
        // Only what the rules read: a full pass loads every transfer, so every column costs.
        transfer: {
          id: transfers.id,
          activityId: transfers.activityId,
          exporterEntityId: transfers.exporterEntityId,
          processorId: transfers.processorId,
          originCountry: transfers.originCountry,
          destinationCountry: transfers.destinationCountry,
          accessType: transfers.accessType,
          subjectRegions: transfers.subjectRegions,
          estimatedSubjects: transfers.estimatedSubjects,
          volumeUnit: transfers.volumeUnit,
          frequency: transfers.frequency,
          encryptionInTransit: transfers.encryptionInTransit,
          encryptionAtRest: transfers.encryptionAtRest,
          mechanism: transfers.mechanism,
          tiaDate: transfers.tiaDate,
          cisaRequirementsMet: transfers.cisaRequirementsMet,
          status: transfers.status,
          startDate: transfers.startDate,
          endDate: transfers.endDate,
          reExportOfForeignData: transfers.reExportOfForeignData,
        },
        categoryKeys: sql<string[] | null>`(select array_agg(category_key) from transfer_data_categories where transfer_id = ${transfers.id})`,
      })
      .from(transfers)
      .where(transferFilter);
  const categoryRows = await db.select().from(dataCategories);
  const entityRows = await db.select().from(entities);

  const activityIds = [...new Set(transferRows.map((row) => row.transfer.activityId))];
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
    transfers: transferRows.map(({ transfer: t, categoryKeys }): TransferRecord => ({
      id: t.id,
      activityId: t.activityId,
      exporterEntityId: t.exporterEntityId,
      processorId: t.processorId,
      originCountry: t.originCountry,
      destinationCountry: t.destinationCountry,
      accessType: t.accessType,
      subjectRegions: t.subjectRegions,
      estimatedSubjects: t.estimatedSubjects,
      volumeUnit: t.volumeUnit,
      frequency: t.frequency,
      encryptionInTransit: t.encryptionInTransit,
      encryptionAtRest: t.encryptionAtRest,
      mechanism: t.mechanism,
      tiaDate: t.tiaDate,
      cisaRequirementsMet: t.cisaRequirementsMet,
      status: t.status,
      startDate: t.startDate,
      endDate: t.endDate,
      reExportOfForeignData: t.reExportOfForeignData,
      categoryIds: categoryKeys ?? [],
    })),
  };
  return { snapshot, evaluatedProcessorIds: evaluated };
}

function rowsOf<T>(result: unknown): T[] {
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
