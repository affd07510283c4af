import "server-only";
import type { Executor } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { listFlagsForSubject } from "@/db/queries/flags";
import type { Flag, FlagSubjectType } from "@/db/schema";
import type { ServiceActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { reevaluateFlags } from "@/lib/flags/evaluation";
import { conflictMessage, formatChangedAt } from "./conflict";
import type { ServiceContext } from "./context";

/*
 * The write sequence of every record, written once: in one transaction, lock the row, check the version the
 * client edited (a conflict names who changed it and when), check that this actor may write it, apply the
 * change, re-evaluate the flags of exactly the processors it can affect, append the audit event (before and
 * after), and answer the record with its open flags. Each resource describes itself once (a RecordKind) and
 * its service passes only what differs: how to insert, change or delete.
 */

export interface VersionedRow {
  id: string;
  version: number;
  updatedAt: Date;
}

export interface RecordKind<Row extends VersionedRow, Full> {
  /** As the audit trail names it: "transfer", "processor", "agreement", "activity"… */
  recordType: string;
  /** As messages name it: "transfer", "processing activity"… */
  label: string;
  /** Reads the row and locks it (SELECT … FOR UPDATE) until the transaction ends. */
  lock(tx: Executor, id: string): Promise<Row | undefined>;
  /** The record as answered and audited: the row with its child lists (categories, covered transfers…). */
  expand(tx: Executor, row: Row): Promise<Full>;
  /** Processors whose flags this state of the record feeds (called on the state before and after). */
  affectedProcessors(tx: Executor, record: Full): Promise<readonly (string | null)[]> | readonly (string | null)[];
  /**
   * Instead of `affectedProcessors` on each state, when what a write can move depends on what it changed: the
   * processors a change from `before` to `after` (null for a create or a delete) can move, asked once the
   * database holds the state after it. A transfer's PIPL counts reach its exporter's other recipients only
   * when the change moves a threshold (lib/flags/pipl-reach.ts).
   */
  affectedProcessorsOfChange?(tx: Executor, change: { before: Full | null; after: Full | null; today: string }): Promise<readonly (string | null)[]>;
  /** Whose flags the answer carries: the record's own, when rules flag this kind of record. */
  flagSubject?: FlagSubjectType;
  /** Throws `forbidden` unless the actor may change or delete this existing record. */
  authorize(tx: Executor, actor: ServiceActor, row: Row): Promise<void> | void;
}

/** A flag as a client sees it: without the engine's fingerprint (its change detector, not information). */
export type OpenFlag = Omit<Flag, "fingerprint">;

export interface WriteResult<Full> {
  record: Full;
  /** The record's flags that are not resolved (open or accepted), worst first. */
  flags: OpenFlag[];
}

/** The record's flags that are not resolved: what "open" means to a client (an accepted risk is still shown). */
export async function openFlagsOf(db: Executor, subjectType: FlagSubjectType | undefined, subjectId: string): Promise<OpenFlag[]> {
  if (!subjectType) return [];
  const flags = await listFlagsForSubject({ db, subjectType, subjectId });
  return flags.filter((flag) => flag.status !== "resolved").map(({ fingerprint: _changeDetector, ...flag }) => flag);
}

/**
 * Each kind names every processor its write can move, its exporters' PIPL recipients included where they
 * matter (a transfer, a category): the re-evaluation adds none of its own (`withMainlandExportRecipients`).
 */
async function reevaluate(tx: Executor, today: string, processorIds: readonly (string | null)[]) {
  const ids = [...new Set(processorIds.filter((id): id is string => id !== null))];
  if (ids.length) {
    await reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: ids, withMainlandExportRecipients: false }, today });
  }
}

/** The 409 of a stale version, naming who saved last and when (the record's latest audit event). */
async function versionConflict(tx: Executor, kind: { recordType: string; label: string }, current: VersionedRow, edited: number): Promise<AppError> {
  const [latest] = await listRecordHistory({ db: tx, recordType: kind.recordType, recordId: current.id, limit: 1 });
  const details = { currentVersion: current.version, updatedAt: current.updatedAt.toISOString() };
  if (!latest) {
    return new AppError(
      "version_conflict",
      `This ${kind.label} was changed at ${formatChangedAt(current.updatedAt)} (version ${current.version}); you edited version ${edited}. Reload it and apply your change again.`,
      details,
    );
  }
  return new AppError(
    "version_conflict",
    conflictMessage({ what: kind.label, changedBy: latest.actorLabel, changedAt: latest.occurredAt }),
    { ...details, changedBy: latest.actorLabel, changedAt: latest.occurredAt.toISOString() },
  );
}

