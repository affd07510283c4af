import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataCategories, entities, processingActivities, processors, users, type DataCategory, type RecordStatus } from "@/db/schema";
import { DOJ_CATEGORY_LABELS } from "@/components/transfers/labels";

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
  return {
    parents,
    activities,
    exporters,
    // Grouping nodes (children with mixed classifications, none of their own) are not offered: data is tagged
    // with a leaf, or with a parent that carries one classification for all its children.
    categories: categories
      .filter((category) => !parentKeys.has(category.key) || category.ccpaCategory !== null || sensitivityReasons(category).length > 0)
      .map((category) => ({ key: category.key, label: category.name, sensitive: sensitivityReasons(category).join("; ") || undefined })),
  };
}

/** Why a category counts as sensitive (DOMAIN.md §4), one short phrase per regime. */
export function sensitivityReasons(category: Pick<DataCategory, "gdprSpecial" | "ccpaSensitive" | "piplSensitive" | "dojCategory" | "dojIdentifierKind">): string[] {
  const reasons: string[] = [];
  if (category.gdprSpecial) reasons.push("GDPR Art. 9 special category");
  if (category.ccpaSensitive) reasons.push("CCPA sensitive personal information");
  if (category.piplSensitive) reasons.push("PIPL Art. 28 sensitive personal information");
  if (category.dojIdentifierKind !== null) reasons.push("US DOJ listed identifier, covered when linked to another identifier (28 CFR 202.212)");
  else if (category.dojCategory !== "none") reasons.push(`US DOJ ${DOJ_CATEGORY_LABELS[category.dojCategory].toLowerCase()} (28 CFR 202.249)`);
  return reasons;
}
