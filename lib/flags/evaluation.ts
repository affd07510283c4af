import "server-only";
import { inArray, sql } from "drizzle-orm";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";
import type { Executor } from "@/db/client";
import { touchFlagsSeen } from "@/db/queries/flags";
import { listMainlandExportRecipientsCarrying } from "@/db/queries/register";
import { loadRegisterSnapshot } from "./register-snapshot";
import { applyFlagPlan, listStoredFlags } from "./stored-flags";
import { transferDataCategories, transfers } from "@/db/schema";
import { appState } from "@/db/schema/app-state";
import { evaluateRegister, findingProcessors, type RegisterSnapshot } from "@/lib/rules/snapshot";
import type { Finding } from "@/lib/rules/types";
import { planFlagChanges, type FlagPlan } from "./lifecycle";
import { evaluateWholeRegister } from "./parallel-evaluation";
import { reevaluateNoticeFindings } from "@/lib/notices/evaluation";
import { raiseCriticalFlagNotifications } from "@/lib/notifications/triggers";

/**
 * Re-evaluation of the flags. Everything is keyed by processor: the DOJ aggregate is per exporter and
 * recipient, an agreement covers its processor's transfers, and a sub-processor's rules read its parent's
 * agreements, so "these processors and their descendants" is the set of subjects an edit can change. The PIPL
 * counts are per exporter over every recipient: the writes that move them name the recipients concerned
 * (lib/flags/pipl-reach.ts, processorsReceivingCategories), and a scoped load reads the exporters' other
 * mainland exports as context (db/queries/register.ts).
 */
export type EvaluationScope =
  | { kind: "all" }
  | {
      kind: "processors";
      processorIds: readonly string[];
      /**
       * Also evaluate the recipients of the mainland exports of every exporter with a mainland export to these
       * processors (the PIPL counts they share: db/queries/register.ts). The default, for a caller that does not
       * know what its write moved (an import); the write sequence names them itself and passes false.
       */
      withMainlandExportRecipients?: boolean;
    };

export interface EvaluationSummary {
  scope: "all" | "processors";
  processors: number;
  transfers: number;
  findings: number;
  inserted: number;
  refreshed: number;
  reopened: number;
  resolved: number;
  /** Milliseconds per phase, for the benchmark and the logs. */
  timings: Record<"lock" | "load" | "evaluate" | "stored" | "plan" | "wait" | "apply" | "touch", number>;
}

// Past this many processors a scoped load (IN lists) costs more than loading everything.
const MAX_SCOPED_PROCESSORS = 2000;

