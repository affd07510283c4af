import "server-only";
import { eq, sql } from "drizzle-orm";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";
import type { Executor } from "@/db/client";
import { processorsOfEntity } from "@/db/queries/entities";
import { entities, processors, transferDataCategories, transfers } from "@/db/schema";
import { databaseErrorOf, UNIQUE_VIOLATION } from "@/lib/api/database-error";
import { appendAuditEvent, appendAuditEvents, type AuditEventInput } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import type { ServiceCall } from "@/lib/services/context";
import type { ImportProblem, ImportRows } from "./columns";
import { planImport, type PlanCounts } from "./validate";

/*
 * The commit of an import: one transaction that re-validates against the register as it is now, writes
 * nothing if any row has a problem, and otherwise upserts in multi-row statements (the per-record service
 * functions would re-evaluate flags and chain an audit event per row: far too slow for 10,000 rows). Flags
 * are re-evaluated once for every touched processor; the audit trail gets one "import" event with the counts,
 * followed by one create/update event per record, hashed into the chain in one batch.
 */

const INSERT_CHUNK = 500;

export interface ImportCommitResult {
  created: number;
  updated: number;
  unchanged: number;
  bySheet: { entities: PlanCounts; processors: PlanCounts; transfers: PlanCounts };
}

/** Every problem as a field of one 422: path "processors[12].country" (12 = spreadsheet row). */
export function importProblemsError(problems: ImportProblem[], problemCount = problems.length): AppError {
  const fields = problems.map((p) => ({ path: `${p.sheet}[${p.row}].${p.column}`, message: p.message }));
  const shown = fields.slice(0, 5).map((f) => `${f.path}: ${f.message}`);
  const more = problemCount > shown.length ? `; and ${problemCount - shown.length} more` : "";
  return new AppError(
    "validation_failed",
    `${problemCount} ${problemCount === 1 ? "problem" : "problems"} in the file; nothing was imported. ${shown.join("; ")}${more}`,
    { fields, problems, problemCount },
  );
}

