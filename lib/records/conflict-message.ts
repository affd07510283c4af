import "server-only";
import type { Executor } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { AppError } from "@/lib/errors";

/** "2026-11-24 20:31 UTC": minutes are enough to tell two people's saves apart in a conversation. */
function formatChangedAt(at: Date): string {
  return `${at.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

export function conflictMessage({ what, changedBy, changedAt }: { what: string; changedBy: string; changedAt: Date }): string {
  return `This ${what} was changed by ${changedBy} at ${formatChangedAt(changedAt)} while you were editing. Reload it to see their change, then apply yours again.`;
}

/**
 * Rethrows a version conflict naming who changed the record and when (its latest audit event), so that the
 * editor knows whom to ask before overwriting anything; any other error is rethrown as it is.
 */
export async function explainVersionConflict({
  db,
  error,
  recordType,
  recordId,
  what,
}: {
  db: Executor;
  error: unknown;
  /** As the audit trail names it: "transfer", "processor", "agreement", "activity". */
  recordType: string;
  recordId: string;
  /** As the message names it: "transfer", "processing activity"… */
  what: string;
}): Promise<never> {
  if (error instanceof AppError && error.code === "version_conflict") {
    const [latest] = await listRecordHistory({ db, recordType, recordId, limit: 1 });
    if (latest) {
      throw new AppError("version_conflict", conflictMessage({ what, changedBy: latest.actorLabel, changedAt: latest.occurredAt }), {
        ...error.details,
        changedBy: latest.actorLabel,
        changedAt: latest.occurredAt.toISOString(),
      });
    }
  }
  throw error;
}
