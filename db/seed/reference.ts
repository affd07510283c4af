import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataCategories, type NewDataCategory } from "@/db/schema";
import { appendAuditEvents, type AuditActor } from "@/lib/audit/record";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";

/*
 * Reference data every database needs, whatever the mode: the data-category taxonomy. Runs at every
 * start-up, so it is one statement that writes nothing when the table already matches the code.
 * Categories removed from the code are not deleted: transfers may still reference them (the foreign key
 * restricts), and retiring a category is a data migration, not a seed.
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
  "dojListedIdentifier",
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

const REFERENCE_DATA_ACTOR: AuditActor = { userId: null, tokenId: null, label: "system (reference data)" };

/**
 * Upserts the taxonomy in one multi-row statement; rows that already match are left untouched. A row the
 * statement changes is audited like any reclassification (point-in-time exports undo it for earlier days);
 * so is a category added to an existing taxonomy. The first load is not: the taxonomy ships with the code.
 */
export async function seedReferenceData(db: Executor): Promise<void> {
  const set = Object.fromEntries(SYNCED_FIELDS.map((field) => [field, excluded(field)])) as Record<SyncedField, SQL>;
  await db.transaction(async (tx) => {
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
    const events = written.flatMap((row) => {
      const before = previous.get(row.key);
      if (before) return [{ action: "update", recordType: "data_category", recordId: row.key, before, after: row }];
      return previous.size > 0 ? [{ action: "create", recordType: "data_category", recordId: row.key, after: row }] : [];
    });
    await appendAuditEvents({ db: tx, actor: REFERENCE_DATA_ACTOR, events });
  });
}
