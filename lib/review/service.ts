import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { listFlagsForSubject } from "@/db/queries/flags";
import { processors, transfers, type Processor, type RecordStatus, type TransferStatus } from "@/db/schema";
import { appendAuditEvent } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import type { RoleActor } from "@/lib/flags/service";
import { assertCurrentVersion } from "@/lib/records/concurrency";
import { parseStrictInput } from "@/lib/validation/processor";
import { approveProcessorInput, rejectProcessorInput, submitProcessorInput, type ReviewAction } from "./schemas";

/*
 * The review workflow of a vendor (DOMAIN.md §1): an engineer registers it as a draft and submits it; the
 * DPO approves or rejects it. The processor's own transfers follow it: submitting the vendor submits its
 * draft transfers, approving it approves its submitted ones. Each step is one transaction with the version
 * check, the flag re-evaluation and the audit event.
 */

interface ReviewArgs {
  db: Executor;
  actor: RoleActor;
  id: string;
  input: unknown;
  today: string;
}

interface Transition {
  action: ReviewAction;
  from: readonly RecordStatus[];
  to: RecordStatus;
  /** The processor's transfers moved along with it. */
  transfers?: { from: TransferStatus; to: TransferStatus };
  wrongState: string;
}

const TRANSITIONS: Record<ReviewAction, Transition> = {
  submit: {
    action: "submit",
    from: ["draft", "rejected"],
    to: "submitted",
    transfers: { from: "draft", to: "submitted" },
    wrongState: "only a draft or rejected vendor can be submitted",
  },
  approve: {
    action: "approve",
    from: ["submitted"],
    to: "approved",
    transfers: { from: "submitted", to: "approved" },
    wrongState: "only a submitted vendor can be approved",
  },
  reject: {
    action: "reject",
    from: ["submitted"],
    to: "rejected",
    wrongState: "only a submitted vendor can be rejected",
  },
};

async function openFlagsOf(db: Executor, processorId: string) {
  return (await listFlagsForSubject({ db, subjectType: "processor", subjectId: processorId })).filter((flag) => flag.status !== "resolved");
}

async function transition(
  { db, actor, id, today }: Omit<ReviewArgs, "input">,
  { version, comment }: { version: number; comment?: string },
  step: Transition,
  authorize: (current: Processor) => void,
) {
  return db.transaction(async (tx) => {
    const current = (await tx.select().from(processors).where(eq(processors.id, id)).for("update").limit(1))[0];
    if (!current) throw new AppError("not_found", `No processor with id ${id}.`);
    authorize(current);
    assertCurrentVersion(current, version, "processor");
    if (!step.from.includes(current.status)) {
      throw new AppError("conflict", `This vendor is ${current.status}: ${step.wrongState}.`, { currentStatus: current.status });
    }
    const now = new Date();
    const review =
      step.action === "submit"
        ? // A new submission starts a new review: the previous verdict no longer applies.
          { submittedAt: now, reviewedByUserId: null, reviewedAt: null, reviewComment: comment ?? null }
        : { reviewedByUserId: actor.userId, reviewedAt: now, reviewComment: comment ?? null };
    const [row] = await tx
      .update(processors)
      .set({ status: step.to, ...review, version: sql`${processors.version} + 1`, updatedAt: now })
      .where(and(eq(processors.id, id), eq(processors.version, version)))
      .returning();
    if (!row) throw new AppError("version_conflict", "This processor changed while it was being reviewed. Reload it and try again.");
    const movedTransfers = step.transfers
      ? await tx
          .update(transfers)
          .set({ status: step.transfers.to, version: sql`${transfers.version} + 1`, updatedAt: now })
          .where(and(eq(transfers.processorId, id), eq(transfers.status, step.transfers.from)))
          .returning({ id: transfers.id, version: transfers.version })
      : [];
    // Each transfer carried along is a change of its own record: its audit trail must show it too.
    for (const moved of movedTransfers) {
      await appendAuditEvent({
        db: tx,
        actor,
        action: step.action,
        recordType: "transfer",
        recordId: moved.id,
        before: { status: step.transfers!.from, version: moved.version - 1 },
        after: { status: step.transfers!.to, version: moved.version, processorId: id },
      });
    }
    await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: [id] }, today });
    await appendAuditEvent({
      db: tx,
      actor,
      action: step.action,
      recordType: "processor",
      recordId: id,
      before: current,
      after: { ...row, transferIds: movedTransfers.map((transfer) => transfer.id).sort() },
    });
    return { processor: row, transferIds: movedTransfers.map((transfer) => transfer.id), flags: await openFlagsOf(tx, id) };
  });
}

function requireDpo(actor: RoleActor, what: string) {
  if (actor.role !== "dpo") throw new AppError("forbidden", `Only the DPO can ${what} a vendor.`);
}

/** The creator (an engineer) or a DPO sends a draft, or a rejected vendor after fixing it, for review. */
export async function submitProcessor({ input, ...args }: ReviewArgs) {
  if (args.actor.role !== "dpo" && args.actor.role !== "engineer") {
    throw new AppError("forbidden", "Only an engineer or the DPO can submit a vendor.");
  }
  const data = parseStrictInput(submitProcessorInput, input);
  return transition(args, data, TRANSITIONS.submit, (current) => {
    if (args.actor.role === "engineer" && current.createdByUserId !== args.actor.userId) {
      throw new AppError("forbidden", "An engineer can submit only the vendors they registered.");
    }
  });
}

/** The DPO approves a submitted vendor, and with it its submitted transfers. */
export async function approveProcessor({ input, ...args }: ReviewArgs) {
  requireDpo(args.actor, "approve");
  const data = parseStrictInput(approveProcessorInput, input);
  return transition(args, data, TRANSITIONS.approve, () => undefined);
}

/** The DPO rejects a submitted vendor, saying why; the engineer may fix it and submit it again. */
export async function rejectProcessor({ input, ...args }: ReviewArgs) {
  requireDpo(args.actor, "reject");
  const data = parseStrictInput(rejectProcessorInput, input);
  return transition(args, data, TRANSITIONS.reject, () => undefined);
}

export const reviewProcessor: Record<ReviewAction, (args: ReviewArgs) => ReturnType<typeof submitProcessor>> = {
  submit: submitProcessor,
  approve: approveProcessor,
  reject: rejectProcessor,
};
