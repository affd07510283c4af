import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataCategories, entities, processingActivities, processors, transferDataCategories, transfers, type Entity, type Processor, type Transfer } from "@/db/schema";
import { normalizeProcessorName } from "@/lib/processors/normalize-name";
import { editRefusal, statusRefusal, type WritingActor } from "@/lib/records/ownership";
import type { ServiceCall } from "@/lib/services/context";
import { transferClaimIssues } from "@/lib/api/contracts/transfers";
import { IMPORT_KINDS, type ImportKind, type ImportProblem, type ImportRows } from "./columns";
import {
  PROCESSOR_KEYS,
  ProblemLog,
  type CheckedEntity,
  type CheckedProcessor,
  type CheckedTransfer,
  type EntityRowData,
  type ProcessorRowData,
  type TransferRowData,
} from "./rows";

export { MAX_REPORTED_PROBLEMS } from "./rows";

/*
 * The dry run, also re-run by the commit inside its transaction: each row was checked on its own with the API's
 * own zod schemas as the file was read (./rows.ts); here the rows are checked together (duplicates within the
 * file), references are resolved in bulk (one query per referenced table), and each row is classified as create,
 * update or unchanged against the register.
 */

/** The entity fields an import writes: all of them (an entity has no status or owner). */
const ENTITY_KEYS = ["name", "legalName", "country", "role", "address", "phone", "dpoContact", "representativeContact", "ukRepresentativeContact", "ciio"] as const;

/** Entities describe the organisation: the DPO's (and the system's) to write, as through the API (lib/entities/service.ts). */
function entityRefusal(actor: WritingActor): string | null {
  return actor.kind === "system" || actor.role === "dpo" ? null : "Only the DPO can change the organisation's entities; leave this row out or ask the DPO.";
}

export type PlanAction = "create" | "update" | "unchanged";

export interface PlannedEntity {
  row: number;
  data: EntityRowData;
  existing: Entity | null;
  action: PlanAction;
}

export interface PlannedProcessor {
  row: number;
  data: ProcessorRowData;
  normalizedName: string;
  existing: Processor | null;
  action: PlanAction;
}

export interface PlannedTransfer {
  row: number;
  fields: Omit<TransferRowData, "dataCategories"> & { activityId: string };
  /** The exporter: an entity in the register, or the index of an entity row of this file still to be created. */
  exporter: { id: string } | { fileIndex: number };
  dataCategories: string[];
  /** The recipient: an id in the register, or the index of a processor row of this file still to be created. */
  processor: { id: string } | { fileIndex: number };
  existing: (Transfer & { dataCategories: string[] }) | null;
  action: PlanAction;
}

export interface PlanCounts {
  create: number;
  update: number;
  unchanged: number;
}

export interface ImportPlanSummary extends PlanCounts {
  bySheet: Record<ImportKind, PlanCounts>;
}

export interface ImportValidation {
  valid: boolean;
  /** The first MAX_REPORTED_PROBLEMS problems, by sheet and row. */
  problems: ImportProblem[];
  /** Every problem found, reported or not. */
  problemCount: number;
  plan: ImportPlanSummary;
}

export interface DetailedPlan extends ImportValidation {
  entities: PlannedEntity[];
  processors: PlannedProcessor[];
  transfers: PlannedTransfer[];
}

// PostgreSQL allows 65,535 bind parameters per statement; stay far below.
const LOOKUP_CHUNK = 5000;

async function inChunks<T>(values: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (let start = 0; start < unique.length; start += LOOKUP_CHUNK) out.push(...(await query(unique.slice(start, start + LOOKUP_CHUNK))));
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => value === b[index]);
  return (a ?? null) === (b ?? null);
}

function counts(actions: PlanAction[]): PlanCounts {
  return {
    create: actions.filter((a) => a === "create").length,
    update: actions.filter((a) => a === "update").length,
    unchanged: actions.filter((a) => a === "unchanged").length,
  };
}

/**
 * `actor`: who imports. An engineer's file may create drafts and change only their own drafts, as through the
 * API (lib/records/ownership.ts); a row that would change someone else's or an approved record is a problem of
 * that row, reported like any other. Only the system actor (CLI, bench) is trusted with every row. `today`
 * is the service's: a transfer's PIPIA date may not be after it, as through the API.
 */
