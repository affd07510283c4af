import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { listFlagsForSubject } from "@/db/queries/flags";
import {
  dataCategories,
  entities,
  processingActivities,
  processors,
  transferDataCategories,
  transfers,
  type Transfer,
} from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { assertCurrentVersion } from "@/lib/records/concurrency";
import { assertMayEdit, assertMaySetStatus, type WritingActor } from "@/lib/records/ownership";
import { assertMayWriteUnderProcessors } from "@/lib/records/processor-access";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import { createTransferInput, updateTransferInput } from "@/lib/validation/transfer";
import { parseInput } from "@/lib/validation/parse";

/*
 * Writes of transfers: validate, write in one transaction, re-evaluate exactly the flags the change can
 * alter (the processors before and after: that covers the transfer and its DOJ aggregate), append the audit
 * event. Routes and actions only adapt HTTP or forms to these functions.
 */

export type TransferWithCategories = Transfer & { dataCategories: string[] };

async function assertReferences(
  tx: Executor,
  refs: { activityId?: string; exporterEntityId?: string; processorId?: string; dataCategories?: string[] },
) {
  const missing: { path: string; message: string }[] = [];
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
  if (missing.length) {
    throw new AppError("validation_failed", missing.map((m) => `${m.path}: ${m.message}`).join("; "), { fields: missing });
  }
}

async function categoriesOf(tx: Executor, transferId: string): Promise<string[]> {
  const rows = await tx
    .select({ key: transferDataCategories.categoryKey })
    .from(transferDataCategories)
    .where(eq(transferDataCategories.transferId, transferId))
    .orderBy(transferDataCategories.categoryKey);
  return rows.map((row) => row.key);
}

export async function getTransfer({ db, id }: { db: Executor; id: string }): Promise<TransferWithCategories | undefined> {
  const rows = await db.select().from(transfers).where(eq(transfers.id, id)).limit(1);
  if (!rows[0]) return undefined;
  return { ...rows[0], dataCategories: await categoriesOf(db, id) };
}

export async function createTransfer({
  db,
  actor,
  input,
  today,
}: {
  db: Executor;
  actor: AuditActor & WritingActor;
  input: unknown;
  today: string;
}) {
  const data = parseInput(createTransferInput, input);
  assertMaySetStatus(actor, data.status, "transfer");
  return db.transaction(async (tx) => {
    await assertReferences(tx, data);
    await assertMayWriteUnderProcessors(tx, actor, [data.processorId]);
    const { dataCategories: keys, ...fields } = data;
    const [row] = await tx
      .insert(transfers)
      .values({ ...fields, createdByUserId: actor.userId })
      .returning();
    const transfer = row!;
    const uniqueKeys = [...new Set(keys)];
    if (uniqueKeys.length) {
      await tx.insert(transferDataCategories).values(uniqueKeys.map((categoryKey) => ({ transferId: transfer.id, categoryKey })));
    }
    await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: [transfer.processorId] }, today });
    const created = { ...transfer, dataCategories: uniqueKeys.sort() };
    await appendAuditEvent({ db: tx, actor, action: "create", recordType: "transfer", recordId: transfer.id, after: created });
    const flags = await listFlagsForSubject({ db: tx, subjectType: "transfer", subjectId: transfer.id });
    return { transfer: created, flags: flags.filter((flag) => flag.status !== "resolved") };
  });
}

export async function updateTransfer({
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
  const { version, ...patch } = parseInput(updateTransferInput, input);
  return db.transaction(async (tx) => {
    const current = (await tx.select().from(transfers).where(eq(transfers.id, id)).for("update").limit(1))[0];
    if (!current) throw new AppError("not_found", `No transfer with id ${id}.`);
    assertCurrentVersion(current, version, "transfer");
    assertMayEdit(actor, current, "transfer");
    assertMaySetStatus(actor, patch.status, "transfer");
    await assertReferences(tx, patch);
    if (patch.processorId && patch.processorId !== current.processorId) await assertMayWriteUnderProcessors(tx, actor, [patch.processorId]);
    const before = { ...current, dataCategories: await categoriesOf(tx, id) };
    const { dataCategories: keys, ...fields } = patch;
    const [row] = await tx
      .update(transfers)
      .set({ ...fields, version: sql`${transfers.version} + 1`, updatedAt: new Date() })
      .where(and(eq(transfers.id, id), eq(transfers.version, version)))
      .returning();
    if (keys) {
      await tx.delete(transferDataCategories).where(eq(transferDataCategories.transferId, id));
      const uniqueKeys = [...new Set(keys)];
      if (uniqueKeys.length) {
        await tx.insert(transferDataCategories).values(uniqueKeys.map((categoryKey) => ({ transferId: id, categoryKey })));
      }
    }
    const updated = row!;
    await reevaluateFlags({
      db: tx,
      scope: { kind: "processors", processorIds: [...new Set([current.processorId, updated.processorId])] },
      today,
    });
    const after = { ...updated, dataCategories: await categoriesOf(tx, id) };
    await appendAuditEvent({ db: tx, actor, action: "update", recordType: "transfer", recordId: id, before, after });
    const flags = await listFlagsForSubject({ db: tx, subjectType: "transfer", subjectId: id });
    return { transfer: after, flags: flags.filter((flag) => flag.status !== "resolved") };
  });
}
