import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agreementTransfers, processors, safeguardAgreements, transfers } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import { assertCurrentVersion } from "@/lib/records/concurrency";
import type { WritingActor } from "@/lib/records/ownership";
import { assertMayWriteUnderProcessors } from "@/lib/records/processor-access";
import { createAgreementInput, updateAgreementInput } from "@/lib/validation/agreement";
import { parseInput } from "@/lib/validation/parse";

/*
 * Safeguard agreements. An agreement can change the flags of every transfer of its processor (and, through
 * flow-down, of its sub-processors): each write re-evaluates that processor, whose scope includes them.
 */

async function assertCoverage(tx: Executor, processorId: string, transferIds: string[]) {
  if ((await tx.select({ id: processors.id }).from(processors).where(eq(processors.id, processorId))).length === 0) {
    throw new AppError("validation_failed", "processorId: no processor has this id", {
      fields: [{ path: "processorId", message: "no processor has this id" }],
    });
  }
  if (transferIds.length === 0) return;
  const own = new Set(
    (
      await tx
        .select({ id: transfers.id })
        .from(transfers)
        .where(and(inArray(transfers.id, transferIds), eq(transfers.processorId, processorId)))
    ).map((row) => row.id),
  );
  const fields = transferIds.flatMap((id, index) =>
    own.has(id) ? [] : [{ path: `transferIds.${index}`, message: "is not a transfer to this agreement's processor" }],
  );
  if (fields.length) throw new AppError("validation_failed", fields.map((f) => `${f.path}: ${f.message}`).join("; "), { fields });
}

async function coveredTransferIds(tx: Executor, agreementId: string): Promise<string[]> {
  const rows = await tx.select({ id: agreementTransfers.transferId }).from(agreementTransfers).where(eq(agreementTransfers.agreementId, agreementId));
  return rows.map((row) => row.id).sort();
}

export async function createAgreement({ db, actor, input, today }: { db: Executor; actor: AuditActor & WritingActor; input: unknown; today: string }) {
  const data = parseInput(createAgreementInput, input);
  const { transferIds, ...fields } = data;
  return db.transaction(async (tx) => {
    await assertMayWriteUnderProcessors(tx, actor, [fields.processorId]);
    await assertCoverage(tx, fields.processorId, transferIds);
    const [row] = await tx.insert(safeguardAgreements).values(fields).returning();
    const agreement = row!;
    if (!fields.coversAllTransfers && transferIds.length) {
      await tx.insert(agreementTransfers).values([...new Set(transferIds)].map((transferId) => ({ agreementId: agreement.id, transferId })));
    }
    await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: [agreement.processorId] }, today });
    const created = { ...agreement, transferIds: await coveredTransferIds(tx, agreement.id) };
    await appendAuditEvent({ db: tx, actor, action: "create", recordType: "agreement", recordId: agreement.id, after: created });
    return created;
  });
}

export async function updateAgreement({
  db,
  actor,
  id,
  input,
  today,
}: {
  db: Executor;
  actor: AuditActor & WritingActor;
  id: string;
  input: unknown;
  today: string;
}) {
  const { version, transferIds, ...patch } = parseInput(updateAgreementInput, input);
  return db.transaction(async (tx) => {
    const current = (await tx.select().from(safeguardAgreements).where(eq(safeguardAgreements.id, id)).for("update"))[0];
    if (!current) throw new AppError("not_found", `No agreement with id ${id}.`);
    assertCurrentVersion(current, version, "agreement");
    const processorId = patch.processorId ?? current.processorId;
    await assertMayWriteUnderProcessors(tx, actor, [current.processorId, processorId]);
    if (transferIds) await assertCoverage(tx, processorId, transferIds);
    const before = { ...current, transferIds: await coveredTransferIds(tx, id) };
    const [row] = await tx
      .update(safeguardAgreements)
      .set({ ...patch, version: sql`${safeguardAgreements.version} + 1`, updatedAt: new Date() })
      .where(eq(safeguardAgreements.id, id))
      .returning();
    if (transferIds) {
      await tx.delete(agreementTransfers).where(eq(agreementTransfers.agreementId, id));
      if (transferIds.length) {
        await tx.insert(agreementTransfers).values([...new Set(transferIds)].map((transferId) => ({ agreementId: id, transferId })));
      }
    }
    await reevaluateFlags({
      db: tx,
      scope: { kind: "processors", processorIds: [...new Set([current.processorId, processorId])] },
      today,
    });
    const after = { ...row!, transferIds: await coveredTransferIds(tx, id) };
    await appendAuditEvent({ db: tx, actor, action: "update", recordType: "agreement", recordId: id, before, after });
    return after;
  });
}
