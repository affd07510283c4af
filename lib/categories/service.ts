import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataCategories } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { processorsReceivingCategories, reevaluateFlags } from "@/lib/flags/evaluation";
import { assertCurrentVersion } from "@/lib/records/concurrency";
import { updateCategoryClassificationInput } from "@/lib/validation/category";
import { parseInput } from "@/lib/validation/parse";

/**
 * Reclassifying a category (e.g. a DPO deciding that voice prints are biometric) changes the findings of
 * every transfer that carries it: those transfers' processors are re-evaluated in the same transaction.
 */
export async function updateCategoryClassification({
  db,
  actor,
  key,
  input,
  today,
}: {
  db: Executor;
  actor: AuditActor;
  key: string;
  input: unknown;
  today: string;
}) {
  const { version, ...patch } = parseInput(updateCategoryClassificationInput, input);
  return db.transaction(async (tx) => {
    const current = (await tx.select().from(dataCategories).where(eq(dataCategories.key, key)).for("update"))[0];
    if (!current) throw new AppError("not_found", `No data category with key ${key}.`);
    assertCurrentVersion(current, version, "data category");
    const [row] = await tx
      .update(dataCategories)
      .set({ ...patch, version: sql`${dataCategories.version} + 1`, updatedAt: new Date() })
      .where(eq(dataCategories.key, key))
      .returning();
    const processorIds = await processorsReceivingCategories({ db: tx, categoryKeys: [key] });
    await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds }, today });
    await appendAuditEvent({ db: tx, actor, action: "update", recordType: "data_category", recordId: key, before: current, after: row });
    return row!;
  });
}
