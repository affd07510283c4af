import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  agreementTransfers,
  dataCategories,
  entities,
  processingActivities,
  processors,
  transferDataCategories,
  transfers,
  type Transfer,
} from "@/db/schema";
import { createTransferBody, transferClaimIssues, updateTransferBody } from "@/lib/api/contracts/transfers";
import { AppError, fieldsError, type FieldIssue } from "@/lib/errors";
import { processorsAffectedByTransferChange } from "@/lib/flags/pipl-reach";
import { assertMayEdit, assertMaySetStatus } from "@/lib/records/ownership";
import { assertMayWriteUnderProcessors } from "@/lib/records/processor-access";
import { markTiaForReviewOnMaterialChange } from "@/lib/tia/review";
import type { ServiceCall } from "@/lib/services/context";
import { createRecord, deleteRecord, updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";

/*
 * Writes of transfers, through the one write sequence (lib/services/write-record.ts). A transfer feeds the
 * flags of its processor (its own rules and the processor's DOJ aggregate) before and after an edit and, as a
 * mainland export that moves its exporter's PIPL tiers, those of the exporter's other recipients.
 */

export type TransferWithCategories = Transfer & { dataCategories: string[] };

async function categoriesOf(tx: Executor, transferId: string): Promise<string[]> {
  const rows = await tx
    .select({ key: transferDataCategories.categoryKey })
    .from(transferDataCategories)
    .where(eq(transferDataCategories.transferId, transferId))
    .orderBy(transferDataCategories.categoryKey);
  return rows.map((row) => row.key);
}

export const transferKind: RecordKind<Transfer, TransferWithCategories> = {
  recordType: "transfer",
  label: "transfer",
  lock: async (tx, id) => (await tx.select().from(transfers).where(eq(transfers.id, id)).for("update").limit(1))[0],
  expand: async (tx, row) => ({ ...row, dataCategories: await categoriesOf(tx, row.id) }),
  affectedProcessors: (_tx, transfer) => [transfer.processorId],
  // Its recipient's flags and, for a mainland export that moves its exporter's PIPL tiers, those of the
  // exporter's other recipients.
  affectedProcessorsOfChange: (tx, { before, after, today }) => processorsAffectedByTransferChange({ db: tx, before, after, today }),
  flagSubject: "transfer",
  authorize: (_tx, actor, row) => assertMayEdit(actor, row, "transfer"),
};

async function assertReferences(
  tx: Executor,
  refs: { activityId?: string; exporterEntityId?: string; processorId?: string; dataCategories?: string[] },
) {
  const missing: FieldIssue[] = [];
  const exists = async (table: typeof processors | typeof entities | typeof processingActivities, id: string) =>
    (await tx.select({ id: table.id }).from(table).where(eq(table.id, id)).limit(1)).length > 0;
  if (refs.activityId && !(await exists(processingActivities, refs.activityId)))
    missing.push({ path: "activityId", message: "no processing activity has this id" });
  if (refs.exporterEntityId && !(await exists(entities, refs.exporterEntityId)))
    missing.push({ path: "exporterEntityId", message: "no entity has this id" });
  if (refs.processorId && !(await exists(processors, refs.processorId)))
    missing.push({ path: "processorId", message: "no processor has this id" });
  if (refs.dataCategories?.length) {
    const keys = [...new Set(refs.dataCategories)];
    const found = new Set(
      (await tx.select({ key: dataCategories.key }).from(dataCategories).where(inArray(dataCategories.key, keys))).map((r) => r.key),
    );
    refs.dataCategories.forEach((key, index) => {
      if (!found.has(key)) missing.push({ path: `dataCategories.${index}`, message: `unknown data category "${key}"` });
    });
  }
  if (missing.length) throw fieldsError("validation_failed", missing);
}

/** The transfer as it will be stored holds together (an exemption justified, no PIPIA in the future): a 422 naming the field. */
function assertClaims(transfer: Parameters<typeof transferClaimIssues>[0], today: string) {
  const issues = transferClaimIssues(transfer, today);
  if (issues.length) throw fieldsError("validation_failed", issues);
}

async function replaceCategories(tx: Executor, transferId: string, keys: readonly string[]) {
  await tx.delete(transferDataCategories).where(eq(transferDataCategories.transferId, transferId));
  const unique = [...new Set(keys)];
  if (unique.length) await tx.insert(transferDataCategories).values(unique.map((categoryKey) => ({ transferId, categoryKey })));
}

export async function getTransfer({ db, id }: { db: Executor; id: string }): Promise<TransferWithCategories | undefined> {
  const rows = await db.select().from(transfers).where(eq(transfers.id, id)).limit(1);
  return rows[0] ? transferKind.expand(db, rows[0]) : undefined;
}

export async function createTransfer({ ctx, input }: ServiceCall) {
  const data = parseInput(createTransferBody, input);
  assertClaims(data, ctx.today);
  assertMaySetStatus(ctx.actor, data.status, "transfer");
  return createRecord({
    ctx,
    kind: transferKind,
    insert: async (tx) => {
      await assertReferences(tx, data);
      await assertMayWriteUnderProcessors(tx, ctx.actor, [data.processorId]);
      const { dataCategories: keys, ...fields } = data;
      const [row] = await tx
        .insert(transfers)
        .values({ ...fields, createdByUserId: ctx.actor.userId })
        .returning();
      await replaceCategories(tx, row!.id, keys);
      return row!;
    },
  });
}

/** A partial change: fields left out keep their stored values; `changes.version` is the version edited. */
export async function updateTransfer({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  const { version, dataCategories: keys, ...patch } = parseInput(updateTransferBody, input.changes);
  return updateRecord({
    ctx,
    kind: transferKind,
    id: input.id,
    version,
    change: async (tx, current) => {
      assertMaySetStatus(ctx.actor, patch.status, "transfer");
      // The stored PIPIA date was checked when it was written: only a new one is compared with today.
      assertClaims({ ...current, ...patch, pipiaDate: patch.pipiaDate }, ctx.today);
      await assertReferences(tx, { ...patch, dataCategories: keys });
      if (patch.processorId && patch.processorId !== current.processorId) await assertMayWriteUnderProcessors(tx, ctx.actor, [patch.processorId]);
      const categoriesBefore = await categoriesOf(tx, current.id);
      const [row] = await tx
        .update(transfers)
        .set({ ...patch, version: sql`${transfers.version} + 1`, updatedAt: new Date() })
        .where(eq(transfers.id, current.id))
        .returning();
      if (keys) await replaceCategories(tx, current.id, keys);
      // A material change calls the completed TIA into review (DOMAIN.md §8), before the flags are re-evaluated.
      const tiaReviewReason = await markTiaForReviewOnMaterialChange(
        tx,
        { ...current, dataCategories: categoriesBefore },
        { ...row!, dataCategories: keys ?? categoriesBefore },
        ctx.actor,
      );
      return tiaReviewReason ? { ...row!, tiaReviewReason } : row!;
    },
  });
}

/**
 * Deletes a transfer with its data categories. An agreement that lists it by id (rather than covering all its
 * processor's transfers) would change silently: a 409 names it, to be edited first.
 */
export async function deleteTransfer({ ctx, input }: ServiceCall<{ id: string; version: number }>) {
  await deleteRecord({
    ctx,
    kind: transferKind,
    id: input.id,
    version: input.version,
    remove: async (tx, current) => {
      const listedBy = (
        await tx.select({ id: agreementTransfers.agreementId }).from(agreementTransfers).where(eq(agreementTransfers.transferId, current.id))
      )
        .map((row) => row.id)
        .sort();
      if (listedBy.length) {
        throw new AppError(
          "conflict",
          `${listedBy.length === 1 ? "An agreement lists" : `${listedBy.length} agreements list`} this transfer among those it covers (${listedBy.join(", ")}): remove it from ${listedBy.length === 1 ? "that agreement" : "them"} first.`,
          { dependents: { agreements: listedBy } },
        );
      }
      await tx.delete(transfers).where(eq(transfers.id, current.id));
    },
  });
}
