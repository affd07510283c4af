import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { processors } from "@/db/schema";
import { assertMayEdit, type WritingActor } from "./ownership";

/**
 * Agreements and transfers belong to their processor: whoever may not edit the processor may not add or change
 * them either (an engineer: only under their own draft vendor). Without this an engineer could attach an
 * agreement or a transfer to an approved vendor and change the register of record without the DPO.
 * Unknown ids are left to the caller's reference checks, which name the field.
 */
export async function assertMayWriteUnderProcessors(tx: Executor, actor: WritingActor, processorIds: readonly string[]): Promise<void> {
  if (actor.kind === "system" || actor.role === "dpo") return;
  const ids = [...new Set(processorIds)];
  if (!ids.length) return;
  const rows = await tx
    .select({ id: processors.id, createdByUserId: processors.createdByUserId, status: processors.status })
    .from(processors)
    .where(inArray(processors.id, ids));
  for (const row of rows) assertMayEdit(actor, row, "processor");
}
