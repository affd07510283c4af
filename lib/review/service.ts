import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { processors, transfers, type Processor, type RecordStatus, type TransferStatus } from "@/db/schema";
import { reviewBodies, type ReviewAction } from "@/lib/api/contracts/processors";
import type { ServiceActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { enumLabel } from "@/lib/labels";
import { raiseRecordSubmitted } from "@/lib/notifications/triggers";
import { processorKind } from "@/lib/processors/service";
import type { ServiceCall } from "@/lib/services/context";
import { updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * The review workflow of a vendor (DOMAIN.md §1): an engineer registers it as a draft and submits it; the
 * DPO approves or rejects it. The processor's own transfers follow it: submitting the vendor submits its
 * draft transfers, approving it approves its submitted ones. Each step is an update of the processor through
 * the one write sequence (lock, version check, who may, re-evaluation, audit), the audit event named after the
 * step.
 */

/** `changes` is the review body (lib/api/contracts/processors.ts): the version seen and a comment. */
export type ReviewCall = ServiceCall<{ id: string; changes: unknown }>;

interface Transition {
  from: readonly RecordStatus[];
  to: RecordStatus;
  /** The processor's transfers moved along with it. */
  transfers?: { from: TransferStatus; to: TransferStatus };
  wrongState: string;
  /** Throws `forbidden` unless the actor may take this step, before anything is read. */
  mayTry: (actor: ServiceActor) => void;
  /** Throws `forbidden` unless the actor may take this step on this vendor. */
  authorize: (actor: ServiceActor, current: Processor) => void;
}

function requireDpo(what: string) {
  return (actor: ServiceActor) => {
    if (actor.kind === "user" && actor.role !== "dpo") throw new AppError("forbidden", `Only the DPO can ${what} a vendor.`);
  };
}

const TRANSITIONS: Record<ReviewAction, Transition> = {
  submit: {
    from: ["draft", "rejected"],
    to: "submitted",
    transfers: { from: "draft", to: "submitted" },
    wrongState: "only a draft or rejected vendor can be submitted",
    mayTry: (actor) => {
      if (actor.kind === "user" && actor.role !== "dpo" && actor.role !== "engineer") {
        throw new AppError("forbidden", "Only an engineer or the DPO can submit a vendor.");
      }
    },
    authorize: (actor, current) => {
      if (actor.kind === "user" && actor.role === "engineer" && current.createdByUserId !== actor.userId) {
        throw new AppError("forbidden", "An engineer can submit only the vendors they registered.");
      }
    },
  },
  approve: {
    from: ["submitted"],
    to: "approved",
    transfers: { from: "submitted", to: "approved" },
    wrongState: "only a vendor awaiting review can be approved",
    mayTry: requireDpo("approve"),
    authorize: () => undefined,
  },
  reject: {
    from: ["submitted"],
    to: "rejected",
    wrongState: "only a vendor awaiting review can be rejected",
    mayTry: requireDpo("reject"),
    authorize: () => undefined,
  },
};

/** The processor after a review step, as audited: with the transfers carried along (none before the step). */
type ReviewedProcessor = Processor & { transferIds?: string[] };

async function review(action: ReviewAction, { ctx, input }: ReviewCall) {
  const step = TRANSITIONS[action];
  step.mayTry(ctx.actor);
  const { version, comment } = parseInput(reviewBodies[action], input.changes);
  let movedTransferIds: string[] | undefined;
  // The review's own rule of who may, and an `after` that names the transfers moved with the vendor.
  const kind: RecordKind<Processor, ReviewedProcessor> = {
    ...processorKind,
    expand: async (_tx, row) => (movedTransferIds ? { ...row, transferIds: movedTransferIds } : row),
    authorize: (_tx, actor, current) => step.authorize(actor, current),
  };
  const result = await updateRecord({
    ctx,
    kind,
    id: input.id,
    version,
    action,
    change: async (tx, current) => {
      if (!step.from.includes(current.status)) {
        // The status in words as the registers show it ("awaiting review", not "submitted"); the code stays in the data.
        throw new AppError("conflict", `This vendor is ${enumLabel("recordStatus", current.status).toLowerCase()}: ${step.wrongState}.`, { currentStatus: current.status });
      }
      const now = new Date();
      const reviewFields =
        action === "submit"
          ? // A new submission starts a new review: the previous verdict no longer applies.
            { submittedAt: now, reviewedByUserId: null, reviewedAt: null, reviewComment: comment ?? null }
          : { reviewedByUserId: ctx.actor.userId, reviewedAt: now, reviewComment: comment ?? null };
      const [row] = await tx
        .update(processors)
        .set({ status: step.to, ...reviewFields, version: sql`${processors.version} + 1`, updatedAt: now })
        .where(eq(processors.id, current.id))
        .returning();
      const moved = step.transfers
        ? await tx
            .update(transfers)
            .set({ status: step.transfers.to, version: sql`${transfers.version} + 1`, updatedAt: now })
            .where(and(eq(transfers.processorId, current.id), eq(transfers.status, step.transfers.from)))
            .returning({ id: transfers.id, version: transfers.version })
        : [];
      // Each transfer carried along is a change of its own record: its audit trail must show it too.
      for (const transfer of moved) {
        await appendAuditEvent({
          db: tx,
          actor: ctx.actor,
          action,
          recordType: "transfer",
          recordId: transfer.id,
          before: { status: step.transfers!.from, version: transfer.version - 1 },
          after: { status: step.transfers!.to, version: transfer.version, processorId: current.id },
        });
      }
      movedTransferIds = moved.map((transfer) => transfer.id).sort();
      // The DPO hears of a submission (lib/notifications), in this transaction: a refused submit notifies nobody.
      if (action === "submit") await raiseRecordSubmitted(tx, { recordType: "processor", recordId: current.id, name: current.name, submittedBy: ctx.actor.kind === "user" ? ctx.actor.label.replace(/ <.*$/, "") : ctx.actor.label, submittedAt: now });
      return row!;
    },
  });
  const { transferIds = [], ...record } = result.record;
  return { record: record as Processor, flags: result.flags, transferIds };
}

/** The creator (an engineer) or a DPO sends a draft, or a rejected vendor after fixing it, for review. */
export function submitProcessor(call: ReviewCall) {
  return review("submit", call);
}

/** The DPO approves a submitted vendor, and with it its submitted transfers. */
export function approveProcessor(call: ReviewCall) {
  return review("approve", call);
}

/** The DPO rejects a submitted vendor, saying why; the engineer may fix it and submit it again. */
export function rejectProcessor(call: ReviewCall) {
  return review("reject", call);
}

export const reviewProcessor: Record<ReviewAction, (call: ReviewCall) => ReturnType<typeof review>> = {
  submit: submitProcessor,
  approve: approveProcessor,
  reject: rejectProcessor,
};
