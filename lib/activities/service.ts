import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { processingActivities } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { processorsOfActivities, reevaluateFlags } from "@/lib/flags/evaluation";
import { assertCurrentVersion } from "@/lib/records/concurrency";
import { updateActivityInput } from "@/lib/validation/activity";
import { parseInput } from "@/lib/validation/parse";

/** An activity's retention, Art. 9 condition or disclosure type feeds the rules of all its transfers. */
export async function updateActivity({
  db,
  actor,
  id,
  input,
  today,
}: {
  db: Executor;
  actor: AuditActor;
  id: string;
  input: unknown;
  today: string;
}) {
  const { version, ...patch } = parseInput(updateActivityInput, input);
  return db.transaction(async (tx) => {
    const current = (await tx.select().from(processingActivities).where(eq(processingActivities.id, id)).for("update"))[0];
    if (!current) throw new AppError("not_found", `No processing activity with id ${id}.`);
    assertCurrentVersion(current, version, "processing activity");
    const [row] = await tx
      .update(processingActivities)
      .set({ ...patch, version: sql`${processingActivities.version} + 1`, updatedAt: new Date() })
      .where(eq(processingActivities.id, id))
      .returning();
    const processorIds = await processorsOfActivities({ db: tx, activityIds: [id] });
    await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds }, today });
    await appendAuditEvent({ db: tx, actor, action: "update", recordType: "activity", recordId: id, before: current, after: row });
    return row!;
  });
}
