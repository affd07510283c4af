import "server-only";
import { and, count, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataCategories, tiaAssessments, users, type TiaAssessment } from "@/db/schema";

/* The SQL of transfer impact assessments (lib/tia): reads only; the writes are the service's. */

export async function getTiaById({ db, id }: { db: Executor; id: string }): Promise<TiaAssessment | undefined> {
  return (await db.select().from(tiaAssessments).where(eq(tiaAssessments.id, id)).limit(1))[0];
}

/** Reads the assessment and locks it until the transaction ends. */
export async function lockTia({ db, id }: { db: Executor; id: string }): Promise<TiaAssessment | undefined> {
  return (await db.select().from(tiaAssessments).where(eq(tiaAssessments.id, id)).for("update").limit(1))[0];
}

/** A transfer's assessments, newest first, one page. */
export async function listTiasByTransfer({ db, transferId, page, pageSize }: { db: Executor; transferId: string; page: number; pageSize: number }) {
  const where = eq(tiaAssessments.transferId, transferId);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(tiaAssessments)
      .where(where)
      .orderBy(desc(tiaAssessments.createdAt), desc(tiaAssessments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(tiaAssessments).where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0) };
}

/** The transfer's draft, if it has one (a transfer has at most one draft at a time). */
export async function findDraftTia({ db, transferId }: { db: Executor; transferId: string }): Promise<TiaAssessment | undefined> {
  return (
    await db
      .select()
      .from(tiaAssessments)
      .where(and(eq(tiaAssessments.transferId, transferId), eq(tiaAssessments.status, "draft")))
      .limit(1)
  )[0];
}

/** The latest completed assessment (completed, or since marked for review), locked: the one whose basis a change is compared with. */
export async function lockLatestCompletedTia({ db, transferId }: { db: Executor; transferId: string }): Promise<TiaAssessment | undefined> {
  return (
    await db
      .select()
      .from(tiaAssessments)
      .where(and(eq(tiaAssessments.transferId, transferId), isNotNull(tiaAssessments.completedOn)))
      .orderBy(desc(tiaAssessments.completedOn), desc(tiaAssessments.completedAt))
      .limit(1)
      .for("update")
  )[0];
}

export async function listCategoryNames({ db, keys }: { db: Executor; keys: readonly string[] }) {
  if (!keys.length) return [];
  return db.select({ key: dataCategories.key, name: dataCategories.name }).from(dataCategories).where(inArray(dataCategories.key, [...keys]));
}

/** Active users, by name: the author and reviewer choices. */
export async function listTiaPeople({ db }: { db: Executor }) {
  return db.select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users).orderBy(users.name);
}

export async function userNames({ db, ids }: { db: Executor; ids: readonly (string | null)[] }): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
