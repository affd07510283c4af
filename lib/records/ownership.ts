import type { ServiceActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { enumLabel, isEnumValue } from "@/lib/labels";

/*
 * What an engineer may write (issue "who may do what"): their own records while they are drafts (or sent
 * back by the DPO), and never a status past "submitted" — approval is the DPO's. The DPO may edit anything.
 * Only an actor that says it is the system (seeds, the CLI) is trusted without a role; any other role is
 * refused: authorization fails closed.
 */

export type WritingActor = ServiceActor;

const ENGINEER_EDITABLE = new Set(["draft", "rejected"]);
const ENGINEER_SETTABLE = new Set(["draft", "submitted"]);

/**
 * A status in words, lower case for the middle of a sentence ("awaiting review", not "submitted"): vendors have
 * record statuses, transfers transfer statuses; the two share their common values' labels.
 */
function statusWords(status: string): string {
  return (isEnumValue("recordStatus", status) ? enumLabel("recordStatus", status) : enumLabel("transferStatus", status)).toLowerCase();
}

/** Why this actor may not edit the record, or null when they may: for callers that report rather than throw (the import). */
export function editRefusal(actor: WritingActor, record: { createdByUserId: string | null; status: string }, what: string): string | null {
  if (actor.kind === "system" || actor.role === "dpo") return null;
  if (actor.role !== "engineer") return "Auditors have read-only access.";
  if (record.createdByUserId !== actor.userId) return `Engineers may edit only the ${what}s they registered; ask the DPO to change this one.`;
  if (!ENGINEER_EDITABLE.has(record.status)) return `This ${what} is ${statusWords(record.status)}: only a draft or rejected ${what} can be edited by an engineer; ask the DPO.`;
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
  return `Engineers cannot set a ${what} to "${statusWords(status)}": the DPO reviews and approves.`;
}

export function assertMaySetStatus(actor: WritingActor, status: string | undefined, what: string): void {
  const refusal = statusRefusal(actor, status, what);
  if (refusal) throw new AppError("forbidden", refusal, { fields: [{ path: "status", message: `cannot be "${statusWords(status ?? "")}" for an engineer` }] });
}
