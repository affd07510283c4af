import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { processors, users, type RecordStatus } from "@/db/schema";

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
