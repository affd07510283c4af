import "server-only";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/guard";
import { auditActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { getProcessor } from "@/lib/processors/service";
import { assertMayEdit } from "@/lib/records/ownership";

/**
 * Agreements and new transfers belong to their processor: the DPO writes any; an engineer only those of a
 * processor they may edit (their own draft), as for the processor itself (lib/records/ownership.ts).
 */
export async function assertMayWriteRecordsOf({ db, actor, processorId }: { db: Executor; actor: Actor; processorId: string }) {
  const found = await getProcessor({ db, id: processorId });
  if (!found) {
    throw new AppError("validation_failed", "processorId: no processor has this id", { fields: [{ path: "processorId", message: "no processor has this id" }] });
  }
  assertMayEdit(auditActor(actor), found.processor, "processor");
}
