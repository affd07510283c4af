import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agreementTransfers, transferDataCategories, transfers } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import { assertCurrentVersion } from "@/lib/records/concurrency";
import { assertMayEdit, type WritingActor } from "@/lib/records/ownership";

/**
 * Deletes a transfer with its data categories. An agreement that lists it by name (rather than covering
 * all its processor's transfers) would change silently: a 409 names it, to be edited first. The
 * processor's flags are re-evaluated, which resolves the transfer's own and recounts the DOJ aggregate;
 * the audit event keeps the full last state (categories included) for point-in-time exports.
 */
export async function deleteTransfer({
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
  await db.transaction(async (tx) => {
    const current = (await tx.select().from(transfers).where(eq(transfers.id, id)).for("update").limit(1))[0];
    if (!current) throw new AppError("not_found", `No transfer with id ${id}.`);
    assertCurrentVersion(current, version, "transfer");
    assertMayEdit(actor, current, "transfer");

    const listedBy = (
      await tx.select({ id: agreementTransfers.agreementId }).from(agreementTransfers).where(eq(agreementTransfers.transferId, id))
    ).map((row) => row.id).sort();
    if (listedBy.length) {
      throw new AppError(
        "conflict",
        `${listedBy.length === 1 ? "An agreement lists" : `${listedBy.length} agreements list`} this transfer among those it covers (${listedBy.join(", ")}): remove it from ${listedBy.length === 1 ? "that agreement" : "them"} first.`,
        { dependents: { agreements: listedBy } },
      );
    }

    const categories = await tx
      .select({ key: transferDataCategories.categoryKey })
      .from(transferDataCategories)
      .where(eq(transferDataCategories.transferId, id))
      .orderBy(transferDataCategories.categoryKey);
    const before = { ...current, dataCategories: categories.map((row) => row.key) };
    await tx.delete(transfers).where(eq(transfers.id, id));
    await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: [current.processorId] }, today });
    await appendAuditEvent({ db: tx, actor, action: "delete", recordType: "transfer", recordId: id, before, after: null });
  });
}
