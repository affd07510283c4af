import type { Executor } from "@/db/client";
import { upsertTaxonomy } from "@/db/seed/reference";
import { appendAuditEvents } from "@/lib/audit/record";
import { systemActor } from "@/lib/auth/actor";

/*
 * Reference data every database needs, whatever the mode: the data-category taxonomy (db/seed/reference.ts
 * writes it). Runs at every start-up and writes nothing when the table already matches the code.
 */

const REFERENCE_DATA_ACTOR = systemActor("system (reference data)");

/**
 * Upserts the taxonomy; rows that already match are left untouched. A row the statement changes is audited
 * like any reclassification (point-in-time exports undo it for earlier days); so is a category added to an
 * existing taxonomy. The first load is not: the taxonomy ships with the code.
 */
export async function seedReferenceData(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    const { previous, written } = await upsertTaxonomy(tx);
    const events = written.flatMap((row) => {
      const before = previous.get(row.key);
      if (before) return [{ action: "update", recordType: "data_category", recordId: row.key, before, after: row }];
      return previous.size > 0 ? [{ action: "create", recordType: "data_category", recordId: row.key, after: row }] : [];
    });
    await appendAuditEvents({ db: tx, actor: REFERENCE_DATA_ACTOR, events });
  });
}
