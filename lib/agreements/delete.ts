import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agreementTransfers, safeguardAgreements } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import { assertCurrentVersion } from "@/lib/records/concurrency";
import type { WritingActor } from "@/lib/records/ownership";

/**
 * Deletes a safeguard agreement and its list of covered transfers. Nothing else refers to it, but the
 * transfers it covered may now lack a contract or a documented mechanism: its processor (and, through
 * flow-down, its sub-processors) is re-evaluated, which also resolves the agreement's own flags. Only the
 * DPO removes a safeguard. The audit event keeps the full last state (covered transfers included).
 */
export async function deleteAgreement({
  db,
  actor,
  id,
  version,
  today,
}: {
  db: Executor;
  actor: AuditActor & WritingActor;
  id: string;
  version: number;
  today: string;
}): Promise<void> {
  if (actor.role === "auditor" || actor.role === "engineer") {
    throw new AppError("forbidden", "Only the DPO can delete a safeguard agreement.");
  }
  await db.transaction(async (tx) => {
    const current = (await tx.select().from(safeguardAgreements).where(eq(safeguardAgreements.id, id)).for("update"))[0];
    if (!current) throw new AppError("not_found", `No agreement with id ${id}.`);
    assertCurrentVersion(current, version, "agreement");
    const listed = await tx.select({ id: agreementTransfers.transferId }).from(agreementTransfers).where(eq(agreementTransfers.agreementId, id));
    const before = { ...current, transferIds: listed.map((row) => row.id).sort() };
    await tx.delete(safeguardAgreements).where(eq(safeguardAgreements.id, id));
    await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: [current.processorId] }, today });
    await appendAuditEvent({ db: tx, actor, action: "delete", recordType: "agreement", recordId: id, before, after: null });
  });
}
