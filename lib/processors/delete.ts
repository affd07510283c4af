import "server-only";
import { and, count, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { flags, processors, safeguardAgreements, transfers } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import { assertCurrentVersion } from "@/lib/records/concurrency";
import { assertMayEdit, type WritingActor } from "@/lib/records/ownership";

/**
 * Deletes a processor that nothing hangs on any more. Its transfers, sub-processors and agreements are
 * records of their own (each with its history), so they must be deleted or moved first: a 409 names them
 * rather than erasing them along. The processor's own flags are resolved, and the audit event keeps its
 * full last state, from which a point-in-time export still shows it as it stood.
 */
export async function deleteProcessor({
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
    const current = (await tx.select().from(processors).where(eq(processors.id, id)).for("update").limit(1))[0];
    if (!current) throw new AppError("not_found", `No processor with id ${id}.`);
    assertMayEdit(actor, current, "processor");
    assertCurrentVersion(current, version, "processor");

    const countOf = async (table: typeof transfers | typeof processors | typeof safeguardAgreements, where: SQL) =>
      (await tx.select({ n: count() }).from(table).where(where))[0]?.n ?? 0;
    const dependents = {
      transfers: await countOf(transfers, eq(transfers.processorId, id)),
      subProcessors: await countOf(processors, eq(processors.parentProcessorId, id)),
      agreements: await countOf(safeguardAgreements, eq(safeguardAgreements.processorId, id)),
    };
    const named = (
      [
        [dependents.transfers, "transfer"],
        [dependents.subProcessors, "sub-processor"],
        [dependents.agreements, "agreement"],
      ] as const
    ).flatMap(([n, what]) => (n ? [`${n} ${what}${n === 1 ? "" : "s"}`] : []));
    if (named.length) {
      throw new AppError("conflict", `This processor still has ${named.join(", ")}: delete or move them first.`, { dependents });
    }

    // Serialises with every other flag evaluation (it takes their lock for the rest of the transaction), so
    // that none reopens the flags resolved below; the parent's own findings do not depend on the child.
    await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: current.parentProcessorId ? [current.parentProcessorId] : [] }, today });
    // The subject is gone, so its findings are: resolved here, since the deletion clears flags.processor_id,
    // through which a later scoped evaluation would have found them.
    await tx
      .update(flags)
      .set({ status: "resolved", resolvedAt: new Date(), version: sql`${flags.version} + 1` })
      .where(and(eq(flags.subjectType, "processor"), eq(flags.subjectId, id), ne(flags.status, "resolved")));
    await tx.delete(processors).where(eq(processors.id, id));
    await appendAuditEvent({ db: tx, actor, action: "delete", recordType: "processor", recordId: id, before: current, after: null });
  });
}
