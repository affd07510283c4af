import "server-only";
import type { Executor } from "@/db/client";
import { listStoredFlagRows, writeFlagChanges, type FlagFindingValues } from "@/db/queries/flags";
import type { Finding } from "@/lib/rules/types";
import { findingFingerprint, type FlagPlan, type StoredFlag } from "./lifecycle";
import { storedFlag, storedFlagsFromPacked } from "./packed-flags";

/*
 * The flags as the lifecycle sees them: read from db/queries/flags.ts (packed text or rows, whichever the
 * database reads faster) and written back from a plan, with the fingerprints computed here.
 */

/** Every flag (any status) of the given processors' subjects, or of the whole register. */
export async function listStoredFlags({ db, processorIds }: { db: Executor; processorIds: readonly string[] | null }): Promise<StoredFlag[]> {
  const stored = await listStoredFlagRows({ db, processorIds });
  if (stored.packed) return storedFlagsFromPacked(stored.packed);
  const accepted = new Map(stored.acceptances.map((row) => [row.id, row]));
  return stored.rows.map((row) => storedFlag(row, accepted));
}

/** The items mapped one at a time, as the writer takes them: no second array of a full pass's findings. */
function* mapped<T, U>(items: readonly T[], map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** Applies a lifecycle plan in bulk (db/queries/flags.ts writeFlagChanges: one statement per chunk). */
export async function applyFlagPlan({
  db,
  plan,
  processorOf,
  now,
}: {
  db: Executor;
  plan: FlagPlan;
  processorOf: (finding: Finding) => string | null;
  now: Date;
}): Promise<void> {
  const values = (finding: Finding): FlagFindingValues => ({
    ruleId: finding.ruleId,
    subjectType: finding.subjectType,
    subjectId: finding.subjectId,
    processorId: processorOf(finding),
    severity: finding.severity,
    message: finding.message,
    messageFr: finding.messageFr,
    facts: finding.facts,
    fingerprint: findingFingerprint(finding),
    citation: finding.citation,
    remediation: finding.remediation,
  });
  await writeFlagChanges({
    db,
    insert: mapped(plan.insert, values),
    update: (function* () {
      yield* mapped(plan.refresh, ({ id, finding }) => ({ id, values: values(finding), reopen: false }));
      yield* mapped(plan.reopen, ({ id, finding }) => ({ id, values: values(finding), reopen: true }));
    })(),
    refingerprint: plan.refingerprint,
    resolve: plan.resolve,
    now,
  });
}
