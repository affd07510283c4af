import type { UserRole } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";

/*
 * What an engineer may write (issue "who may do what"): their own records while they are drafts (or sent
 * back by the DPO), and never a status past "submitted" — approval is the DPO's. The DPO may edit anything.
 * Actors without a role (the CLI, imports run as the system, tests) are trusted callers.
 */

export interface WritingActor {
  userId: string | null;
  role?: UserRole;
}

const ENGINEER_EDITABLE = new Set(["draft", "rejected"]);
const ENGINEER_SETTABLE = new Set(["draft", "submitted"]);

export function assertMayEdit(actor: WritingActor, record: { createdByUserId: string | null; status: string }, what: string): void {
  if (actor.role === "auditor") throw new AppError("forbidden", "Auditors have read-only access.");
  if (actor.role !== "engineer") return;
  if (record.createdByUserId !== actor.userId) {
    throw new AppError("forbidden", `Engineers may edit only the ${what}s they registered; ask the DPO to change this one.`);
  }
  if (!ENGINEER_EDITABLE.has(record.status)) {
    throw new AppError("forbidden", `This ${what} is ${record.status}: only a draft can be edited by an engineer; ask the DPO.`);
  }
}

export function assertMaySetStatus(actor: WritingActor, status: string | undefined, what: string): void {
  if (status === undefined || actor.role !== "engineer") return;
  if (!ENGINEER_SETTABLE.has(status)) {
    throw new AppError("forbidden", `Engineers cannot set a ${what} to ${status}: the DPO reviews and approves.`, {
      fields: [{ path: "status", message: `cannot be ${status} for an engineer` }],
    });
  }
}
