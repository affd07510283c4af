import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { getFlag, updateFlagAcceptance } from "@/db/queries/flags";
import type { UserRole } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { addMonths } from "@/lib/rules/iso-date";
import { uuid } from "@/lib/validation/common";
import { acceptRiskInput } from "@/lib/validation/flag";
import { parseInput } from "@/lib/validation/parse";

export type RoleActor = AuditActor & { role: UserRole };

// An accepted risk must come back for review: at most two years, and never in the past.
const MAX_ACCEPTANCE_MONTHS = 24;

/** An end date must be after today and at most MAX_ACCEPTANCE_MONTHS away; `path` names the field. */
function assertAcceptanceEnd(until: string, today: string, path: string) {
  if (until <= today) {
    throw new AppError("validation_failed", `${path}: must be after today`, {
      fields: [{ path, message: "must be after today" }],
    });
  }
  const latest = addMonths(today, MAX_ACCEPTANCE_MONTHS);
  if (until > latest) {
    throw new AppError("validation_failed", `${path}: must be on or before ${latest}`, {
      fields: [{ path, message: `must be on or before ${latest} (at most ${MAX_ACCEPTANCE_MONTHS} months)` }],
    });
  }
}

const changedMeanwhile = "This flag changed since you opened it. Reload it and decide again.";

/**
 * Accepts one flag inside the caller's transaction. `expectedVersion` undefined means "as it is now" (a bulk
 * request without versions): the row's own version still guards against a concurrent write.
 */
async function acceptInTransaction({
  tx,
  actor,
  flagId,
  expectedVersion,
  justification,
  acceptedUntil,
}: {
  tx: Executor;
  actor: RoleActor;
  flagId: string;
  expectedVersion: number | undefined;
  justification: string;
  acceptedUntil: string;
}) {
  const flag = await getFlag({ db: tx, id: flagId });
  if (!flag) throw new AppError("not_found", `No flag with id ${flagId}.`);
  if (flag.status === "resolved") throw new AppError("conflict", "This flag is resolved: there is no risk left to accept.");
  if (expectedVersion !== undefined && flag.version !== expectedVersion) {
    throw new AppError("version_conflict", changedMeanwhile, { currentVersion: flag.version });
  }
  const updated = await updateFlagAcceptance({
    db: tx,
    id: flagId,
    version: flag.version,
    values: {
      status: "accepted",
      acceptedByUserId: actor.userId!,
      acceptedAt: new Date(),
      acceptanceJustification: justification,
      acceptedUntil,
      acceptedSeverity: flag.severity,
      acceptedFacts: flag.facts,
    },
  });
  if (!updated) throw new AppError("version_conflict", changedMeanwhile);
  await appendAuditEvent({
    db: tx,
    actor,
    action: "accept_risk",
    recordType: "flag",
    recordId: flagId,
    before: { status: flag.status },
    after: { status: "accepted", justification, acceptedUntil },
  });
  return updated;
}

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
  assertAcceptanceEnd(data.acceptedUntil, today, "acceptedUntil");
  return db.transaction((tx) =>
    acceptInTransaction({
      tx,
      actor,
      flagId,
      expectedVersion: data.version,
      justification: data.justification,
      acceptedUntil: data.acceptedUntil,
    }),
  );
}

/** Body of a bulk acceptance: several open flags, one justification, one end date (POST /api/v1/flags/accept). */
export const bulkAcceptRiskInput = z.object({
  ids: z
    .array(uuid)
    .min(1, { message: "must select at least one flag" })
    .max(200, { message: "must select at most 200 flags at once" })
    .refine((ids) => new Set(ids).size === ids.length, { message: "must not list the same flag twice" }),
  justification: acceptRiskInput.shape.justification,
  until: acceptRiskInput.shape.acceptedUntil,
  /** The version each flag had when the DPO saw it, by id; a flag left out is accepted as it is now. */
  versions: z.record(z.string(), acceptRiskInput.shape.version).optional(),
});

export type BulkAcceptRiskInput = z.input<typeof bulkAcceptRiskInput>;

/**
 * Accepts several flags at once, all or nothing: one transaction, one audit event per flag. If any flag
 * changed meanwhile (other version, resolved, gone), nothing is accepted and the error names that flag.
 */
export async function acceptFlagRisks({
  db,
  actor,
  input,
  today,
}: {
  db: Executor;
  actor: RoleActor;
  input: unknown;
  today: string;
}) {
  if (actor.role !== "dpo") throw new AppError("forbidden", "Only the DPO can accept a risk.");
  const data = parseInput(bulkAcceptRiskInput, input);
  assertAcceptanceEnd(data.until, today, "until");
  return db.transaction(async (tx) => {
    const accepted = [];
    for (const [index, flagId] of data.ids.entries()) {
      try {
        accepted.push(
          await acceptInTransaction({
            tx,
            actor,
            flagId,
            expectedVersion: data.versions?.[flagId],
            justification: data.justification,
            acceptedUntil: data.until,
          }),
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // The whole batch rolls back; say which flag stopped it so the DPO can reload and retry.
        throw new AppError(error.code === "not_found" ? "not_found" : "conflict", `Nothing was accepted: flag ${index + 1} of ${data.ids.length} (${flagId}): ${error.message}`, {
          fields: [{ path: `ids.${index}`, message: error.message }],
        });
      }
    }
    return accepted;
  });
}