/** Locks the record, checks its version and the actor's right to write it: the common start of an update or a delete. */
async function lockForWrite<Row extends VersionedRow, Full>(tx: Executor, ctx: ServiceContext, kind: RecordKind<Row, Full>, id: string, version: number) {
  const current = await kind.lock(tx, id);
  if (!current) throw notFound(kind.label, id);
  if (current.version !== version) throw await versionConflict(tx, kind, current, version);
  await kind.authorize(tx, ctx.actor, current);
  return current;
}

/**
 * Creates a record. `insert` checks what it needs (references, uniqueness, the actor's right to write under its
 * parent) and inserts the row with its children.
 */
export async function createRecord<Row extends VersionedRow, Full>({
  ctx,
  kind,
  insert,
}: {
  ctx: ServiceContext;
  kind: RecordKind<Row, Full>;
  insert: (tx: Executor) => Promise<Row>;
}): Promise<WriteResult<Full>> {
  return ctx.db.transaction(async (tx) => {
    const row = await insert(tx);
    const record = await kind.expand(tx, row);
    const affected = kind.affectedProcessorsOfChange
      ? await kind.affectedProcessorsOfChange(tx, { before: null, after: record, today: ctx.today })
      : await kind.affectedProcessors(tx, record);
    await reevaluate(tx, ctx.today, affected);
    await appendAuditEvent({ db: tx, actor: ctx.actor, action: "create", recordType: kind.recordType, recordId: row.id, after: record });
    return { record, flags: await openFlagsOf(tx, kind.flagSubject, row.id) };
  });
}

/**
 * Changes a record at the version the client edited. `change` receives the locked current row (already
 * authorised) and returns the updated row; bumping `version` and `updatedAt` is its job, so that it can set
 * them in the same UPDATE. `action` names the audit event ("update", "approve"…).
 */
export async function updateRecord<Row extends VersionedRow, Full>({
  ctx,
  kind,
  id,
  version,
  change,
  action = "update",
}: {
  ctx: ServiceContext;
  kind: RecordKind<Row, Full>;
  id: string;
  version: number;
  change: (tx: Executor, current: Row) => Promise<Row>;
  action?: string;
}): Promise<WriteResult<Full>> {
  return ctx.db.transaction(async (tx) => {
    const current = await lockForWrite(tx, ctx, kind, id, version);
    const before = await kind.expand(tx, current);
    const updated = await change(tx, current);
    const record = await kind.expand(tx, updated);
    const affected = kind.affectedProcessorsOfChange
      ? await kind.affectedProcessorsOfChange(tx, { before, after: record, today: ctx.today })
      : [...(await kind.affectedProcessors(tx, before)), ...(await kind.affectedProcessors(tx, record))];
    await reevaluate(tx, ctx.today, affected);
    await appendAuditEvent({ db: tx, actor: ctx.actor, action, recordType: kind.recordType, recordId: id, before, after: record });
    return { record, flags: await openFlagsOf(tx, kind.flagSubject, id) };
  });
}

/**
 * Deletes a record at the version the client saw. `remove` refuses when others depend on it (a 409 naming
 * them) and deletes the row; the audit event keeps the full last state for point-in-time exports.
 */
export async function deleteRecord<Row extends VersionedRow, Full>({
  ctx,
  kind,
  id,
  version,
  remove,
}: {
  ctx: ServiceContext;
  kind: RecordKind<Row, Full>;
  id: string;
  version: number;
  remove: (tx: Executor, current: Row) => Promise<void>;
}): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await lockForWrite(tx, ctx, kind, id, version);
    const before = await kind.expand(tx, current);
    // Which processors the record fed is read before it goes (an activity's transfers, say), unless the kind
    // asks about the change itself, once it is made.
    const ofChange = kind.affectedProcessorsOfChange?.bind(kind);
    const affectedBefore = ofChange ? [] : await kind.affectedProcessors(tx, before);
    await remove(tx, current);
    await reevaluate(tx, ctx.today, ofChange ? await ofChange(tx, { before, after: null, today: ctx.today }) : affectedBefore);
    await appendAuditEvent({ db: tx, actor: ctx.actor, action: "delete", recordType: kind.recordType, recordId: id, before, after: null });
  });
}