function chunks<T>(items: readonly T[], size = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

type RecordEvent = AuditEventInput & { action: "create" | "update"; recordType: "entity" | "processor" | "transfer"; recordId: string };

/**
 * Commits a file as `ctx.actor`: a user's rows are refused row by row where that user may not write
 * (lib/records/ownership.ts), the CLI and the bench import as the system.
 */
export async function commitImport({ ctx, input: { file } }: ServiceCall<{ file: ImportRows }>): Promise<ImportCommitResult> {
  const { actor, today } = ctx;
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.import})`);
      const plan = await planImport({ db: tx, rows: file, actor, today });
      if (!plan.valid) throw importProblemsError(plan.problems, plan.problemCount);

      const now = new Date();
      const events: RecordEvent[] = [];
      const touched = new Set<string>();

      // Entities first: transfers of this file may name one of them as their exporter.
      const entityIds: (string | undefined)[] = plan.entities.map((e) => e.existing?.id);
      const newEntities = plan.entities.map((e, index) => ({ e, index })).filter(({ e }) => e.action === "create");
      for (const chunk of chunks(newEntities)) {
        const inserted = await tx
          .insert(entities)
          .values(chunk.map(({ e }) => e.data))
          .returning();
        inserted.forEach((row, i) => {
          entityIds[chunk[i]!.index] = row.id;
          events.push({ action: "create", recordType: "entity", recordId: row.id, before: null, after: row });
        });
      }
      for (const e of plan.entities) {
        if (e.action !== "update" || !e.existing) continue;
        const [row] = await tx
          .update(entities)
          .set({ ...e.data, version: sql`${entities.version} + 1`, updatedAt: now })
          .where(eq(entities.id, e.existing.id))
          .returning();
        // The exporter's country feeds the rules of its transfers.
        for (const processorId of await processorsOfEntity({ db: tx, entityId: e.existing.id })) touched.add(processorId);
        events.push({ action: "update", recordType: "entity", recordId: e.existing.id, before: e.existing, after: row });
      }
      const exporterIdOf = (ref: { id: string } | { fileIndex: number }) => ("id" in ref ? ref.id : entityIds[ref.fileIndex]!);

      // Processors: new ones as drafts (as createProcessor does), changed ones with their version bumped.
      const processorIds: (string | undefined)[] = plan.processors.map((p) => p.existing?.id);
      const toCreate = plan.processors.map((p, index) => ({ p, index })).filter(({ p }) => p.action === "create");
      for (const chunk of chunks(toCreate)) {
        const inserted = await tx
          .insert(processors)
          .values(chunk.map(({ p }) => ({ ...p.data, normalizedName: p.normalizedName, status: "draft" as const, createdByUserId: actor.userId })))
          .returning();
        inserted.forEach((row, i) => {
          processorIds[chunk[i]!.index] = row.id;
          touched.add(row.id);
          events.push({ action: "create", recordType: "processor", recordId: row.id, before: null, after: row });
        });
      }
      for (const p of plan.processors) {
        if (p.action !== "update" || !p.existing) continue;
        const [row] = await tx
          .update(processors)
          .set({ ...p.data, normalizedName: p.normalizedName, version: sql`${processors.version} + 1`, updatedAt: now })
          .where(eq(processors.id, p.existing.id))
          .returning();
        touched.add(p.existing.id);
        events.push({ action: "update", recordType: "processor", recordId: p.existing.id, before: p.existing, after: row });
      }

      const processorIdOf = (ref: { id: string } | { fileIndex: number }) => ("id" in ref ? ref.id : processorIds[ref.fileIndex]!);

      // Transfers.
      const newTransfers = plan.transfers.filter((t) => t.action === "create");
      for (const chunk of chunks(newTransfers)) {
        const inserted = await tx
          .insert(transfers)
          .values(chunk.map((t) => ({ ...t.fields, exporterEntityId: exporterIdOf(t.exporter), processorId: processorIdOf(t.processor), createdByUserId: actor.userId })))
          .returning();
        const links = inserted.flatMap((row, i) => chunk[i]!.dataCategories.map((categoryKey) => ({ transferId: row.id, categoryKey })));
        for (const linkChunk of chunks(links, 2000)) await tx.insert(transferDataCategories).values(linkChunk);
        inserted.forEach((row, i) => {
          touched.add(row.processorId);
          events.push({ action: "create", recordType: "transfer", recordId: row.id, before: null, after: { ...row, dataCategories: chunk[i]!.dataCategories } });
        });
      }
      for (const t of plan.transfers) {
        if (t.action !== "update" || !t.existing) continue;
        const id = t.existing.id;
        const [row] = await tx
          .update(transfers)
          .set({ ...t.fields, exporterEntityId: exporterIdOf(t.exporter), processorId: processorIdOf(t.processor), version: sql`${transfers.version} + 1`, updatedAt: now })
          .where(eq(transfers.id, id))
          .returning();
        if (t.dataCategories.join("\n") !== t.existing.dataCategories.join("\n")) {
          await tx.delete(transferDataCategories).where(eq(transferDataCategories.transferId, id));
          if (t.dataCategories.length) await tx.insert(transferDataCategories).values(t.dataCategories.map((categoryKey) => ({ transferId: id, categoryKey })));
        }
        touched.add(t.existing.processorId);
        touched.add(row!.processorId);
        events.push({ action: "update", recordType: "transfer", recordId: id, before: t.existing, after: { ...row, dataCategories: t.dataCategories } });
      }

      if (touched.size) await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: [...touched] }, today });

      const { entities: e, processors: p, transfers: t } = plan.plan.bySheet;
      const result: ImportCommitResult = {
        created: plan.plan.create,
        updated: plan.plan.update,
        unchanged: plan.plan.unchanged,
        bySheet: { entities: e, processors: p, transfers: t },
      };
      await appendAuditEvent({ db: tx, actor, action: "import", recordType: "import", recordId: null, after: { ...result.bySheet, created: result.created, updated: result.updated, unchanged: result.unchanged }, at: now });
      await appendAuditEvents({ db: tx, actor, events, at: now });
      return result;
    });
  } catch (error) {
    const cause = databaseErrorOf(error);
    if (cause?.code === UNIQUE_VIOLATION) {
      throw new AppError("conflict", "Another change created a record with the same name or external id while the file was imported; nothing was imported. Run the import again.");
    }
    throw error;
  }
}
