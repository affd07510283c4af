import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { flags, type Flag, type FlagStatus, type UserRole } from "@/db/schema";
import { acceptRiskBody, bulkAcceptRiskBody } from "@/lib/api/contracts/flags";
import type { ServiceActor } from "@/lib/auth/actor";
import type { AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { addMonths } from "@/lib/rules/iso-date";
import { withDb, type ServiceCall, type ServiceContext } from "@/lib/services/context";
import { updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * The DPO's acceptance of a flag's risk, through the one write sequence (lib/services/write-record.ts): flags
 * are written by the rule engine, so accepting is an update of a flag (lock, version check, DPO only, audit).
 * Accepting does not re-evaluate: the engine compares later findings with the accepted severity and facts.
 */

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

/** Accepting a risk is the DPO's decision (or the system's, for seeds and scripts): fails closed for any other role. */
function assertMayAcceptRisk(actor: ServiceActor) {
  if (actor.kind === "system" || actor.role === "dpo") return;
  throw new AppError("forbidden", "Only the DPO can accept a risk.");
}

/** The decision an acceptance records: set on the row the write returns, so that its audit event carries it. */
interface Decision {
  justification: string;
  acceptedUntil: string;
}

/**
 * A flag as the write sequence handles it. Flags have no `updatedAt`: the latest of the times the engine or
 * the DPO touched it stands in (it dates a version conflict when no audit event names who changed the flag).
 */
type LockedFlag = Flag & { updatedAt: Date; decision?: Decision };

/**
 * A flag as the `accept_risk` audit event records it: its status before, and after it the decision
 * (lib/exports/as-of.ts rebuilds past acceptances from `after.justification` and `after.acceptedUntil`).
 */
type FlagAcceptanceState = { status: FlagStatus } | { status: FlagStatus; justification: string; acceptedUntil: string };

function lastTouched(flag: Flag): Date {
  const times = [flag.lastSeenAt, flag.acceptedAt, flag.resolvedAt].filter((at): at is Date => at !== null);
  return new Date(Math.max(...times.map((at) => at.getTime())));
}

export const flagAcceptanceKind: RecordKind<LockedFlag, FlagAcceptanceState> = {
  recordType: "flag",
  label: "flag",
  lock: async (tx, id) => {
    const [flag] = await tx.select().from(flags).where(eq(flags.id, id)).for("update").limit(1);
    if (!flag) return undefined;
    // Said before the version: a flag that resolved while the DPO looked has nothing left to accept, whichever
    // version they saw.
    if (flag.status === "resolved") throw new AppError("conflict", "This flag is resolved: there is no risk left to accept.");
    return { ...flag, updatedAt: lastTouched(flag) };
  },
  expand: async (_tx, flag) =>
    flag.decision
      ? { status: flag.status, justification: flag.decision.justification, acceptedUntil: flag.decision.acceptedUntil }
      : { status: flag.status },
  // Accepting changes no finding: nothing to re-evaluate.
  affectedProcessors: () => [],
  authorize: (_tx, actor) => assertMayAcceptRisk(actor),
};

/** The flag as answered: without the fingerprint, the engine's change detector. */
export type VisibleFlag = Omit<Flag, "fingerprint">;

function visible({ fingerprint: _engine, ...flag }: Flag): VisibleFlag {
  return flag;
}

/** Accepts one flag at the version the DPO saw (inside the caller's transaction, when it has one). */
async function acceptOne(ctx: ServiceContext, { id, version, justification, acceptedUntil }: { id: string; version: number } & Decision) {
  let accepted: Flag | undefined;
  const { flags: openFlags } = await updateRecord({
    ctx,
    kind: flagAcceptanceKind,
    id,
    version,
    action: "accept_risk",
    change: async (tx, current) => {
      const [row] = await tx
        .update(flags)
        .set({
          status: "accepted",
          acceptedByUserId: ctx.actor.userId,
          acceptedAt: new Date(),
          acceptanceJustification: justification,
          acceptedUntil,
          acceptedSeverity: current.severity,
          acceptedFacts: current.facts,
          version: sql`${flags.version} + 1`,
        })
        .where(eq(flags.id, current.id))
        .returning();
      accepted = row!;
      return { ...accepted, updatedAt: accepted.acceptedAt!, decision: { justification, acceptedUntil } };
    },
  });
  return { record: visible(accepted!), flags: openFlags };
}

/** A DPO accepts the risk of an open flag, with a written justification and an end date. */
export async function acceptFlagRisk({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  assertMayAcceptRisk(ctx.actor);
  const { version, justification, acceptedUntil } = parseInput(acceptRiskBody, input.changes);
  assertAcceptanceEnd(acceptedUntil, ctx.today, "acceptedUntil");
  return acceptOne(ctx, { id: input.id, version, justification, acceptedUntil });
}

const changedMeanwhile = "This flag changed since you opened it. Reload it and decide again.";

/** The flag's version now, for a bulk request that does not say which it saw; 0 (no version) when it is gone, which the lock reports. */
async function currentVersion(tx: Executor, id: string): Promise<number> {
  const [row] = await tx.select({ version: flags.version }).from(flags).where(eq(flags.id, id)).limit(1);
  return row?.version ?? 0;
}

/**
 * Accepts several flags at once, all or nothing: one transaction, one audit event per flag. If any flag
 * changed meanwhile (other version, resolved, gone), nothing is accepted and the error names that flag.
 */
export async function acceptFlagRisks({ ctx, input }: ServiceCall) {
  assertMayAcceptRisk(ctx.actor);
  const data = parseInput(bulkAcceptRiskBody, input);
  assertAcceptanceEnd(data.until, ctx.today, "until");
  return ctx.db.transaction(async (tx) => {
    const records: VisibleFlag[] = [];
    for (const [index, id] of data.ids.entries()) {
      try {
        // A flag without a version is accepted as it is now: the lock still guards against a concurrent write.
        const version = data.versions?.[id] ?? (await currentVersion(tx, id));
        const { record } = await acceptOne(withDb(ctx, tx), { id, version, justification: data.justification, acceptedUntil: data.until });
        records.push(record);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // The whole batch rolls back; say which flag stopped it so the DPO can reload and retry. The list the DPO
        // decided on is stale as a whole, whoever changed this flag.
        const reason = error.code === "version_conflict" ? changedMeanwhile : error.message;
        throw new AppError(error.code === "not_found" ? "not_found" : "conflict", `Nothing was accepted: flag ${index + 1} of ${data.ids.length} (${id}): ${reason}`, {
          fields: [{ path: `ids.${index}`, message: reason }],
        });
      }
    }
    return { records };
  });
}
