import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { entities, processingActivities, transfers, type ProcessingActivity, type RecordStatus } from "@/db/schema";
import { activityConsistencyIssues, activityReviewBodies, createActivityBody, updateActivityBody, type ActivityReviewAction } from "@/lib/api/contracts/activities";
import type { ServiceActor } from "@/lib/auth/actor";
import { AppError, fieldsError } from "@/lib/errors";
import { processorsOfActivities } from "@/lib/flags/evaluation";
import { enumLabel } from "@/lib/labels";
import type { ServiceCall } from "@/lib/services/context";
import { createRecord, deleteRecord, updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * Writes of processing activities (one purpose each, the unit of a GDPR Art. 30(1) record), through the one
 * write sequence (lib/services/write-record.ts). An activity's retention, Art. 9 condition and disclosure type
 * feed the rules of all its transfers: a write re-evaluates the processors those transfers go to. A new
 * activity has no transfer yet, so it changes no flag.
 *
 * Activities are the DPO's (issue 13): an engineer may propose one, which is created `submitted` and waits for
 * the DPO's review like a vendor; the DPO's own is approved at once. Only the DPO edits, deletes, approves or
 * rejects an activity, whatever its status (it is shared by every transfer made for it).
 */

/** Who may propose an activity: the DPO and engineers (and the system: seeds, the CLI), never an auditor. */
function assertMayCreateActivities(actor: ServiceActor): void {
  if (actor.kind === "system" || actor.role === "dpo" || actor.role === "engineer") return;
  throw new AppError("forbidden", "Auditors have read-only access.");
}

/** Who may change an existing activity (edit, delete, review): the DPO, or the system. Any other role is refused (fail closed). */
function assertDpo(actor: ServiceActor, what: string): void {
  if (actor.kind === "system" || actor.role === "dpo") return;
  throw new AppError("forbidden", actor.role === "auditor" ? "Auditors have read-only access." : `Only the DPO can ${what} a processing activity; propose a change to the DPO.`);
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
  authorize: (_tx, actor) => assertDpo(actor, "edit"),
};

/** Removing a purpose from the Art. 30 record is the DPO's alone. */
const activityDeleteKind: RecordKind<ProcessingActivity, ProcessingActivity> = {
  ...activityKind,
  authorize: (_tx, actor) => assertDpo(actor, "delete"),
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

/**
 * The review state a new activity starts in: the DPO's (or the system's) is of record at once, with no review
 * to record; an engineer's is a proposal, submitted for the DPO's review.
 */
function initialReview(actor: ServiceActor, now: Date) {
  const ofRecord = actor.kind === "system" || actor.role === "dpo";
  return ofRecord
    ? { status: "approved" as const, createdByUserId: actor.userId }
    : { status: "submitted" as const, createdByUserId: actor.userId, submittedAt: now };
}

export async function createActivity({ ctx, input }: ServiceCall) {
  const data = parseInput(createActivityBody, input);
  assertMayCreateActivities(ctx.actor);
  return createRecord({
    ctx,
    kind: activityKind,
    insert: async (tx) => {
      const controller = await tx.select({ id: entities.id }).from(entities).where(eq(entities.id, data.controllerEntityId)).limit(1);
      if (!controller[0]) throw fieldsError("validation_failed", [{ path: "controllerEntityId", message: "no entity has this id" }]);
      await assertNameFree(tx, data.name);
      const [row] = await tx
        .insert(processingActivities)
        .values({ ...data, ...initialReview(ctx.actor, new Date()) })
        .returning();
      return row!;
    },
  });
}

/** A partial change (the DPO's): fields left out keep their stored values; `changes.version` is the version edited. */
export async function updateActivity({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  // Refused before the body is read: an engineer learns that the activity is the DPO's, not what is wrong with the body.
  assertDpo(ctx.actor, "edit");
  const { version, ...patch } = parseInput(updateActivityBody, input.changes);
  return updateRecord({
    ctx,
    kind: activityKind,
    id: input.id,
    version,
    change: async (tx, current) => {
      // The body was checked alone; a change of one field must still agree with the stored others (a breach
      // undone while its record stays, "not retained per policy" with no reason on file), checked on the locked row.
      const inconsistent = activityConsistencyIssues({ ...current, ...patch });
      if (inconsistent.length > 0) throw fieldsError("validation_failed", inconsistent);
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
  assertDpo(ctx.actor, "delete");
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

const REVIEW_STEPS: Record<ActivityReviewAction, { to: RecordStatus; wrongState: string }> = {
  approve: { to: "approved", wrongState: "only an activity awaiting review can be approved" },
  reject: { to: "rejected", wrongState: "only an activity awaiting review can be rejected" },
};

/** `changes` is the review body (lib/api/contracts/activities.ts): the version seen and a comment. */
export type ActivityReviewCall = ServiceCall<{ id: string; changes: unknown }>;

/**
 * The DPO approves or rejects a proposed (submitted) activity: an update through the one write sequence
 * (lock, version check, who may, audit), the audit event named after the step. Its transfers' flags do not
 * depend on the review status, but the kind re-evaluates them as for any write (a no-op for the rules).
 */
async function reviewActivity(action: ActivityReviewAction, { ctx, input }: ActivityReviewCall) {
  assertDpo(ctx.actor, action);
  const step = REVIEW_STEPS[action];
  const { version, comment } = parseInput(activityReviewBodies[action], input.changes);
  return updateRecord({
    ctx,
    kind: { ...activityKind, authorize: (_tx, actor) => assertDpo(actor, action) },
    id: input.id,
    version,
    action,
    change: async (tx, current) => {
      if (current.status !== "submitted") {
        // The status in words as the register shows it; the code stays in the data.
        throw new AppError("conflict", `This processing activity is ${enumLabel("recordStatus", current.status).toLowerCase()}: ${step.wrongState}.`, { currentStatus: current.status });
      }
      const now = new Date();
      const [row] = await tx
        .update(processingActivities)
        .set({
          status: step.to,
          reviewedByUserId: ctx.actor.userId,
          reviewedAt: now,
          reviewComment: comment ?? null,
          version: sql`${processingActivities.version} + 1`,
          updatedAt: now,
        })
        .where(eq(processingActivities.id, current.id))
        .returning();
      return row!;
    },
  });
}

/** The DPO approves a proposed activity: it enters the exports of approved records. */
export function approveActivity(call: ActivityReviewCall) {
  return reviewActivity("approve", call);
}

/** The DPO rejects a proposed activity, saying why. */
export function rejectActivity(call: ActivityReviewCall) {
  return reviewActivity("reject", call);
}

export const reviewActivityAction: Record<ActivityReviewAction, (call: ActivityReviewCall) => ReturnType<typeof reviewActivity>> = {
  approve: approveActivity,
  reject: rejectActivity,
};