export async function planImport({ db, rows, actor, today }: { db: Executor; rows: ImportRows; actor: WritingActor; today: string }): Promise<DetailedPlan> {
  // The problems found while reading the file, continued (the same rows may be planned again by a commit).
  const log = new ProblemLog(rows);
  const report = (sheet: ImportKind, row: number, column: string, message: string) => log.report(sheet, row, column, message);

  // --- 1. The rows their own checks took (./rows.ts); a transfer's claims need the service's date.
  type Kept<T> = { row: number } & T;
  const entityRows: Kept<CheckedEntity>[] = rows.entities.flatMap(({ row, checked }) => (checked ? [{ row, ...checked }] : []));
  const processorRows: Kept<CheckedProcessor>[] = rows.processors.flatMap(({ row, checked }) => (checked ? [{ row, ...checked }] : []));
  const transferRows: Kept<CheckedTransfer>[] = [];
  for (const { row, checked } of rows.transfers) {
    if (!checked) continue;
    // What holds only together, as the API checks it: an exemption with its justification, no future PIPIA.
    const claims = transferClaimIssues(checked.data, today);
    for (const issue of claims) report("transfers", row, issue.path, issue.message);
    if (checked.rejected || claims.length) continue;
    transferRows.push({ row, ...checked });
  }

  // --- 2. Duplicates within the file.
  // Entity names are unique as written (the register's unique index): a transfer's exporterName matches exactly.
  // Name → index in keptEntities (which becomes the index of plannedEntities: same order).
  const fileEntityByName = new Map<string, number>();
  const keptEntities: typeof entityRows = [];
  for (const entry of entityRows) {
    const first = fileEntityByName.get(entry.data.name);
    if (first !== undefined) {
      report("entities", entry.row, "name", `duplicates the entity of row ${keptEntities[first]!.row}`);
      continue;
    }
    fileEntityByName.set(entry.data.name, keptEntities.length);
    keptEntities.push(entry);
  }

  // Maps to indexes of keptProcessors, which become indexes of plannedProcessors (same order).
  const fileProcessorByExt = new Map<string, number>();
  const fileProcessorByName = new Map<string, number>();
  const keptProcessors: typeof processorRows = [];
  for (const entry of processorRows) {
    const { row, data, normalizedName } = entry;
    const byName = fileProcessorByName.get(normalizedName);
    const byExt = data.externalId ? fileProcessorByExt.get(data.externalId) : undefined;
    if (byName !== undefined) report("processors", row, "name", `duplicates the processor of row ${keptProcessors[byName]!.row} (same normalised name)`);
    if (byExt !== undefined) report("processors", row, "externalId", `duplicates the externalId of row ${keptProcessors[byExt]!.row}`);
    if (byName !== undefined || byExt !== undefined) continue;
    fileProcessorByName.set(normalizedName, keptProcessors.length);
    if (data.externalId) fileProcessorByExt.set(data.externalId, keptProcessors.length);
    keptProcessors.push(entry);
  }

  const seenTransferExt = new Map<string, number>();
  const keptTransfers = transferRows.filter(({ row, data }) => {
    const first = seenTransferExt.get(data.externalId!);
    if (first !== undefined) {
      report("transfers", row, "externalId", `duplicates the externalId of row ${first}`);
      return false;
    }
    seenTransferExt.set(data.externalId!, row);
    return true;
  });

  // --- 3. The register, in bulk: one query per referenced table (chunked for very large files).
  const wantedProcessorExt = [
    ...keptProcessors.flatMap((p) => (p.data.externalId ? [p.data.externalId] : [])),
    ...keptTransfers.flatMap((t) => (t.references.processorExternalId ? [t.references.processorExternalId] : [])),
  ];
  const wantedProcessorNames = [
    ...keptProcessors.map((p) => p.normalizedName),
    ...keptTransfers.flatMap((t) => (!t.references.processorExternalId && t.references.processorName ? [normalizeProcessorName(t.references.processorName)] : [])),
  ];
  const existingProcessors = [
    ...(await inChunks(wantedProcessorExt, (chunk) => db.select().from(processors).where(inArray(processors.externalId, chunk)))),
    ...(await inChunks(wantedProcessorNames, (chunk) => db.select().from(processors).where(inArray(processors.normalizedName, chunk)))),
  ];
  const registerByExt = new Map(existingProcessors.flatMap((p) => (p.externalId ? [[p.externalId, p] as const] : [])));
  const registerByName = new Map(existingProcessors.map((p) => [p.normalizedName, p] as const));
  const registerById = new Map(existingProcessors.map((p) => [p.id, p] as const));

  const activityNames = keptTransfers.map((t) => t.references.activityName);
  const activityIds = new Map(
    (await inChunks(activityNames, (chunk) => db.select({ id: processingActivities.id, name: processingActivities.name }).from(processingActivities).where(inArray(processingActivities.name, chunk)))).map(
      (a) => [a.name, a.id] as const,
    ),
  );
  const entityNames = [...keptEntities.map((e) => e.data.name), ...keptTransfers.map((t) => t.references.exporterName)];
  const registerEntityByName = new Map(
    (await inChunks(entityNames, (chunk) => db.select().from(entities).where(inArray(entities.name, chunk)))).map((e) => [e.name, e] as const),
  );
  const categoryKeys = keptTransfers.flatMap((t) => t.data.dataCategories);
  const knownCategories = new Set(
    (await inChunks(categoryKeys, (chunk) => db.select({ key: dataCategories.key }).from(dataCategories).where(inArray(dataCategories.key, chunk)))).map((c) => c.key),
  );
  const transferExts = keptTransfers.map((t) => t.data.externalId!);
  const existingTransfers = await inChunks(transferExts, (chunk) => db.select().from(transfers).where(inArray(transfers.externalId, chunk)));
  const existingCategories = new Map<string, string[]>();
  for (const link of await inChunks(
    existingTransfers.map((t) => t.id),
    (chunk) => db.select().from(transferDataCategories).where(inArray(transferDataCategories.transferId, chunk)),
  )) {
    const list = existingCategories.get(link.transferId) ?? [];
    list.push(link.categoryKey);
    existingCategories.set(link.transferId, list);
  }
  const registerTransferByExt = new Map(existingTransfers.map((t) => [t.externalId!, t] as const));

  // --- 4. Entities: match against the register by name, classify; only the DPO changes them.
  const plannedEntities: PlannedEntity[] = keptEntities.map(({ row, data }) => {
    const existing = registerEntityByName.get(data.name) ?? null;
    const action: PlanAction = !existing ? "create" : ENTITY_KEYS.every((key) => sameValue(data[key], existing[key])) ? "unchanged" : "update";
    const refusal = action === "unchanged" ? null : entityRefusal(actor);
    if (refusal) report("entities", row, "name", refusal);
    return { row, data, existing, action };
  });

  // --- 5. Processors: match against the register, classify.
  const plannedProcessors: PlannedProcessor[] = [];
  for (const { row, data, normalizedName } of keptProcessors) {
    const byExt = data.externalId ? registerByExt.get(data.externalId) : undefined;
    const byName = registerByName.get(normalizedName);
    let existing: Processor | null = null;
    if (byExt) {
      if (byName && byName.id !== byExt.id) {
        report("processors", row, "name", `another processor already has this name ("${byName.name}")`);
      }
      existing = byExt;
    } else if (byName) {
      if (data.externalId && byName.externalId && byName.externalId !== data.externalId) {
        report("processors", row, "externalId", `a processor with this name exists with the external id "${byName.externalId}"`);
      }
      existing = byName;
    }
    // An empty externalId in the file keeps the one the register has: the file matched by name.
    const merged: ProcessorRowData = { ...data, externalId: data.externalId ?? existing?.externalId ?? null };
    const action: PlanAction = !existing ? "create" : PROCESSOR_KEYS.every((key) => sameValue(merged[key], existing[key])) ? "unchanged" : "update";
    const refusal = action === "update" ? editRefusal(actor, existing!, "processor") : null;
    if (refusal) report("processors", row, "name", refusal);
    plannedProcessors.push({ row, data: merged, normalizedName, existing, action });
  }

  // --- 6. Transfers: resolve references (this file first, then the register), classify.
  const plannedTransfers: PlannedTransfer[] = [];
  for (const { row, data, references } of keptTransfers) {
    let processor: PlannedTransfer["processor"] | null = null;
    const ext = references.processorExternalId;
    if (ext) {
      const fileIndex = fileProcessorByExt.get(ext);
      const inRegister = registerByExt.get(ext);
      if (fileIndex !== undefined) processor = { fileIndex };
      else if (inRegister) processor = { id: inRegister.id };
      else report("transfers", row, "processorExternalId", `no processor has the external id "${ext}" (in this file or the register)`);
    } else {
      const name = references.processorName;
      const normalized = normalizeProcessorName(name);
      const fileIndex = fileProcessorByName.get(normalized);
      const inRegister = registerByName.get(normalized);
      if (fileIndex !== undefined) processor = { fileIndex };
      else if (inRegister) processor = { id: inRegister.id };
      else report("transfers", row, "processorName", `no processor is named "${name}" (in this file or the register)`);
    }
    if (processor && "fileIndex" in processor) {
      const planned = plannedProcessors[processor.fileIndex];
      if (planned?.existing) processor = { id: planned.existing.id };
    }
    const activityId = activityIds.get(references.activityName);
    if (!activityId) report("transfers", row, "activityName", `no processing activity is named "${references.activityName}"`);
    const exporterName = references.exporterName;
    const exporterFileIndex = fileEntityByName.get(exporterName);
    const exporterInRegister = registerEntityByName.get(exporterName);
    const exporter: PlannedTransfer["exporter"] | null = exporterInRegister
      ? { id: exporterInRegister.id }
      : exporterFileIndex !== undefined
        ? { fileIndex: exporterFileIndex }
        : null;
    if (!exporter) report("transfers", row, "exporterName", `no entity is named "${exporterName}" (in this file or the register)`);
    const unknown = data.dataCategories.filter((key) => !knownCategories.has(key));
    if (unknown.length) report("transfers", row, "dataCategories", `unknown data ${unknown.length === 1 ? "category" : "categories"} ${unknown.map((k) => `"${k}"`).join(", ")}`);
    const statusProblem = statusRefusal(actor, data.status, "transfer");
    if (statusProblem) report("transfers", row, "status", statusProblem);
    const ok = processor !== null && !!activityId && exporter !== null && unknown.length === 0;
    if (!ok) continue;

    const { dataCategories: keys, ...rest } = data;
    const categories = [...new Set(keys)].sort();
    const fields = { ...rest, activityId: activityId! };
    const found = registerTransferByExt.get(data.externalId!);
    const existing = found ? { ...found, dataCategories: (existingCategories.get(found.id) ?? []).sort() } : null;
    let action: PlanAction = "create";
    if (existing) {
      const same =
        "id" in processor! &&
        processor.id === existing.processorId &&
        "id" in exporter! &&
        exporter.id === existing.exporterEntityId &&
        (Object.keys(fields) as (keyof typeof fields)[]).every((key) => sameValue(fields[key], existing[key])) &&
        sameValue(categories, existing.dataCategories);
      action = same ? "unchanged" : "update";
    }
    if (action !== "unchanged") {
      // Writing a transfer changes its processor's part of the register: the same right as editing that processor.
      const recipient = "id" in processor! ? registerById.get(processor.id) : undefined;
      const refusal =
        (existing && action === "update" ? editRefusal(actor, existing, "transfer") : null) ??
        (recipient ? editRefusal(actor, recipient, "processor") : null);
      if (refusal) report("transfers", row, ext ? "processorExternalId" : existing ? "externalId" : "processorName", refusal);
    }
    plannedTransfers.push({ row, fields, exporter: exporter!, dataCategories: categories, processor: processor!, existing, action });
  }

  const problems = log.problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : IMPORT_KINDS.indexOf(a.sheet) - IMPORT_KINDS.indexOf(b.sheet)));
  const entityCounts = counts(plannedEntities.map((e) => e.action));
  const processorCounts = counts(plannedProcessors.map((p) => p.action));
  const transferCounts = counts(plannedTransfers.map((t) => t.action));
  const sheets = [entityCounts, processorCounts, transferCounts];
  return {
    valid: log.count === 0,
    problems,
    problemCount: log.count,
    plan: {
      create: sheets.reduce((sum, sheet) => sum + sheet.create, 0),
      update: sheets.reduce((sum, sheet) => sum + sheet.update, 0),
      unchanged: sheets.reduce((sum, sheet) => sum + sheet.unchanged, 0),
      bySheet: { entities: entityCounts, processors: processorCounts, transfers: transferCounts },
    },
    entities: plannedEntities,
    processors: plannedProcessors,
    transfers: plannedTransfers,
  };
}

/** The dry run: every problem by sheet, row and column, and what a commit would do. Writes nothing. */
export async function validateImport({ ctx, input: { file } }: ServiceCall<{ file: ImportRows }>): Promise<ImportValidation> {
  const { valid, problems, problemCount, plan } = await planImport({ db: ctx.db, rows: file, actor: ctx.actor, today: ctx.today });
  return { valid, problems, problemCount, plan };
}
