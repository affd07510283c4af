import type { ServiceActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/*
 * What an engineer may write (issue "who may do what"): their own records while they are drafts (or sent
 * back by the DPO), and never a status past "submitted" — approval is the DPO's. The DPO may edit anything.
 * Only an actor that says it is the system (seeds, the CLI) is trusted without a role; any other role is
 * refused: authorization fails closed.
 */

export type WritingActor = ServiceActor;

const ENGINEER_EDITABLE = new Set(["draft", "rejected"]);
const ENGINEER_SETTABLE = new Set(["draft", "submitted"]);

/** Why this actor may not edit the record, or null when they may: for callers that report rather than throw (the import). */
export function editRefusal(actor: WritingActor, record: { createdByUserId: string | null; status: string }, what: string): string | null {
  if (actor.kind === "system" || actor.role === "dpo") return null;
  if (actor.role !== "engineer") return "Auditors have read-only access.";
  if (record.createdByUserId !== actor.userId) return `Engineers may edit only the ${what}s they registered; ask the DPO to change this one.`;
  if (!ENGINEER_EDITABLE.has(record.status)) return `This ${what} is ${record.status}: only a draft can be edited by an engineer; ask the DPO.`;
  return null;
}

export function assertMayEdit(actor: WritingActor, record: { createdByUserId: string | null; status: string }, what: string): void {
  const refusal = editRefusal(actor, record, what);
  if (refusal) throw new AppError("forbidden", refusal);
}

/** Why this actor may not give a record this status, or null when they may. */
export function statusRefusal(actor: WritingActor, status: string | undefined, what: string): string | null {
  if (status === undefined || actor.kind === "system" || actor.role === "dpo" || ENGINEER_SETTABLE.has(status)) return null;
  if (actor.role !== "engineer") return "Auditors have read-only access.";
  return `Engineers cannot set a ${what} to ${status}: the DPO reviews and approves.`;
}

export function assertMaySetStatus(actor: WritingActor, status: string | undefined, what: string): void {
  const refusal = statusRefusal(actor, status, what);
  if (refusal) throw new AppError("forbidden", refusal, { fields: [{ path: "status", message: `cannot be ${status} for an engineer` }] });
}
