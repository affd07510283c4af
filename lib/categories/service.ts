import "server-only";
import { eq, sql } from "drizzle-orm";
import { dataCategories, type DataCategory } from "@/db/schema";
import { updateDataCategoryBody } from "@/lib/api/contracts/data-categories";
import { AppError } from "@/lib/errors";
import { processorsReceivingCategories } from "@/lib/flags/evaluation";
import type { ServiceCall } from "@/lib/services/context";
import { updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * Reclassifying a category (e.g. a DPO deciding that voice prints are biometric) changes the findings of
 * every transfer that carries it: through the one write sequence (lib/services/write-record.ts), those
 * transfers' processors are re-evaluated in the same transaction.
 */

/** The key is the category's id: the write sequence reads it as `id`; `expand` takes it off again. */
type LockedCategory = DataCategory & { id: string };

export const dataCategoryKind: RecordKind<LockedCategory, DataCategory> = {
  recordType: "data_category",
  label: "data category",
  lock: async (tx, key) => {
    const [row] = await tx.select().from(dataCategories).where(eq(dataCategories.key, key)).for("update").limit(1);
    // Categories are named by key, not id (the sequence's own message would say "id").
    if (!row) throw new AppError("not_found", `No data category with key ${key}.`);
    return { ...row, id: row.key };
  },
  expand: async (_tx, { id: _key, ...category }) => category,
  // The processors receiving the category (its transfers' recipients): the key never changes, so before and after agree.
  affectedProcessors: (tx, category) => processorsReceivingCategories({ db: tx, categoryKeys: [category.key] }),
  authorize: (_tx, actor) => {
    if (actor.kind === "system" || actor.role === "dpo") return;
    throw new AppError("forbidden", "Only the DPO can reclassify a data category.");
  },
};

/** The DPO changes how a category is classified under each regime; `changes.version` is the version edited. */
export async function updateCategoryClassification({ ctx, input }: ServiceCall<{ key: string; changes: unknown }>) {
  const { version, ...patch } = parseInput(updateDataCategoryBody, input.changes);
  return updateRecord({
    ctx,
    kind: dataCategoryKind,
    id: input.key,
    version,
    change: async (tx, current) => {
      const [row] = await tx
        .update(dataCategories)
        .set({ ...patch, version: sql`${dataCategories.version} + 1`, updatedAt: new Date() })
        .where(eq(dataCategories.key, current.key))
        .returning();
      return { ...row!, id: row!.key };
    },
  });
}
