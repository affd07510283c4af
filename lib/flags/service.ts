import "server-only";
import type { Executor } from "@/db/client";
import { getFlag, updateFlagAcceptance } from "@/db/queries/flags";
import type { UserRole } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { addMonths } from "@/lib/rules/iso-date";
import { acceptRiskInput } from "@/lib/validation/flag";
import { parseInput } from "@/lib/validation/parse";

export type RoleActor = AuditActor & { role: UserRole };

// An accepted risk must come back for review: at most two years, and never in the past.
const MAX_ACCEPTANCE_MONTHS = 24;

/** A DPO accepts the risk of an open flag, with a written justification and an end date. */
export async function acceptFlagRisk({
  db,
  actor,
  flagId,
  input,
  today,
}: {
  db: Executor;
  actor: RoleActor;
  flagId: string;
  input: unknown;
  today: string;
}) {
  if (actor.role !== "dpo") throw new AppError("forbidden", "Only the DPO can accept a risk.");
  const data = parseInput(acceptRiskInput, input);
  if (data.acceptedUntil <= today) {
    throw new AppError("validation_failed", "acceptedUntil: must be after today", {
      fields: [{ path: "acceptedUntil", message: "must be after today" }],
    });
  }
  const latest = addMonths(today, MAX_ACCEPTANCE_MONTHS);
  if (data.acceptedUntil > latest) {
    throw new AppError("validation_failed", `acceptedUntil: must be on or before ${latest}`, {
      fields: [{ path: "acceptedUntil", message: `must be on or before ${latest} (at most ${MAX_ACCEPTANCE_MONTHS} months)` }],
    });
  }
  return db.transaction(async (tx) => {
    const flag = await getFlag({ db: tx, id: flagId });
    if (!flag) throw new AppError("not_found", `No flag with id ${flagId}.`);
    if (flag.status === "resolved") throw new AppError("conflict", "This flag is resolved: there is no risk left to accept.");
    if (flag.version !== data.version) {
      throw new AppError("version_conflict", "This flag changed since you opened it. Reload it and decide again.", {
        currentVersion: flag.version,
      });
    }
    const updated = await updateFlagAcceptance({
      db: tx,
      id: flagId,
      version: data.version,
      values: {
        status: "accepted",
        acceptedByUserId: actor.userId!,
        acceptedAt: new Date(),
        acceptanceJustification: data.justification,
        acceptedUntil: data.acceptedUntil,
        acceptedSeverity: flag.severity,
        acceptedFacts: flag.facts,
      },
    });
    if (!updated) throw new AppError("version_conflict", "This flag changed since you opened it. Reload it and decide again.");
    await appendAuditEvent({
      db: tx,
      actor,
      action: "accept_risk",
      recordType: "flag",
      recordId: flagId,
      before: { status: flag.status },
      after: { status: "accepted", justification: data.justification, acceptedUntil: data.acceptedUntil },
    });
    return updated;
  });
}
