import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { entities, processingActivities, transfers, type ProcessingActivity } from "@/db/schema";
import { createActivityBody, updateActivityBody } from "@/lib/api/contracts/activities";
import type { ServiceActor } from "@/lib/auth/actor";
import { AppError, fieldsError } from "@/lib/errors";
import { processorsOfActivities } from "@/lib/flags/evaluation";
import type { ServiceCall } from "@/lib/services/context";
import { createRecord, deleteRecord, updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * Writes of processing activities (one purpose each, the unit of a GDPR Art. 30(1) record), through the one
 * write sequence (lib/services/write-record.ts). An activity's retention, Art. 9 condition and disclosure type
 * feed the rules of all its transfers: a write re-evaluates the processors those transfers go to. A new
 * activity has no transfer yet, so it changes no flag.
 */

/**
 * Who may write an activity. It has no owner and no draft state (every transfer made for it shares it), so
 * the rule is the caller's role alone: the DPO and engineers (the API creates and edits; the edit form is the
 * DPO's, by its own roles), never an auditor.
 */
function assertMayWriteActivities(actor: ServiceActor): void {
  if (actor.kind === "user" && actor.role !== "dpo" && actor.role !== "engineer") throw new AppError("forbidden", "Auditors have read-only access.");
}

export const activityKind: RecordKind<ProcessingActivity, ProcessingActivity> = {
  recordType: "activity",
  label: "processing activity",
  lock: async (tx, id) => (await tx.select().from(processingActivities).where(eq(processingActivities.id, id)).for("update").limit(1))[0],
  expand: async (_tx, row) => row,
  // The processors receiving the activity's data: those of its transfers.
  affectedProcessors: (tx, activity) => processorsOfActivities({ db: tx, activityIds: [activity.id] }),
  // No rule flags an activity itself; its transfers carry the findings.
  flagSubject: undefined,
  authorize: (_tx, actor) => assertMayWriteActivities(actor),
};

/** Removing a purpose from the Art. 30 record is the DPO's alone. The delete uses the kind with this check. */
const activityDeleteKind: RecordKind<ProcessingActivity, ProcessingActivity> = {
  ...activityKind,
  authorize: (_tx, actor) => {
    if (actor.kind === "user" && actor.role !== "dpo") throw new AppError("forbidden", "Only the DPO can delete a processing activity.");
  },
};

function nameTaken(): AppError {
  return fieldsError("conflict", [{ path: "name", message: "another processing activity already has this name" }]);
}

/** Names are unique: a clash is a 409 naming the field (a concurrent insert past this check hits the index: the same 409). */
async function assertNameFree(tx: Executor, name: string, exceptId?: string) {
  const sameName = eq(processingActivities.name, name);
  const clash = await tx
    .select({ id: processingActivities.id })
    .from(processingActivities)
    .where(exceptId ? and(sameName, ne(processingActivities.id, exceptId)) : sameName)
    .limit(1);
  if (clash[0]) throw nameTaken();
}

export async function getActivity({ db, id }: { db: Executor; id: string }): Promise<ProcessingActivity | undefined> {
  return (await db.select().from(processingActivities).where(eq(processingActivities.id, id)).limit(1))[0];
}

export async function createActivity({ ctx, input }: ServiceCall) {
  const data = parseInput(createActivityBody, input);
  assertMayWriteActivities(ctx.actor);
  return createRecord({
    ctx,
    kind: activityKind,
    insert: async (tx) => {
      const controller = await tx.select({ id: entities.id }).from(entities).where(eq(entities.id, data.controllerEntityId)).limit(1);
      if (!controller[0]) throw fieldsError("validation_failed", [{ path: "controllerEntityId", message: "no entity has this id" }]);
      await assertNameFree(tx, data.name);
      const [row] = await tx.insert(processingActivities).values(data).returning();
      return row!;
    },
  });
}

/** A partial change: fields left out keep their stored values; `changes.version` is the version edited. */
export async function updateActivity({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  const { version, ...patch } = parseInput(updateActivityBody, input.changes);
  return updateRecord({
    ctx,
    kind: activityKind,
    id: input.id,
    version,
    change: async (tx, current) => {
      if (patch.name !== undefined && patch.name !== current.name) await assertNameFree(tx, patch.name, current.id);
      const [row] = await tx
        .update(processingActivities)
        .set({ ...patch, version: sql`${processingActivities.version} + 1`, updatedAt: new Date() })
        .where(eq(processingActivities.id, current.id))
        .returning();
      return row!;
    },
  });
}

/**
 * Deletes a processing activity once no transfer serves it: its transfers are records of their own, so a 409
 * says how many must be deleted or moved first. With no transfer, no flag reads it. The audit event keeps its
 * full last state for point-in-time exports.
 */
export async function deleteActivity({ ctx, input }: ServiceCall<{ id: string; version: number }>) {
  await deleteRecord({
    ctx,
    kind: activityDeleteKind,
    id: input.id,
    version: input.version,
    remove: async (tx, current) => {
      const served = (await tx.select({ n: count() }).from(transfers).where(eq(transfers.activityId, current.id)))[0]?.n ?? 0;
      if (served > 0) {
        throw new AppError("conflict", `This processing activity still has ${served} transfer${served === 1 ? "" : "s"}: delete them or move them to another activity first.`, {
          dependents: { transfers: served },
        });
      }
      await tx.delete(processingActivities).where(eq(processingActivities.id, current.id));
    },
  });
}
