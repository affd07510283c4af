import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getFlagComment, getFlagDetail, insertFlagComment, listFlagSubjectOwnerIds, lockFlag, type FlagCommentRow } from "@/db/queries/flags";
import { getUserById } from "@/db/queries/users";
import { flags, type Flag, type FlagStatus, type FlagWorkStatus } from "@/db/schema";
import { flagCommentBody, flagRemediationBody, revokeAcceptanceBody } from "@/lib/api/contracts/flags";
import type { ServiceActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/record";
import { AppError, fieldsError, notFound } from "@/lib/errors";
import { emitNotification } from "@/lib/notifications/emit";
import type { ServiceCall } from "@/lib/services/context";
import { updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * The remediation of a flag (issue 17): the DPO assigns it to an engineer (or to themself) and sets a due date;
 * the assignee says where the work stands; the DPO, the assignee and the engineer who owns the subject talk it
 * through in comments; the DPO may revoke an acceptance. None of this resolves a flag: the rules do, once the
 * record is fixed (the engineer edits the transfer, the re-evaluation finds the cause gone).
 *
 * The assignment, due date, work status and comments are audited as `flag_remediation` events of the flag (same
 * record id), not as `flag` events: the point-in-time exports rebuild past acceptances from the latest `flag`
 * event of each flag (lib/exports/as-of.ts), which must stay the acceptance or its revocation.
 */

/** The remediation state an audit event records, before and after. */
interface RemediationState {
  status: FlagStatus;
  assigneeUserId: string | null;
  assigneeName: string | null;
  dueDate: string | null;
  workStatus: FlagWorkStatus;
}

/** A flag as the write sequence handles it (flags have no `updatedAt`: the latest time anyone touched it). */
type LockedFlag = Flag & { updatedAt: Date };

function lastTouched(flag: Flag): Date {
  const times = [flag.lastSeenAt, flag.acceptedAt, flag.resolvedAt].filter((at): at is Date => at !== null);
  return new Date(Math.max(...times.map((at) => at.getTime())));
}

const isDpo = (actor: ServiceActor) => actor.kind === "system" || actor.role === "dpo";

/** Auditors read; the DPO and engineers take part in the remediation (what each may change is checked per field). */
function assertMayTakePart(actor: ServiceActor) {
  if (actor.kind === "system" || actor.role === "dpo" || actor.role === "engineer") return;
  throw new AppError("forbidden", "Auditors have read-only access.");
}

async function lockFlagForWrite(tx: Executor, id: string): Promise<LockedFlag | undefined> {
  const flag = await lockFlag({ db: tx, id });
  return flag && { ...flag, updatedAt: lastTouched(flag) };
}

async function remediationState(tx: Executor, flag: Flag): Promise<RemediationState> {
  const assignee = flag.assigneeUserId ? await getUserById({ db: tx, id: flag.assigneeUserId }) : undefined;
  return {
    status: flag.status,
    assigneeUserId: flag.assigneeUserId,
    assigneeName: assignee?.name ?? null,
    dueDate: flag.dueDate,
    workStatus: flag.workStatus,
  };
}

export const flagRemediationKind: RecordKind<LockedFlag, RemediationState> = {
  recordType: "flag_remediation",
  label: "flag",
  lock: async (tx, id) => {
    const flag = await lockFlagForWrite(tx, id);
    // Said before the version: whichever version was seen, a resolved flag has nothing left to remediate.
    if (flag?.status === "resolved") throw new AppError("conflict", "This flag is resolved: its cause is gone, there is nothing left to remediate.");
    return flag;
  },
  expand: remediationState,
  // Who works on a flag changes no finding: nothing to re-evaluate.
  affectedProcessors: () => [],
  authorize: (_tx, actor) => assertMayTakePart(actor),
};

/** The flag as answered: without the fingerprint, the engine's change detector. */
async function visibleDetail(db: Executor, id: string) {
  const detail = await getFlagDetail({ db, id });
  if (!detail) throw notFound("flag", id);
  const { fingerprint: _engine, ...visible } = detail;
  return visible;
}
export type VisibleFlagDetail = Awaited<ReturnType<typeof visibleDetail>>;

/** An assignee must be able to do the work: an active engineer or DPO (an auditor only reads). */
async function assertAssignable(tx: Executor, userId: string) {
  const user = await getUserById({ db: tx, id: userId });
  if (!user || user.disabledAt || (user.role !== "engineer" && user.role !== "dpo")) {
    throw fieldsError("validation_failed", [{ path: "assigneeUserId", message: "must be an active engineer or DPO" }]);
  }
}

/** What a remediation write asks to change. */
export interface RemediationChanges {
  assigneeUserId?: string | null;
  dueDate?: string | null;
  workStatus?: FlagWorkStatus;
}

/**
 * Who may change what, and whether a due date may be set (pure: the database's part, the assignee being an
 * active engineer or DPO, is the caller's). Only what changes is judged: a form that sends the assignee it shows
 * does not need the DPO's right. A due date already passed may stay (it makes the flag overdue); a new one cannot
 * be in the past. Returns what changes.
 */
export function judgeRemediationChange({
  actor,
  current,
  changes,
  today,
}: {
  actor: ServiceActor;
  current: Pick<Flag, "assigneeUserId" | "dueDate" | "workStatus">;
  changes: RemediationChanges;
  today: string;
}): { reassigned: boolean; redated: boolean; restatused: boolean } {
  const reassigned = changes.assigneeUserId !== undefined && changes.assigneeUserId !== current.assigneeUserId;
  const redated = changes.dueDate !== undefined && changes.dueDate !== current.dueDate;
  const restatused = changes.workStatus !== undefined && changes.workStatus !== current.workStatus;
  if ((reassigned || redated) && !isDpo(actor)) {
    throw new AppError("forbidden", reassigned ? "Only the DPO assigns flags." : "Only the DPO sets a flag's due date.");
  }
  if (restatused && !isDpo(actor) && current.assigneeUserId !== actor.userId) {
    throw new AppError("forbidden", "Only the flag's assignee or the DPO sets its work status.");
  }
  if (redated && changes.dueDate && changes.dueDate < today) {
    throw fieldsError("validation_failed", [{ path: "dueDate", message: "must be today or later" }]);
  }
  return { reassigned, redated, restatused };
}

/**
 * Assigns a flag, sets its due date or its work status, at the version the client saw: the DPO assigns (to an
 * active engineer or DPO) and sets the due date (today or later); the assignee or the DPO sets the work status.
 * A new assignee is notified (unless they assigned themself), in the same transaction.
 */
export async function updateFlagRemediation({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  assertMayTakePart(ctx.actor);
  const { version, ...changes } = parseInput(flagRemediationBody, input.changes);
  if (changes.assigneeUserId === undefined && changes.dueDate === undefined && changes.workStatus === undefined) {
    throw new AppError("validation_failed", "Send at least one of assigneeUserId, dueDate, workStatus.");
  }
  let changed: Flag | undefined;
  await updateRecord({
    ctx,
    kind: flagRemediationKind,
    id: input.id,
    version,
    change: async (tx, current) => {
      const { reassigned } = judgeRemediationChange({ actor: ctx.actor, current, changes, today: ctx.today });
      if (reassigned && changes.assigneeUserId) await assertAssignable(tx, changes.assigneeUserId);
      const [row] = await tx
        .update(flags)
        .set({
          ...(changes.assigneeUserId !== undefined ? { assigneeUserId: changes.assigneeUserId } : {}),
          ...(changes.dueDate !== undefined ? { dueDate: changes.dueDate } : {}),
          ...(changes.workStatus !== undefined ? { workStatus: changes.workStatus } : {}),
          version: sql`${flags.version} + 1`,
        })
        .where(eq(flags.id, current.id))
        .returning();
      changed = row!;
      if (reassigned && changed.assigneeUserId && changed.assigneeUserId !== ctx.actor.userId) {
        await emitNotification(tx, {
          event: "flag_assigned",
          dedupeKey: `flag_assigned:${changed.id}:${changed.assigneeUserId}:${changed.version}`,
          recipientUserId: changed.assigneeUserId,
          payload: {
            flagId: changed.id,
            ruleId: changed.ruleId,
            severity: changed.severity,
            subjectType: changed.subjectType,
            subjectId: changed.subjectId,
            dueDate: changed.dueDate,
            assignedBy: ctx.actor.label,
          },
        });
      }
      return { ...changed, updatedAt: new Date() };
    },
  });
  return { record: await visibleDetail(ctx.db, changed!.id) };
}

/** Who may take part in a flag's conversation: the DPO, its assignee, the engineer who owns its subject. */
async function assertMayComment(tx: Executor, actor: ServiceActor, flag: Flag) {
  assertMayTakePart(actor);
  if (isDpo(actor) || flag.assigneeUserId === actor.userId) return;
  const owners = await listFlagSubjectOwnerIds({ db: tx, flag });
  if (actor.userId && owners.includes(actor.userId)) return;
  throw new AppError("forbidden", "Only the DPO, the flag's assignee or the engineer who owns its subject may comment on it.");
}

/**
 * Adds a comment to a flag's conversation, audited. A comment is appended, never edited, so it needs no version:
 * a conversation is not refused because someone assigned the flag meanwhile. A resolved flag may still be
 * commented on ("fixed by enabling TLS 1.3 on the 3rd").
 */
export async function commentOnFlag({ ctx, input }: ServiceCall<{ id: string; comment: unknown }>): Promise<{ record: FlagCommentRow }> {
  assertMayTakePart(ctx.actor);
  const { body } = parseInput(flagCommentBody, input.comment);
  return ctx.db.transaction(async (tx) => {
    // Locked so that a comment and a change of assignee (who may comment) are not judged on different states.
    const flag = await lockFlag({ db: tx, id: input.id });
    if (!flag) throw notFound("flag", input.id);
    await assertMayComment(tx, ctx.actor, flag);
    const comment = await insertFlagComment({ db: tx, flagId: flag.id, authorUserId: ctx.actor.userId, body });
    await appendAuditEvent({
      db: tx,
      actor: ctx.actor,
      action: "comment",
      recordType: flagRemediationKind.recordType,
      recordId: flag.id,
      after: { comment: body },
    });
    return { record: (await getFlagComment({ db: tx, id: comment.id }))! };
  });
}

/** An acceptance's decision and its revocation, as the `flag` audit events record them (lib/exports/as-of.ts reads them). */
type AcceptanceState = { status: FlagStatus; justification: string | null; acceptedUntil: string | null } | { status: FlagStatus; acceptanceRevocationReason: string };

type LockedAcceptance = LockedFlag & { revocationReason?: string };

const acceptanceKind: RecordKind<LockedAcceptance, AcceptanceState> = {
  recordType: "flag",
  label: "flag",
  lock: async (tx, id) => {
    const flag = await lockFlagForWrite(tx, id);
    if (flag && flag.status !== "accepted") throw new AppError("conflict", "This flag's risk is not accepted: there is no acceptance to revoke.");
    return flag;
  },
  expand: async (_tx, flag) =>
    flag.revocationReason !== undefined
      ? { status: flag.status, acceptanceRevocationReason: flag.revocationReason }
      : { status: flag.status, justification: flag.acceptanceJustification, acceptedUntil: flag.acceptedUntil },
  // The engine judges the open flag at the next evaluation of its processor, as it judges any open flag.
  affectedProcessors: () => [],
  authorize: (_tx, actor) => assertMayRevoke(actor),
};

function assertMayRevoke(actor: ServiceActor) {
  if (!isDpo(actor)) throw new AppError("forbidden", "Only the DPO can revoke the acceptance of a risk.");
}

/**
 * The DPO revokes an accepted risk, with a reason: the flag is open again (its remediation goes on), and the
 * acceptance (who, when, why, until when) stays on the flag as a past acceptance and in the audit trail.
 */
export async function revokeFlagAcceptance({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  assertMayRevoke(ctx.actor);
  const { version, reason } = parseInput(revokeAcceptanceBody, input.changes);
  let revoked: Flag | undefined;
  await updateRecord({
    ctx,
    kind: acceptanceKind,
    id: input.id,
    version,
    action: "revoke_acceptance",
    change: async (tx, current) => {
      const [row] = await tx
        .update(flags)
        .set({ status: "open", version: sql`${flags.version} + 1` })
        .where(eq(flags.id, current.id))
        .returning();
      revoked = row!;
      return { ...revoked, updatedAt: new Date(), revocationReason: reason };
    },
  });
  const { fingerprint: _engine, ...record } = revoked!;
  return { record };
}
