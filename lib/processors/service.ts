import "server-only";
import { and, count, eq, ne, sql, type SQL } from "drizzle-orm";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";
import type { Executor } from "@/db/client";
import { flags, processors, safeguardAgreements, transfers, users, type Processor } from "@/db/schema";
import { createProcessorBody, updateProcessorBody } from "@/lib/api/contracts/processors";
import { AppError, fieldsError, type FieldIssue } from "@/lib/errors";
import { assertMayEdit } from "@/lib/records/ownership";
import type { ServiceCall } from "@/lib/services/context";
import { createRecord, deleteRecord, openFlagsOf, updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";
import { normalizeProcessorName } from "./normalize-name";

/*
 * Writes of processors, through the one write sequence (lib/services/write-record.ts). A processor feeds its
 * own flags and its parent's (a sub-processor's rules read its parent's agreements), before and after an edit.
 * The review workflow (lib/review/service.ts) writes through the same kind.
 */

// A parent chain longer than this is corrupt data, not a real engagement chain; stop rather than loop.
const MAX_PARENT_DEPTH = 100;

export const processorKind: RecordKind<Processor, Processor> = {
  recordType: "processor",
  label: "processor",
  lock: async (tx, id) => (await tx.select().from(processors).where(eq(processors.id, id)).for("update").limit(1))[0],
  // The audit trail keeps the whole row (point-in-time exports rebuild the register from it).
  expand: async (_tx, row) => row,
  affectedProcessors: (_tx, processor) => [processor.id, processor.parentProcessorId],
  flagSubject: "processor",
  authorize: (_tx, actor, row) => assertMayEdit(actor, row, "processor"),
};

async function assertUnique(tx: Executor, { id, normalizedName, externalId }: { id?: string; normalizedName?: string; externalId?: string | null }) {
  const issues: FieldIssue[] = [];
  const notSelf = id ? ne(processors.id, id) : undefined;
  if (normalizedName !== undefined) {
    const clash = await tx
      .select({ name: processors.name })
      .from(processors)
      .where(and(eq(processors.normalizedName, normalizedName), notSelf))
      .limit(1);
    if (clash[0]) issues.push({ path: "name", message: `another processor already has this name ("${clash[0].name}")` });
  }
  if (externalId) {
    const clash = await tx.select({ id: processors.id }).from(processors).where(and(eq(processors.externalId, externalId), notSelf)).limit(1);
    if (clash[0]) issues.push({ path: "externalId", message: "another processor already has this external id" });
  }
  if (issues.length) throw fieldsError("conflict", issues);
}

/** The parent must exist and must not be the processor itself or one of its sub-processors (no cycles). */
async function assertParent(tx: Executor, { id, parentProcessorId }: { id?: string; parentProcessorId: string }) {
  if (id && parentProcessorId === id) {
    throw fieldsError("validation_failed", [{ path: "parentProcessorId", message: "a processor cannot be its own parent" }]);
  }
  let cursor: string | null = parentProcessorId;
  const seen = new Set<string>();
  for (let depth = 0; cursor !== null; depth++) {
    if (depth > MAX_PARENT_DEPTH || seen.has(cursor)) break;
    seen.add(cursor);
    const row: { parentProcessorId: string | null } | undefined = (
      await tx.select({ parentProcessorId: processors.parentProcessorId }).from(processors).where(eq(processors.id, cursor)).limit(1)
    )[0];
    if (!row) {
      if (depth === 0) throw fieldsError("validation_failed", [{ path: "parentProcessorId", message: "no processor has this id" }]);
      break;
    }
    if (id && row.parentProcessorId === id) {
      throw fieldsError("validation_failed", [{ path: "parentProcessorId", message: "the parent is one of this processor's own sub-processors (a cycle)" }]);
    }
    cursor = row.parentProcessorId;
  }
}

async function assertOwner(tx: Executor, ownerUserId: string) {
  const found = await tx.select({ id: users.id }).from(users).where(eq(users.id, ownerUserId)).limit(1);
  if (!found[0]) throw fieldsError("validation_failed", [{ path: "ownerUserId", message: "no user has this id" }]);
}

/** One processor with its open flags (not resolved: an accepted risk is still shown); undefined when the id is unknown. */
export async function getProcessor({ db, id }: { db: Executor; id: string }) {
  const row = (await db.select().from(processors).where(eq(processors.id, id)).limit(1))[0];
  if (!row) return undefined;
  return { processor: row, flags: await openFlagsOf(db, "processor", id) };
}

/** Registers a processor; whoever creates it, it starts as a draft (its status moves through the review). */
export async function createProcessor({ ctx, input }: ServiceCall) {
  const data = parseInput(createProcessorBody, input);
  const normalizedName = normalizeProcessorName(data.name);
  return createRecord({
    ctx,
    kind: processorKind,
    insert: async (tx) => {
      await assertUnique(tx, { normalizedName, externalId: data.externalId });
      if (data.parentProcessorId) await assertParent(tx, { parentProcessorId: data.parentProcessorId });
      if (data.ownerUserId) await assertOwner(tx, data.ownerUserId);
      const [row] = await tx
        .insert(processors)
        .values({ ...data, normalizedName, status: "draft", createdByUserId: ctx.actor.userId })
        .returning();
      return row!;
    },
  });
}

/** A partial change: fields left out keep their stored values; `changes.version` is the version edited. */
export async function updateProcessor({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  const { version, ...patch } = parseInput(updateProcessorBody, input.changes);
  return updateRecord({
    ctx,
    kind: processorKind,
    id: input.id,
    version,
    change: async (tx, current) => {
      const normalizedName = patch.name !== undefined ? normalizeProcessorName(patch.name) : undefined;
      await assertUnique(tx, { id: current.id, normalizedName, externalId: patch.externalId });
      if (patch.parentProcessorId) await assertParent(tx, { id: current.id, parentProcessorId: patch.parentProcessorId });
      if (patch.ownerUserId) await assertOwner(tx, patch.ownerUserId);
      const [row] = await tx
        .update(processors)
        .set({
          ...patch,
          ...(normalizedName !== undefined ? { normalizedName } : {}),
          version: sql`${processors.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(processors.id, current.id))
        .returning();
      return row!;
    },
  });
}

// Once deleted, the processor has no flags of its own to evaluate: only its parent's findings are re-read.
const deletedProcessorKind: RecordKind<Processor, Processor> = {
  ...processorKind,
  affectedProcessors: (_tx, processor) => [processor.parentProcessorId],
};

/**
 * Deletes a processor that nothing hangs on any more. Its transfers, sub-processors and agreements are records
 * of their own (each with its history), so they must be deleted or moved first: a 409 names them rather than
 * erasing them along. The processor's own flags are resolved, and the audit event keeps its full last state,
 * from which a point-in-time export still shows it as it stood.
 */
export async function deleteProcessor({ ctx, input }: ServiceCall<{ id: string; version: number }>) {
  await deleteRecord({
    ctx,
    kind: deletedProcessorKind,
    id: input.id,
    version: input.version,
    remove: async (tx, current) => {
      const countOf = async (table: typeof transfers | typeof processors | typeof safeguardAgreements, where: SQL) =>
        (await tx.select({ n: count() }).from(table).where(where))[0]?.n ?? 0;
      const dependents = {
        transfers: await countOf(transfers, eq(transfers.processorId, current.id)),
        subProcessors: await countOf(processors, eq(processors.parentProcessorId, current.id)),
        agreements: await countOf(safeguardAgreements, eq(safeguardAgreements.processorId, current.id)),
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
      // Every flag evaluation's lock, held to the end of the transaction, so that none reopens the flags
      // resolved here; the parent's own findings, which do not depend on the child, are re-read after.
      await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.flagEvaluation})`);
      // The subject is gone, so its findings are: resolved here, since the deletion clears flags.processor_id,
      // through which a later scoped evaluation would have found them.
      await tx
        .update(flags)
        .set({ status: "resolved", resolvedAt: new Date(), version: sql`${flags.version} + 1` })
        .where(and(eq(flags.subjectType, "processor"), eq(flags.subjectId, current.id), ne(flags.status, "resolved")));
      await tx.delete(processors).where(eq(processors.id, current.id));
    },
  });
}
