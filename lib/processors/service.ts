import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { listFlagsForSubject } from "@/db/queries/flags";
import { processors, users, type Processor } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { databaseErrorOf, UNIQUE_VIOLATION } from "@/lib/api/database-error";
import { AppError, type FieldIssue } from "@/lib/errors";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import { assertMayEdit, type WritingActor } from "@/lib/records/ownership";
import { createProcessorInput, parseStrictInput, updateProcessorInput } from "@/lib/validation/processor";
import { normalizeProcessorName } from "./normalize-name";

/*
 * Writes of processors, in the pattern of lib/transfers/service.ts: validate, write in one transaction,
 * re-evaluate the flags the change can alter (the processor, and its old and new parent: a sub-processor's
 * rules read its parent's agreements), append the audit event. Routes and actions only adapt.
 */

// A parent chain longer than this is corrupt data, not a real engagement chain; stop rather than loop.
const MAX_PARENT_DEPTH = 100;

/** The field a unique index of the processors table protects, by constraint name. */
const UNIQUE_FIELDS: Record<string, string> = {
  processors_normalized_name_key: "name",
  processors_external_id_key: "externalId",
};

function fieldError(code: "validation_failed" | "conflict", issues: FieldIssue[]): AppError {
  return new AppError(code, issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), { fields: issues });
}

/** A concurrent insert can pass the pre-check and still hit the unique index: answer 409, never 500. */
function asConflict(error: unknown): unknown {
  const cause = databaseErrorOf(error);
  if (cause?.code !== UNIQUE_VIOLATION) return error;
  const field = (cause.constraint && UNIQUE_FIELDS[cause.constraint]) ?? "name";
  return fieldError("conflict", [
    { path: field, message: field === "name" ? "another processor already has this name" : "another processor already has this external id" },
  ]);
}

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
  if (issues.length) throw fieldError("conflict", issues);
}

/** The parent must exist and must not be the processor itself or one of its sub-processors (no cycles). */
async function assertParent(tx: Executor, { id, parentProcessorId }: { id?: string; parentProcessorId: string }) {
  if (id && parentProcessorId === id) {
    throw fieldError("validation_failed", [{ path: "parentProcessorId", message: "a processor cannot be its own parent" }]);
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
      if (depth === 0) throw fieldError("validation_failed", [{ path: "parentProcessorId", message: "no processor has this id" }]);
      break;
    }
    if (id && row.parentProcessorId === id) {
      throw fieldError("validation_failed", [
        { path: "parentProcessorId", message: "the parent is one of this processor's own sub-processors (a cycle)" },
      ]);
    }
    cursor = row.parentProcessorId;
  }
}

async function assertOwner(tx: Executor, ownerUserId: string) {
  const found = await tx.select({ id: users.id }).from(users).where(eq(users.id, ownerUserId)).limit(1);
  if (!found[0]) throw fieldError("validation_failed", [{ path: "ownerUserId", message: "no user has this id" }]);
}

async function openFlagsOf(db: Executor, processorId: string) {
  const flags = await listFlagsForSubject({ db, subjectType: "processor", subjectId: processorId });
  // As for transfers: "open" for the client means not resolved (an accepted risk is still shown).
  return flags.filter((flag) => flag.status !== "resolved");
}

export async function getProcessor({ db, id }: { db: Executor; id: string }): Promise<{ processor: Processor; flags: Awaited<ReturnType<typeof openFlagsOf>> } | undefined> {
  const row = (await db.select().from(processors).where(eq(processors.id, id)).limit(1))[0];
  if (!row) return undefined;
  return { processor: row, flags: await openFlagsOf(db, id) };
}

export async function createProcessor({ db, actor, input, today }: { db: Executor; actor: AuditActor; input: unknown; today: string }) {
  const data = parseStrictInput(createProcessorInput, input);
  const normalizedName = normalizeProcessorName(data.name);
  try {
    return await db.transaction(async (tx) => {
      await assertUnique(tx, { normalizedName, externalId: data.externalId });
      if (data.parentProcessorId) await assertParent(tx, { parentProcessorId: data.parentProcessorId });
      if (data.ownerUserId) await assertOwner(tx, data.ownerUserId);
      const [row] = await tx
        .insert(processors)
        .values({ ...data, normalizedName, status: "draft", createdByUserId: actor.userId })
        .returning();
      const processor = row!;
      await reevaluateFlags({
        db: tx,
        scope: { kind: "processors", processorIds: [processor.id, ...(processor.parentProcessorId ? [processor.parentProcessorId] : [])] },
        today,
      });
      await appendAuditEvent({ db: tx, actor, action: "create", recordType: "processor", recordId: processor.id, after: processor });
      return { processor, flags: await openFlagsOf(tx, processor.id) };
    });
  } catch (error) {
    throw asConflict(error);
  }
}

export async function updateProcessor({
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
  const { version, ...patch } = parseStrictInput(updateProcessorInput, input);
  try {
    return await db.transaction(async (tx) => {
      const current = (await tx.select().from(processors).where(eq(processors.id, id)).for("update").limit(1))[0];
      if (!current) throw new AppError("not_found", `No processor with id ${id}.`);
      assertMayEdit(actor, current, "processor");
      if (current.version !== version) {
        throw new AppError(
          "version_conflict",
          `This processor was changed at ${current.updatedAt.toISOString()} (version ${current.version}); you edited version ${version}. Reload it and apply your change again.`,
          { currentVersion: current.version, updatedAt: current.updatedAt.toISOString() },
        );
      }
      const normalizedName = patch.name !== undefined ? normalizeProcessorName(patch.name) : undefined;
      await assertUnique(tx, { id, normalizedName, externalId: patch.externalId });
      if (patch.parentProcessorId) await assertParent(tx, { id, parentProcessorId: patch.parentProcessorId });
      if (patch.ownerUserId) await assertOwner(tx, patch.ownerUserId);
      const [row] = await tx
        .update(processors)
        .set({
          ...patch,
          ...(normalizedName !== undefined ? { normalizedName } : {}),
          version: sql`${processors.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(processors.id, id), eq(processors.version, version)))
        .returning();
      const updated = row!;
      const affected = [id, current.parentProcessorId, updated.parentProcessorId].filter((value): value is string => value !== null);
      await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: [...new Set(affected)] }, today });
      await appendAuditEvent({ db: tx, actor, action: "update", recordType: "processor", recordId: id, before: current, after: updated });
      return { processor: updated, flags: await openFlagsOf(tx, id) };
    });
  } catch (error) {
    throw asConflict(error);
  }
}
