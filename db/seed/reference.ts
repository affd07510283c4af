import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataCategories, type DataCategory, type NewDataCategory } from "@/db/schema";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";

/*
 * Reference data every database needs, whatever the mode: the data-category taxonomy. Runs at every
 * start-up, so it is one statement that writes nothing when the table already matches the code.
 * Categories removed from the code are not deleted: transfers may still reference them (the foreign key
 * restricts), and retiring a category is a data migration, not a seed. lib/seed/reference.ts runs it and
 * audits what it changed.
 */

/** Columns the code owns; a change in any of them updates the row (and bumps its version). */
const SYNCED_FIELDS = [
  "parentKey",
  "name",
  "description",
  "gdprSpecial",
  "ccpaCategory",
  "ccpaSensitive",
  "piplSensitive",
  "dojCategory",
  "dojIdentifierKind",
] as const satisfies readonly (keyof NewDataCategory)[];

type SyncedField = (typeof SYNCED_FIELDS)[number];

/** `excluded."<column>"`: the value the insert proposed, in ON CONFLICT DO UPDATE. */
function excluded(field: SyncedField): SQL {
  return sql.raw(`excluded."${dataCategories[field].name}"`);
}

/** `"data_categories"."<column>"`: the stored row, qualified so that it cannot be read as excluded's. */
function stored(field: SyncedField | "version"): SQL {
  return sql.raw(`"data_categories"."${dataCategories[field].name}"`);
}

/**
 * Upserts the taxonomy in one multi-row statement; rows that already match are left untouched. Call it in a
 * transaction: returns the rows as they were before and the rows the statement wrote (inserted or changed).
 */
export async function upsertTaxonomy(tx: Executor): Promise<{ previous: Map<string, DataCategory>; written: DataCategory[] }> {
  const set = Object.fromEntries(SYNCED_FIELDS.map((field) => [field, excluded(field)])) as Record<SyncedField, SQL>;
  const previous = new Map((await tx.select().from(dataCategories)).map((row) => [row.key, row]));
  // The self-referencing foreign key (parent_key) is checked at the end of the statement, so one
  // statement inserts parents and children together.
  const written = await tx
    .insert(dataCategories)
    .values(DATA_CATEGORY_TAXONOMY.map((category) => ({ ...category })))
    .onConflictDoUpdate({
      target: dataCategories.key,
      set: { ...set, version: sql`${stored("version")} + 1`, updatedAt: sql`now()` },
      // Row comparison with IS DISTINCT FROM treats two NULLs as equal: an unchanged row is not rewritten.
      setWhere: sql`(${sql.join(SYNCED_FIELDS.map(stored), sql`, `)}) is distinct from (${sql.join(
        SYNCED_FIELDS.map(excluded),
        sql`, `,
      )})`,
    })
    .returning();
  return { previous, written };
}
