import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agreementTransfers, processors, safeguardAgreements, transfers, type SafeguardAgreement } from "@/db/schema";
import { createAgreementBody, updateAgreementBody } from "@/lib/api/contracts/agreements";
import type { ServiceActor } from "@/lib/auth/actor";
import { AppError, fieldsError } from "@/lib/errors";
import { assertMayWriteUnderProcessors } from "@/lib/records/processor-access";
import type { ServiceCall } from "@/lib/services/context";
import { createRecord, deleteRecord, updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * Writes of safeguard agreements, through the one write sequence (lib/services/write-record.ts). An agreement
 * can change the flags of every transfer of its processor (and, through flow-down, of its sub-processors): each
 * write re-evaluates that processor, whose scope includes them, before and after an edit.
 */

export type AgreementWithTransfers = SafeguardAgreement & { transferIds: string[] };

async function coveredTransferIds(tx: Executor, agreementId: string): Promise<string[]> {
  const rows = await tx.select({ id: agreementTransfers.transferId }).from(agreementTransfers).where(eq(agreementTransfers.agreementId, agreementId));
  return rows.map((row) => row.id).sort();
}

export const agreementKind: RecordKind<SafeguardAgreement, AgreementWithTransfers> = {
  recordType: "agreement",
  label: "agreement",
  lock: async (tx, id) => (await tx.select().from(safeguardAgreements).where(eq(safeguardAgreements.id, id)).for("update").limit(1))[0],
  expand: async (tx, row) => ({ ...row, transferIds: await coveredTransferIds(tx, row.id) }),
  affectedProcessors: (_tx, agreement) => [agreement.processorId],
  flagSubject: "agreement",
  // An agreement belongs to its processor: whoever may not edit the processor may not change its agreements.
  authorize: (tx, actor, row) => assertMayWriteUnderProcessors(tx, actor, [row.processorId]),
};

/**
 * Removing a safeguard is the DPO's alone, even on an engineer's own draft vendor: the transfers it covered may
 * lose their contract. The delete uses the agreement's kind with this check in place of the write check.
 */
const agreementDeleteKind: RecordKind<SafeguardAgreement, AgreementWithTransfers> = {
  ...agreementKind,
  authorize: (_tx, actor: ServiceActor) => {
    if (actor.kind === "user" && actor.role !== "dpo") throw new AppError("forbidden", "Only the DPO can delete a safeguard agreement.");
  },
};

/** The processor exists, and every listed transfer is one of its own. */
async function assertCoverage(tx: Executor, processorId: string, transferIds: readonly string[]) {
  if ((await tx.select({ id: processors.id }).from(processors).where(eq(processors.id, processorId))).length === 0) {
    throw fieldsError("validation_failed", [{ path: "processorId", message: "no processor has this id" }]);
  }
  if (transferIds.length === 0) return;
  const own = new Set(
    (
      await tx
        .select({ id: transfers.id })
        .from(transfers)
        .where(and(inArray(transfers.id, [...transferIds]), eq(transfers.processorId, processorId)))
    ).map((row) => row.id),
  );
  const fields = transferIds.flatMap((id, index) => (own.has(id) ? [] : [{ path: `transferIds.${index}`, message: "is not a transfer to this agreement's processor" }]));
  if (fields.length) throw fieldsError("validation_failed", fields);
}

async function replaceCoverage(tx: Executor, agreementId: string, transferIds: readonly string[]) {
  await tx.delete(agreementTransfers).where(eq(agreementTransfers.agreementId, agreementId));
  const unique = [...new Set(transferIds)];
  if (unique.length) await tx.insert(agreementTransfers).values(unique.map((transferId) => ({ agreementId, transferId })));
}

/** One agreement with the transfers it lists (empty when it covers all of its processor's transfers). */
export async function getAgreement({ db, id }: { db: Executor; id: string }): Promise<AgreementWithTransfers | undefined> {
  const rows = await db.select().from(safeguardAgreements).where(eq(safeguardAgreements.id, id)).limit(1);
  return rows[0] ? agreementKind.expand(db, rows[0]) : undefined;
}

export async function createAgreement({ ctx, input }: ServiceCall) {
  const { transferIds, ...fields } = parseInput(createAgreementBody, input);
  return createRecord({
    ctx,
    kind: agreementKind,
    insert: async (tx) => {
      await assertMayWriteUnderProcessors(tx, ctx.actor, [fields.processorId]);
      await assertCoverage(tx, fields.processorId, transferIds);
      const [row] = await tx.insert(safeguardAgreements).values(fields).returning();
      // An agreement covering all of its processor's transfers lists none.
      if (!fields.coversAllTransfers) await replaceCoverage(tx, row!.id, transferIds);
      return row!;
    },
  });
}

/** A partial change: fields left out keep their stored values; `changes.version` is the version edited. */
export async function updateAgreement({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  const { version, transferIds, ...patch } = parseInput(updateAgreementBody, input.changes);
  return updateRecord({
    ctx,
    kind: agreementKind,
    id: input.id,
    version,
    change: async (tx, current) => {
      const processorId = patch.processorId ?? current.processorId;
      // Moving the agreement to another processor needs the right to write under that one too.
      if (processorId !== current.processorId) await assertMayWriteUnderProcessors(tx, ctx.actor, [processorId]);
      if (transferIds || processorId !== current.processorId) await assertCoverage(tx, processorId, transferIds ?? []);
      const [row] = await tx
        .update(safeguardAgreements)
        .set({ ...patch, version: sql`${safeguardAgreements.version} + 1`, updatedAt: new Date() })
        .where(eq(safeguardAgreements.id, current.id))
        .returning();
      if (transferIds) await replaceCoverage(tx, current.id, transferIds);
      return row!;
    },
  });
}

/**
 * Deletes a safeguard agreement and its list of covered transfers. Nothing else refers to it, but the
 * transfers it covered may now lack a contract or a documented mechanism: its processor (and, through
 * flow-down, its sub-processors) is re-evaluated, which also resolves the agreement's own flags. The audit
 * event keeps the full last state (covered transfers included).
 */
export async function deleteAgreement({ ctx, input }: ServiceCall<{ id: string; version: number }>) {
  await deleteRecord({
    ctx,
    kind: agreementDeleteKind,
    id: input.id,
    version: input.version,
    remove: async (tx, current) => {
      await tx.delete(safeguardAgreements).where(eq(safeguardAgreements.id, current.id));
    },
  });
}
