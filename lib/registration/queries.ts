import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataCategories, entities, processingActivities, processors, users, type DataCategory, type RecordStatus } from "@/db/schema";
import type { DojCategory } from "@/db/schema/enums";

/*
 * Reads for the registration and review screens. Kept here rather than in db/queries/* because these
 * screens are their only callers.
 */

export interface ReviewState {
  id: string;
  name: string;
  status: RecordStatus;
  version: number;
  reviewerName: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
  updatedAt: Date;
}

const reviewColumns = {
  id: processors.id,
  name: processors.name,
  status: processors.status,
  version: processors.version,
  reviewerName: users.name,
  reviewedAt: processors.reviewedAt,
  reviewComment: processors.reviewComment,
  updatedAt: processors.updatedAt,
};

/** One processor's review state, with the reviewer's name; undefined if there is no such processor. */
export async function getReviewState(db: Executor, processorId: string): Promise<ReviewState | undefined> {
  const [row] = await db.select(reviewColumns).from(processors).leftJoin(users, eq(users.id, processors.reviewedByUserId)).where(eq(processors.id, processorId));
  return row;
}

/** The vendors a user registered, most recently changed first: the engineer's "My vendors". */
export async function listVendorsRegisteredBy(db: Executor, userId: string): Promise<ReviewState[]> {
  return db
    .select(reviewColumns)
    .from(processors)
    .leftJoin(users, eq(users.id, processors.reviewedByUserId))
    .where(eq(processors.createdByUserId, userId))
    .orderBy(desc(processors.updatedAt));
}

/** Submitted vendors waiting for the DPO, oldest first so that none waits forever. */
export async function listSubmittedVendors(db: Executor) {
  return db
    .select({ id: processors.id, name: processors.name, country: processors.country, service: processors.service, version: processors.version, updatedAt: processors.updatedAt, submittedBy: users.name })
    .from(processors)
    .leftJoin(users, eq(users.id, processors.createdByUserId))
    .where(eq(processors.status, "submitted"))
    .orderBy(asc(processors.updatedAt));
}

/** Processing activities engineers proposed, waiting for the DPO, oldest first (as the vendors). */
export async function listSubmittedActivities(db: Executor) {
  return db
    .select({
      id: processingActivities.id,
      name: processingActivities.name,
      purpose: processingActivities.purpose,
      legalBasis: processingActivities.legalBasis,
      controllerName: entities.name,
      version: processingActivities.version,
      submittedAt: processingActivities.submittedAt,
      submittedBy: users.name,
    })
    .from(processingActivities)
    .innerJoin(entities, eq(entities.id, processingActivities.controllerEntityId))
    .leftJoin(users, eq(users.id, processingActivities.createdByUserId))
    .where(eq(processingActivities.status, "submitted"))
    .orderBy(asc(processingActivities.submittedAt), asc(processingActivities.id));
}

/** The choices the registration wizard offers: parents, purposes, exporters and the taxonomy. */
export async function listRegistrationChoices(db: Executor) {
  const [parents, activities, exporters, categories] = await Promise.all([
    db.select({ id: processors.id, name: processors.name }).from(processors).orderBy(asc(processors.name)),
    db.select({ id: processingActivities.id, name: processingActivities.name }).from(processingActivities).orderBy(asc(processingActivities.name)),
    db.select({ id: entities.id, name: entities.name, country: entities.country }).from(entities).orderBy(asc(entities.name)),
    db.select().from(dataCategories).orderBy(asc(dataCategories.key)),
  ]);
  const parentKeys = new Set(categories.flatMap((category) => (category.parentKey ? [category.parentKey] : [])));
  const offered = categories.flatMap((category) => {
    const sensitivity = sensitivityReasons(category);
    // Grouping nodes (children with mixed classifications, none of their own) are not offered: data is tagged
    // with a leaf, or with a parent that carries one classification for all its children.
    if (parentKeys.has(category.key) && category.ccpaCategory === null && sensitivity.length === 0) return [];
    return [{ key: category.key, label: category.name, sensitivity }];
  });
  return { parents, activities, exporters, categories: offered };
}

/**
 * Why a category counts as sensitive (DOMAIN.md §4), one reason per regime, as data: the forms word them in the
 * reader's language (components/forms/category-choices.ts, messages forms.sensitivity.<regime>).
 *   gdpr           GDPR Art. 9 special category
 *   ccpa           CCPA sensitive personal information
 *   pipl           PIPL Art. 28 sensitive personal information
 *   dojIdentifier  US DOJ listed identifier, covered only when linked to another identifier (28 CFR 202.212)
 *   dojCategory    US DOJ sensitive personal data of that category (28 CFR 202.249)
 */
export type SensitivityReason =
  | { regime: "gdpr" | "ccpa" | "pipl" | "dojIdentifier" }
  | { regime: "dojCategory"; dojCategory: Exclude<DojCategory, "none"> };

export function sensitivityReasons(category: Pick<DataCategory, "gdprSpecial" | "ccpaSensitive" | "piplSensitive" | "dojCategory" | "dojIdentifierKind">): SensitivityReason[] {
  const reasons: SensitivityReason[] = [];
  if (category.gdprSpecial) reasons.push({ regime: "gdpr" });
  if (category.ccpaSensitive) reasons.push({ regime: "ccpa" });
  if (category.piplSensitive) reasons.push({ regime: "pipl" });
  // 28 CFR 202.212: a listed identifier is covered only when linked to another one.
  if (category.dojIdentifierKind !== null) reasons.push({ regime: "dojIdentifier" });
  else if (category.dojCategory !== "none") reasons.push({ regime: "dojCategory", dojCategory: category.dojCategory });
  return reasons;
}
