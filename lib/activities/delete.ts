import "server-only";
import { count, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { processingActivities, transfers } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { assertCurrentVersion } from "@/lib/records/concurrency";
import type { WritingActor } from "@/lib/records/ownership";

/**
 * Deletes a processing activity (a purpose of the GDPR Art. 30 record) once no transfer serves it: its
 * transfers are records of their own, so a 409 says how many must be deleted or moved first. With no
 * transfer, no flag reads it. Only the DPO removes a purpose from the record; the audit event keeps its
 * full last state for point-in-time exports.
 */
export async function deleteActivity({
  db,
  actor,
  id,
  version,
}: {
  db: Executor;
  actor: AuditActor & WritingActor;
  id: string;
  version: number;
}): Promise<void> {
  if (actor.role === "auditor" || actor.role === "engineer") {
    throw new AppError("forbidden", "Only the DPO can delete a processing activity.");
  }
  await db.transaction(async (tx) => {
    const current = (await tx.select().from(processingActivities).where(eq(processingActivities.id, id)).for("update"))[0];
    if (!current) throw new AppError("not_found", `No processing activity with id ${id}.`);
    assertCurrentVersion(current, version, "processing activity");
    const served = (await tx.select({ n: count() }).from(transfers).where(eq(transfers.activityId, id)))[0]?.n ?? 0;
    if (served > 0) {
      throw new AppError("conflict", `This processing activity still has ${served} transfer${served === 1 ? "" : "s"}: delete them or move them to another activity first.`, {
        dependents: { transfers: served },
      });
    }
    await tx.delete(processingActivities).where(eq(processingActivities.id, id));
    await appendAuditEvent({ db: tx, actor, action: "delete", recordType: "activity", recordId: id, before: current, after: null });
  });
}
