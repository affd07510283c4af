import "server-only";
import { and, asc, desc, eq, ilike, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import type { ActivityRecordState, ActivitySort } from "../list-sorts";
import { isoTimestamp, selectTransfersWithFlags } from "./agreements-register";
import { dataCategories, entities, flags, processingActivities, transferDataCategories, transfers, users, type LegalBasis, type RecordStatus } from "../schema";

/*
 * The processing-activity register, the one read model of the activities list (the DPO's page and GET
 * /api/v1/activities, lib/api/contracts/activities.ts `activityListRow`): one page of activities (the GDPR
 * Art. 30 records), every stored field with their controller, how many transfers serve each and how many open
 * flags those carry, filtered and sorted in SQL.
 *
 * Whether the Art. 30 record is complete (ActivityRecordState): Art. 30(1)(f) retention and 30(1)(g) security
 * measures are asked "where possible", so a missing one is worth the DPO's attention, not an error.
 */

export type { ActivityRecordState, ActivitySort };

export interface ListActivityRegisterInput {
  db: Executor;
  page: number;
  pageSize: number;
  /** Searches the name, the purpose and the business function. */
  q?: string;
  legalBasis?: LegalBasis;
  record?: ActivityRecordState;
  /** Review status: submitted activities are engineers' proposals waiting for the DPO. */
  status?: RecordStatus;
  sort?: ActivitySort;
  direction?: "asc" | "desc";
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const pa = processingActivities;
const isComplete = and(isNotNull(pa.retentionPeriod), sql`${pa.retentionPeriod} <> ''`, isNotNull(pa.securityMeasures), sql`${pa.securityMeasures} <> ''`)!;
const transferCount = sql<number>`(select count(*)::int from ${transfers} where ${transfers.activityId} = ${pa.id})`;
const openFlagCount = sql<number>`(select count(*)::int from ${flags} inner join ${transfers} on ${transfers.id} = ${flags.subjectId}
  where ${flags.subjectType} = 'transfer' and ${flags.status} = 'open' and ${transfers.activityId} = ${pa.id})`;

export async function listActivityRegister({ db, page, pageSize, q, legalBasis, record, status, sort = "name", direction = "asc" }: ListActivityRegisterInput) {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    conditions.push(or(ilike(pa.name, pattern), ilike(pa.purpose, pattern), ilike(pa.businessFunction, pattern))!);
  }
  if (legalBasis) conditions.push(eq(pa.legalBasis, legalBasis));
  if (record === "complete") conditions.push(isComplete);
  if (record === "incomplete") conditions.push(sql`not (${isComplete})`);
  if (status) conditions.push(eq(pa.status, status));
  const where = conditions.length ? and(...conditions) : undefined;
  const sortColumn = {
    name: sql`lower(${pa.name})`,
    legalBasis: sql`${pa.legalBasis}`,
    transfers: transferCount,
    updatedAt: sql`${pa.updatedAt}`,
  }[sort];

  const [rows, totals] = await Promise.all([
    db
      .select({
        id: pa.id,
        name: pa.name,
        purpose: pa.purpose,
        legalBasis: pa.legalBasis,
        controllerEntityId: pa.controllerEntityId,
        controllerName: entities.name,
        jointController: pa.jointController,
        businessFunction: pa.businessFunction,
        legitimateInterest: pa.legitimateInterest,
        art9Condition: pa.art9Condition,
        disclosureType: pa.disclosureType,
        dataSubjectCategories: pa.dataSubjectCategories,
        retentionPeriod: pa.retentionPeriod,
        securityMeasures: pa.securityMeasures,
        hasSecurityMeasures: sql<boolean>`(${pa.securityMeasures} is not null and ${pa.securityMeasures} <> '')`,
        securityChecklist: pa.securityChecklist,
        applications: pa.applications,
        source: pa.source,
        automatedDecisionMaking: pa.automatedDecisionMaking,
        dpiaRequired: pa.dpiaRequired,
        dpiaReference: pa.dpiaReference,
        liaReference: pa.liaReference,
        consentRecordReference: pa.consentRecordReference,
        breachOccurred: pa.breachOccurred,
        breachRecordReference: pa.breachRecordReference,
        schedule1Condition: pa.schedule1Condition,
        policyDocumentReference: pa.policyDocumentReference,
        retainedPerPolicy: pa.retainedPerPolicy,
        policyDeviationReason: pa.policyDeviationReason,
        status: pa.status,
        version: pa.version,
        createdAt: isoTimestamp(pa.createdAt),
        updatedAt: isoTimestamp(pa.updatedAt),
        transferCount,
        openFlagCount,
      })
      .from(pa)
      .innerJoin(entities, eq(entities.id, pa.controllerEntityId))
      .where(where)
      .orderBy(direction === "desc" ? desc(sortColumn) : asc(sortColumn), asc(pa.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(pa).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0, page, pageSize };
}

export type ActivityRegisterRow = Awaited<ReturnType<typeof listActivityRegister>>["rows"][number];
export type ActivityRegisterPage = Awaited<ReturnType<typeof listActivityRegister>>;

/** One activity with its controller entity and the name of who proposed it; undefined when the id is unknown. */
export async function getActivityDetail({ db, id }: { db: Executor; id: string }) {
  const rows = await db
    .select({
      activity: pa,
      controller: { id: entities.id, name: entities.name, country: entities.country },
      proposedBy: users.name,
    })
    .from(pa)
    .innerJoin(entities, eq(entities.id, pa.controllerEntityId))
    .leftJoin(users, eq(users.id, pa.createdByUserId))
    .where(eq(pa.id, id))
    .limit(1);
  return rows[0];
}

/** The data categories the activity's transfers carry, each with how many of them carry it. */
export async function listActivityCategories({ db, activityId }: { db: Executor; activityId: string }) {
  return db
    .select({
      key: dataCategories.key,
      name: dataCategories.name,
      gdprSpecial: dataCategories.gdprSpecial,
      ccpaSensitive: dataCategories.ccpaSensitive,
      piplSensitive: dataCategories.piplSensitive,
      dojCategory: dataCategories.dojCategory,
      transferCount: sql<number>`count(*)::int`,
    })
    .from(transferDataCategories)
    .innerJoin(transfers, eq(transfers.id, transferDataCategories.transferId))
    .innerJoin(dataCategories, eq(dataCategories.key, transferDataCategories.categoryKey))
    .where(eq(transfers.activityId, activityId))
    .groupBy(dataCategories.key)
    .orderBy(asc(dataCategories.key));
}

/** The Art. 30 fields whose absence makes a record incomplete: 30(1)(f) retention, 30(1)(g) security measures. */
export type RecordField = "retentionPeriod" | "securityMeasures";

/**
 * What an activity's record lacks of what Art. 30 asks for, as field names (the `activity` resource's, which
 * the label catalogue's fieldLabel("activity", field, locale) words). Null or empty counts as missing: the same
 * test as the register's "incomplete" filter (isComplete above).
 */
export function missingRecordFields(activity: { retentionPeriod: string | null; securityMeasures: string | null }): RecordField[] {
  const missing: RecordField[] = [];
  if (!activity.retentionPeriod) missing.push("retentionPeriod");
  if (!activity.securityMeasures) missing.push("securityMeasures");
  return missing;
}

/** The transfers serving an activity (first `limit`), with their open flags, and how many there are in all. */
export async function listTransfersOfActivity({ db, activityId, limit = 50 }: { db: Executor; activityId: string; limit?: number }) {
  return selectTransfersWithFlags({ db, where: eq(transfers.activityId, activityId), limit });
}