export async function reevaluateFlags({
  db,
  scope,
  today,
  now = new Date(),
}: {
  db: Executor;
  scope: EvaluationScope;
  today: string;
  now?: Date;
}): Promise<EvaluationSummary> {
  const processorIds =
    scope.kind === "all" || scope.processorIds.length > MAX_SCOPED_PROCESSORS ? null : [...new Set(scope.processorIds)];
  let mark = performance.now();
  const lap = () => {
    const elapsed = performance.now() - mark;
    mark = performance.now();
    return Math.round(elapsed);
  };
  await db.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.flagEvaluation})`);
  const lock = lap();
  let snapshot: RegisterSnapshot;
  let processorOf: (finding: Finding) => string | null;
  let evaluatedList: string[] | null;
  let plan: FlagPlan;
  let findingCount: number;
  let phases: Pick<EvaluationSummary["timings"], "load" | "evaluate" | "stored" | "plan" | "wait">;
  if (processorIds === null) {
    const whole = await evaluateWholeRegister({ db, today });
    ({ snapshot, plan, processorOf } = whole);
    evaluatedList = null;
    findingCount = whole.findings;
    phases = whole.timings;
    lap();
  } else {
    const withMainlandExportRecipients = scope.kind === "processors" && scope.withMainlandExportRecipients !== false;
    const loaded = await loadRegisterSnapshot({ db, processorIds, today, withMainlandExportRecipients });
    snapshot = loaded.snapshot;
    const load = lap();
    evaluatedList = loaded.evaluatedProcessorIds === null ? null : [...loaded.evaluatedProcessorIds];
    // Sent before the rules run, so that PostgreSQL reads the flags while this process evaluates; awaited
    // right after (its failure is reported there). "stored" is then only the wait left over.
    const storedRead = listStoredFlags({ db, processorIds: evaluatedList });
    storedRead.catch(() => {});
    const findings = evaluateRegister(snapshot, { processorIds: loaded.evaluatedProcessorIds });
    const evaluate = lap();
    const stored = await storedRead;
    const storedMs = lap();
    plan = planFlagChanges({ stored, findings, today });
    findingCount = findings.length;
    phases = { load, evaluate, stored: storedMs, plan: lap(), wait: 0 };
    processorOf = findingProcessors(snapshot);
  }

  await applyFlagPlan({ db, plan, processorOf, now });
  // A critical flag opened or reopened is news for the DPO: notified in this transaction (lib/notifications).
  await raiseCriticalFlagNotifications({ db, plan, now });
  const apply = lap();
  // A full pass records its time once (app_state) instead of touching every flag: a flag that is not
  // resolved was, by definition, seen by the last full evaluation.
  if (evaluatedList !== null) await touchFlagsSeen({ db, processorIds: evaluatedList, now });
  // The notice's promises are checked against the register as it now stands (issue 18: a few aggregate reads).
  await reevaluateNoticeFindings({ db, today, now });
  const touch = lap();

  return {
    scope: evaluatedList === null ? "all" : "processors",
    processors: evaluatedList?.length ?? snapshot.processors.length,
    transfers: snapshot.transfers.length,
    findings: findingCount,
    inserted: plan.insert.length,
    refreshed: plan.refresh.length,
    reopened: plan.reopen.length,
    resolved: plan.resolve.length,
    timings: { lock, ...phases, apply, touch },
  };
}

/** The processors whose flags a change to these transfers can alter (before and after an edit). */
export async function processorsOfTransfers({ db, transferIds }: { db: Executor; transferIds: readonly string[] }) {
  if (transferIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: transfers.processorId })
    .from(transfers)
    .where(inArray(transfers.id, [...transferIds]));
  return rows.map((row) => row.id);
}

/**
 * A category's classification changed: every processor receiving that category and, since its PIPL
 * sensitivity moves its exporters' counts, every recipient of the mainland exports of an exporter that sends it
 * from the mainland.
 */
export async function processorsReceivingCategories({ db, categoryKeys }: { db: Executor; categoryKeys: readonly string[] }) {
  if (categoryKeys.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: transfers.processorId })
    .from(transfers)
    .innerJoin(transferDataCategories, sql`${transferDataCategories.transferId} = ${transfers.id}`)
    .where(inArray(transferDataCategories.categoryKey, [...categoryKeys]));
  const exportRecipients = await listMainlandExportRecipientsCarrying({ db, categoryKeys });
  return [...new Set([...rows.map((row) => row.id), ...exportRecipients])];
}

/** An activity changed (retention, Art. 9 condition, disclosure type): every processor of its transfers. */
export async function processorsOfActivities({ db, activityIds }: { db: Executor; activityIds: readonly string[] }) {
  if (activityIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: transfers.processorId })
    .from(transfers)
    .where(inArray(transfers.activityId, [...activityIds]));
  return rows.map((row) => row.id);
}

const LAST_FULL_EVALUATION = "flags.lastFullEvaluationDate";
export const LAST_FULL_EVALUATION_AT = "flags.lastFullEvaluationAt";

/**
 * Date-driven rules (expiry, DPF lapse, TIA age, end of an accepted risk) need a full pass when the date changes.
 * Every instance's hourly timer asks; the date is read again under the evaluation lock, so that the instances
 * that waited for the first one's pass find the day done instead of repeating it (tests/two-instances.test.ts).
 */
export async function reevaluateIfDateChanged({ db, today }: { db: Executor; today: string }): Promise<EvaluationSummary | null> {
  const lastFullEvaluationDate = async (executor: Executor) =>
    (await executor.select().from(appState).where(inArray(appState.key, [LAST_FULL_EVALUATION])))[0]?.value;
  if ((await lastFullEvaluationDate(db)) === today) return null;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.flagEvaluation})`);
    if ((await lastFullEvaluationDate(tx)) === today) return null;
    return runFullEvaluation({ db: tx, today });
  });
}

export async function runFullEvaluation({ db, today }: { db: Executor; today: string }): Promise<EvaluationSummary> {
  return db.transaction(async (tx) => {
    const summary = await reevaluateFlags({ db: tx, scope: { kind: "all" }, today });
    for (const [key, value] of [
      [LAST_FULL_EVALUATION, today],
      [LAST_FULL_EVALUATION_AT, new Date().toISOString()],
    ] as const) {
      await tx
        .insert(appState)
        .values({ key, value })
        .onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: new Date() } });
    }
    return summary;
  });
}

