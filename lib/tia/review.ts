import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tiaAssessments, transfers } from "@/db/schema";
import type { ServiceActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/record";
import { basisOf, materialChanges, reviewReasonOf, type TransferFacts } from "./basis";
import { lockLatestCompletedTia } from "./queries";

/**
 * DOMAIN.md §8: a material change of a transfer (destination, data categories, access type, volume band,
 * mechanism) calls its latest completed TIA into review. Called by the transfer's update, in its transaction and
 * before its flags are re-evaluated (transfer.tia-missing reads `transfers.tia_review_reason`). Compares the
 * transfer after the change with the basis the TIA assessed, not with the transfer before it: two changes that
 * cancel out leave the assessment as it was, and a second change of an assessment already in review updates its
 * reason. Returns the review reason the transfer now carries (null when nothing material changed).
 */
export async function markTiaForReviewOnMaterialChange(
  tx: Executor,
  before: TransferFacts & { id: string },
  after: TransferFacts & { id: string },
  actor?: ServiceActor,
): Promise<string | null> {
  // Nothing the basis reads changed in this write: whatever state the TIA is in stays as it is.
  if (materialChanges(basisOf(before), basisOf(after)).length === 0) return null;
  const latest = await lockLatestCompletedTia({ db: tx, transferId: after.id });
  if (!latest?.basis) return null;
  const reason = reviewReasonOf(materialChanges(latest.basis, basisOf(after)));
  if (!reason || (latest.status === "review_required" && latest.reviewReason === reason)) return null;
  const now = new Date();
  const [marked] = await tx
    .update(tiaAssessments)
    .set({
      status: "review_required",
      reviewReason: reason,
      reviewRequiredAt: latest.reviewRequiredAt ?? now,
      version: sql`${tiaAssessments.version} + 1`,
      updatedAt: now,
    })
    .where(eq(tiaAssessments.id, latest.id))
    .returning();
  await tx.update(transfers).set({ tiaReviewReason: reason }).where(eq(transfers.id, after.id));
  if (actor) {
    await appendAuditEvent({ db: tx, actor, action: "mark_for_review", recordType: "tia", recordId: latest.id, before: latest, after: marked });
  }
  return reason;
}
