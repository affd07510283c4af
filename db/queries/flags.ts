import "server-only";
import { and, asc, desc, eq, getTableColumns, ilike, inArray, isNotNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { flagInPopulation, type Population } from "./population";
import { readsPacked, rowsOf } from "./register";
import {
  flagComments,
  flags,
  processingActivities,
  processors,
  safeguardAgreements,
  transfers,
  users,
  type FlagStatus,
  type FlagSubjectType,
  type FlagWorkStatus,
  type Severity,
} from "../schema";
/** The columns of a stored flag the lifecycle compares with a fresh finding. */
export interface StoredFlagColumns {
  id: string;
  ruleId: string;
  subjectType: FlagSubjectType;
  subjectId: string;
  fingerprint: string;
  status: FlagStatus;
}

/** What was accepted, for the accepted flags only: few rows, sent as they are. */
export interface FlagAcceptance {
  id: string;
  acceptedUntil: string | null;
  acceptedSeverity: Severity | null;
  acceptedFacts: Record<string, unknown> | null;
}

/** The stored flags as one text value (parsed by lib/flags/packed-flags.ts) and the acceptances. */
export interface PackedFlags {
  /** "id<TAB>rule id<TAB>subject type<TAB>subject id<TAB>fingerprint<TAB>status" lines; ids, rule ids, enums and base64 hold no tab or newline. */
  text: string | null;
  acceptances: FlagAcceptance[];
}

/**
 * Every flag (any status) of the given processors' subjects, or of the whole register: packed text on PGlite
 * (see readsPacked), rows on PostgreSQL. lib/flags/stored-flags.ts maps either to the lifecycle's StoredFlag.
 */
export async function listStoredFlagRows({
  db,
  processorIds,
}: {
  db: Executor;
  processorIds: readonly string[] | null;
}): Promise<{ packed: PackedFlags; rows?: undefined } | { packed?: undefined; rows: StoredFlagColumns[]; acceptances: FlagAcceptance[] }> {
  if (processorIds !== null && processorIds.length === 0) return { rows: [], acceptances: [] };
  const scope = flagScope(processorIds);
  // Raw SQL and hand mappings: a full pass reads every flag, and the ORM's per-field mapping costs more than
  // the query. The large read comes first: evaluation.ts sends it before running the rules.
  if (readsPacked(db)) return { packed: await readPackedFlags(db, scope) };
  const current = rowsOf<RawStoredFlag>(
    await db.execute(sql`select id, rule_id, subject_type, subject_id, fingerprint, status from flags where ${scope}`),
  );
  return {
    rows: current.map((row) => ({
      id: row.id,
      ruleId: row.rule_id,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      fingerprint: row.fingerprint,
      status: row.status,
    })),
    acceptances: await readAcceptances(db, scope),
  };
}

/** Every stored flag as packed text, on either database: what the full re-evaluation hands to its worker. */
export async function listStoredFlagsPacked({ db }: { db: Executor }): Promise<PackedFlags> {
  return readPackedFlags(db, flagScope(null));
}

function flagScope(processorIds: readonly string[] | null): SQL {
  // The notice's findings (notice.*) have their own pass (lib/notices/evaluation.ts): the register's neither plans nor resolves them.
  const registerRules = sql`rule_id not like 'notice.%'`;
  return processorIds === null
    ? registerRules
    : sql`${registerRules} and processor_id in (${sql.join(processorIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
}

/**
 * The flags as one text value, a line per flag (see PackedFlags): on PGlite (see readsPacked) far cheaper
 * than rows across the wasm boundary, and a single string for the worker thread.
 */
async function readPackedFlags(db: Executor, scope: SQL): Promise<PackedFlags> {
  const text =
    rowsOf<{ flags: string | null }>(
      await db.execute(sql`
        select string_agg(id::text || E'\t' || rule_id || E'\t' || subject_type::text || E'\t' || subject_id::text || E'\t' ||
          fingerprint || E'\t' || status::text, E'\n') as flags
        from flags where ${scope}`),
    )[0]?.flags ?? null;
  return { text, acceptances: await readAcceptances(db, scope) };
}

/** Only accepted flags need what was accepted (its end, to notice worse facts): few rows, read apart. */
async function readAcceptances(db: Executor, scope: SQL): Promise<FlagAcceptance[]> {
  return rowsOf<RawAcceptance>(
    await db.execute(sql`
      select id, accepted_until::text as accepted_until, accepted_severity, accepted_facts
      from flags where status = 'accepted' and ${scope}`),
  ).map((row) => ({
    id: row.id,
    acceptedUntil: row.accepted_until,
    acceptedSeverity: row.accepted_severity,
    acceptedFacts: row.accepted_facts,
  }));
}

interface RawAcceptance {
  id: string;
  accepted_until: string | null;
  accepted_severity: Severity | null;
  accepted_facts: Record<string, unknown> | null;
}

interface RawStoredFlag {
  id: string;
  rule_id: string;
  subject_type: FlagSubjectType;
  subject_id: string;
  fingerprint: string;
  status: FlagStatus;
}

const CHUNK = 1000;

/** The items in arrays of `size`, taken from the iterable as they are needed. */
function* chunks<T>(items: Iterable<T>, size = CHUNK): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A finding as a flag row stores it: the fingerprint and the processor are the caller's to compute. */
export interface FlagFindingValues {
  ruleId: string;
  subjectType: FlagSubjectType;
  subjectId: string;
  processorId: string | null;
  severity: Severity;
  message: string;
  /** The same finding in French (lib/rules words both). */
  messageFr: string;
  facts: Record<string, unknown>;
  fingerprint: string;
  citation: string;
  remediation: string;
}

/** A stored flag still found: its new values, and whether it reopens. */
export interface FlagRefresh {
  id: string;
  values: FlagFindingValues;
  reopen: boolean;
}

/**
 * Writes a lifecycle plan's changes in bulk (lib/flags/stored-flags.ts applyFlagPlan builds them): one
 * statement per chunk of a thousand, so that a full re-evaluation of a large register does not send one
 * statement per flag. The iterables are read chunk by chunk, as the statements go.
 */
export async function writeFlagChanges({
  db,
  insert,
  update,
  refingerprint,
  resolve,
  now,
}: {
  db: Executor;
  insert: Iterable<FlagFindingValues>;
  /** Refreshed flags, then reopened ones. */
  update: Iterable<FlagRefresh>;
  /**
   * Unchanged flags stored with an older fingerprint (a legacy hash, or one from before findings were worded in
   * French): the fingerprint and the French wording are written, nothing else (no new version).
   */
  refingerprint: readonly { id: string; fingerprint: string; messageFr: string }[];
  resolve: readonly string[];
  now: Date;
}): Promise<void> {
  for (const batch of chunks(insert)) {
    await db
      .insert(flags)
      .values(batch.map((values) => ({ ...values, firstSeenAt: now, lastSeenAt: now })))
      // A concurrent evaluation may have inserted the same flag: one row per rule and subject, always.
      .onConflictDoNothing({ target: [flags.ruleId, flags.subjectType, flags.subjectId] });
  }

  for (const batch of chunks(update)) {
    const payload = JSON.stringify(
      batch.map(({ id, values, reopen }) => ({
        id,
        severity: values.severity,
        message: values.message,
        message_fr: values.messageFr,
        facts: values.facts,
        fingerprint: values.fingerprint,
        citation: values.citation,
        remediation: values.remediation,
        processor_id: values.processorId,
        reopen,
      })),
    );
    await db.execute(sql`
      update flags f set
        severity = v.severity::severity,
        message = v.message,
        message_fr = v.message_fr,
        facts = v.facts,
        fingerprint = v.fingerprint,
        citation = v.citation,
        remediation = v.remediation,
        processor_id = coalesce(v.processor_id, f.processor_id),
        last_seen_at = ${now},
        status = case when v.reopen then 'open'::flag_status else f.status end,
        resolved_at = case when v.reopen then null else f.resolved_at end,
        version = f.version + 1
      from jsonb_to_recordset(${payload}::jsonb)
        as v(id uuid, severity text, message text, message_fr text, facts jsonb, fingerprint text, citation text, remediation text, processor_id uuid, reopen boolean)
      where f.id = v.id`);
  }

  for (const batch of chunks(refingerprint, 10 * CHUNK)) {
    await db.execute(sql`
      update flags f set fingerprint = v.fingerprint, message_fr = v.message_fr
      from jsonb_to_recordset(${JSON.stringify(batch.map(({ id, fingerprint, messageFr }) => ({ id, fingerprint, message_fr: messageFr })))}::jsonb)
        as v(id uuid, fingerprint text, message_fr text)
      where f.id = v.id`);
  }

  for (const batch of chunks(resolve)) {
    await db
      .update(flags)
      .set({ status: "resolved", resolvedAt: now, version: sql`${flags.version} + 1` })
      .where(inArray(flags.id, batch));
  }
}

/** Marks the still-present flags of the evaluated subjects as seen now. */
export async function touchFlagsSeen({ db, processorIds, now }: { db: Executor; processorIds: readonly string[] | null; now: Date }) {
  const conditions: SQL[] = [ne(flags.status, "resolved"), sql`${flags.lastSeenAt} < ${now}`];
  if (processorIds !== null) {
    if (processorIds.length === 0) return;
    conditions.push(inArray(flags.processorId, [...processorIds]));
  }
  await db.update(flags).set({ lastSeenAt: now }).where(and(...conditions));
}

export async function listFlagsForSubject({
  db,
  subjectType,
  subjectId,
}: {
  db: Executor;
  subjectType: FlagSubjectType;
  subjectId: string;
}) {
  return db
    .select()
    .from(flags)
    .where(and(eq(flags.subjectType, subjectType), eq(flags.subjectId, subjectId)))
    .orderBy(asc(flags.status), desc(flags.severity), asc(flags.ruleId));
}

export async function listFlagsForProcessor({ db, processorId }: { db: Executor; processorId: string }) {
  return db
    .select()
    .from(flags)
    .where(eq(flags.processorId, processorId))
    .orderBy(asc(flags.status), desc(flags.severity), asc(flags.ruleId));
}

export async function countOpenFlagsBySeverity({ db, pending }: { db: Executor; pending?: Population }): Promise<Record<Severity, number>> {
  const rows = await db
    .select({ severity: flags.severity, count: sql<number>`count(*)::int` })
    .from(flags)
    .where(and(eq(flags.status, "open"), pending ? flagInPopulation(pending, sql`${flags.subjectType}`, sql`${flags.subjectId}`) : undefined))
    .groupBy(flags.severity);
  const result: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const row of rows) result[row.severity] = row.count;
  return result;
}

export async function getFlag({ db, id }: { db: Executor; id: string }) {
  const rows = await db.select().from(flags).where(eq(flags.id, id)).limit(1);
  return rows[0];
}

export async function updateFlagAcceptance({
  db,
  id,
  version,
  values,
}: {
  db: Executor;
  id: string;
  version: number;
  values: {
    status: FlagStatus;
    acceptedByUserId: string;
    acceptedAt: Date;
    acceptanceJustification: string;
    acceptedUntil: string;
    acceptedSeverity: Severity;
    acceptedFacts: Record<string, unknown>;
  };
}) {
  const rows = await db
    .update(flags)
    .set({ ...values, version: sql`${flags.version} + 1` })
    .where(and(eq(flags.id, id), eq(flags.version, version)))
    .returning();
  return rows[0];
}

/*
 * Read models for the pages: a flag with the name of whoever accepted it and what a reader needs to name
 * and link its subject (a transfer, a processor, or an agreement shown on its processor's page).
 */
const flagSubjectTransfer = and(eq(flags.subjectType, "transfer"), eq(transfers.id, flags.subjectId));
const flagSubjectAgreement = and(eq(flags.subjectType, "agreement"), eq(safeguardAgreements.id, flags.subjectId));
const flagProcessorId = sql<string | null>`coalesce(${flags.processorId}, ${transfers.processorId}, ${safeguardAgreements.processorId})`;

/** The flag's assignee: a second join on users, beside the acceptor. */
const assignees = alias(users, "assignee");

const flagDetailColumns = {
  ...getTableColumns(flags),
  acceptedByName: users.name,
  assigneeName: assignees.name,
  subjectProcessorId: flagProcessorId,
  subjectProcessorName: processors.name,
  transferOriginCountry: transfers.originCountry,
  transferDestinationCountry: transfers.destinationCountry,
  agreementType: safeguardAgreements.type,
};

function selectFlagDetails(db: Executor) {
  return db
    .select(flagDetailColumns)
    .from(flags)
    .leftJoin(users, eq(users.id, flags.acceptedByUserId))
    .leftJoin(assignees, eq(assignees.id, flags.assigneeUserId))
    .leftJoin(transfers, flagSubjectTransfer)
    .leftJoin(safeguardAgreements, flagSubjectAgreement)
    .leftJoin(processors, eq(processors.id, flagProcessorId));
}

// Current findings (open, accepted) before the resolved history; the worst first within each.
const currentFirst = [
  sql`case when ${flags.status} = 'resolved' then 1 else 0 end`,
  desc(flags.severity),
  desc(flags.lastSeenAt),
  asc(flags.id),
];

/** Every flag of one subject, with acceptor and subject details: current ones first, then the resolved history. */
export async function listFlagDetailsForSubject({ db, subjectType, subjectId }: { db: Executor; subjectType: FlagSubjectType; subjectId: string }) {
  return selectFlagDetails(db)
    .where(and(eq(flags.subjectType, subjectType), eq(flags.subjectId, subjectId)))
    .orderBy(...currentFirst);
}

/** Every flag concerning a processor (its own, its transfers' and its agreements'), current ones first. */
export async function listFlagDetailsForProcessor({ db, processorId }: { db: Executor; processorId: string }) {
  return selectFlagDetails(db)
    .where(eq(flags.processorId, processorId))
    .orderBy(...currentFirst);
}

export type FlagDetail = Awaited<ReturnType<typeof listFlagDetailsForSubject>>[number];

export async function getFlagDetail({ db, id }: { db: Executor; id: string }): Promise<FlagDetail | undefined> {
  const rows = await selectFlagDetails(db).where(eq(flags.id, id)).limit(1);
  return rows[0];
}

export interface ListFlagRegisterInput {
  db: Executor;
  page: number;
  pageSize: number;
  /** Undefined: every status. */
  status?: FlagStatus;
  severity?: Severity;
  ruleId?: string;
  subjectType?: FlagSubjectType;
  /** The processor's own flags and those of its transfers and agreements (the flag's processor column). */
  processorId?: string;
  /** Searches the rule (its catalog title or id) and the subject's name (the processor it concerns). */
  q?: string;
  /** Flags whose subject is in this population (db/queries/population.ts): the dashboard's figures link here with it. */
  pending?: Population;
  /** The flags assigned to this user. */
  assigneeUserId?: string;
  /** YYYY-MM-DD: only the overdue flags, open with a due date before this day. */
  overdueOn?: string;
  workStatus?: FlagWorkStatus;
}

export interface ListFlagRegisterRowsInput extends ListFlagRegisterInput {
  /** With `q`: the rules whose catalog title or id contains it (the catalog is the caller's, lib/flags/register.ts). */
  searchRuleIds?: readonly string[];
}

/**
 * A row of the flag register as it crosses the wire (GET /api/v1/flags, the page's query cache): the stored
 * flag without its fingerprint, what the table shows to name its subject, timestamps as ISO strings, so a row
 * read on the server and one fetched by the browser are the same value (lib/api/contracts/flags.ts flagListRow).
 */
export interface FlagRegisterRow {
  id: string;
  version: number;
  ruleId: string;
  /** The catalog's title of the rule (its id for a rule no longer in the catalog): the browser needs no catalog. */
  ruleTitle: string;
  severity: Severity;
  status: FlagStatus;
  message: string;
  subjectType: FlagSubjectType;
  subjectId: string;
  subjectProcessorId: string | null;
  subjectProcessorName: string | null;
  transferOriginCountry: string | null;
  transferDestinationCountry: string | null;
  agreementType: FlagDetail["agreementType"];
  /** YYYY-MM-DD. */
  acceptedUntil: string | null;
  resolvedAt: string | null;
  lastSeenAt: string;
  processorId: string | null;
  facts: Record<string, unknown>;
  citation: string;
  remediation: string;
  firstSeenAt: string;
  acceptedByUserId: string | null;
  acceptedByName: string | null;
  acceptedAt: string | null;
  acceptanceJustification: string | null;
  acceptedSeverity: Severity | null;
  acceptedFacts: Record<string, unknown> | null;
  /** The finding in French; empty until the engine words it (then show `message`). */
  messageFr: string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  /** YYYY-MM-DD. */
  dueDate: string | null;
  workStatus: FlagWorkStatus;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The search: one of the given rules (found in the catalog by the caller), or a subject whose processor's name contains the text. */
function flagSearch(q: string, ruleIds: readonly string[]): SQL {
  // Rule titles live in the catalog, not the database: the matching ids come to SQL as a list.
  const byName = ilike(processors.name, `%${escapeLike(q)}%`);
  return ruleIds.length ? or(inArray(flags.ruleId, [...ruleIds]), byName)! : byName;
}

/**
 * One page of the flag register, worst first then most recently seen; total for the pager. The rows carry
 * no rule title: lib/flags/register.ts adds the catalog's.
 */
export async function listFlagRegisterRows({
  db,
  page,
  pageSize,
  status,
  severity,
  ruleId,
  subjectType,
  processorId,
  pending,
  q,
  searchRuleIds = [],
  assigneeUserId,
  overdueOn,
  workStatus,
}: ListFlagRegisterRowsInput) {
  const conditions: SQL[] = [];
  if (status) conditions.push(eq(flags.status, status));
  if (severity) conditions.push(eq(flags.severity, severity));
  if (ruleId) conditions.push(eq(flags.ruleId, ruleId));
  if (subjectType) conditions.push(eq(flags.subjectType, subjectType));
  if (processorId) conditions.push(eq(flags.processorId, processorId));
  if (assigneeUserId) conditions.push(eq(flags.assigneeUserId, assigneeUserId));
  if (workStatus) conditions.push(eq(flags.workStatus, workStatus));
  // Overdue: still open (an accepted or resolved flag has nothing due), its due date passed.
  if (overdueOn) conditions.push(eq(flags.status, "open"), isNotNull(flags.dueDate), lt(flags.dueDate, overdueOn));
  if (pending) conditions.push(flagInPopulation(pending, sql`${flags.subjectType}`, sql`${flags.subjectId}`));
  const search = q?.trim();
  if (search) conditions.push(flagSearch(search, searchRuleIds));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    selectFlagDetails(db)
      .where(where)
      // The severity enum is declared low < medium < high < critical: descending puts critical first.
      .orderBy(desc(flags.severity), desc(flags.lastSeenAt), asc(flags.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    // The search reads the subject's processor: count over the same joins only when it needs them.
    search
      ? db
          .select({ total: sql<number>`count(*)::int` })
          .from(flags)
          .leftJoin(transfers, flagSubjectTransfer)
          .leftJoin(safeguardAgreements, flagSubjectAgreement)
          .leftJoin(processors, eq(processors.id, flagProcessorId))
          .where(where)
      : db.select({ total: sql<number>`count(*)::int` }).from(flags).where(where),
  ]);
  return { rows: rows.map(toRegisterRow), total: totals[0]?.total ?? 0, page, pageSize };
}

/** A register row without its rule title: the fields in the order the wire row has them after the title. */
export type FlagRegisterRowWithoutTitle = Omit<FlagRegisterRow, "ruleTitle">;

function toRegisterRow(flag: FlagDetail): FlagRegisterRowWithoutTitle {
  return {
    id: flag.id,
    version: flag.version,
    ruleId: flag.ruleId,
    severity: flag.severity,
    status: flag.status,
    message: flag.message,
    subjectType: flag.subjectType,
    subjectId: flag.subjectId,
    subjectProcessorId: flag.subjectProcessorId,
    subjectProcessorName: flag.subjectProcessorName,
    transferOriginCountry: flag.transferOriginCountry,
    transferDestinationCountry: flag.transferDestinationCountry,
    agreementType: flag.agreementType,
    acceptedUntil: flag.acceptedUntil,
    resolvedAt: flag.resolvedAt?.toISOString() ?? null,
    lastSeenAt: flag.lastSeenAt.toISOString(),
    processorId: flag.processorId,
    facts: flag.facts,
    citation: flag.citation,
    remediation: flag.remediation,
    firstSeenAt: flag.firstSeenAt.toISOString(),
    acceptedByUserId: flag.acceptedByUserId,
    acceptedByName: flag.acceptedByName,
    acceptedAt: flag.acceptedAt?.toISOString() ?? null,
    acceptanceJustification: flag.acceptanceJustification,
    acceptedSeverity: flag.acceptedSeverity,
    acceptedFacts: flag.acceptedFacts,
    messageFr: flag.messageFr,
    assigneeUserId: flag.assigneeUserId,
    assigneeName: flag.assigneeName,
    dueDate: flag.dueDate,
    workStatus: flag.workStatus,
  };
}

/*
 * Remediation (issue 17): the locked flag a remediation write changes, its comments, and who owns its subject
 * (the engineer who may comment on it besides the DPO and the assignee).
 */

/** The flag, locked until the transaction ends (SELECT … FOR UPDATE). */
export async function lockFlag({ db, id }: { db: Executor; id: string }) {
  const [flag] = await db.select().from(flags).where(eq(flags.id, id)).for("update").limit(1);
  return flag;
}

export async function insertFlagComment({ db, flagId, authorUserId, body }: { db: Executor; flagId: string; authorUserId: string | null; body: string }) {
  const [row] = await db.insert(flagComments).values({ flagId, authorUserId, body }).returning();
  return row!;
}

const commentColumns = {
  id: flagComments.id,
  flagId: flagComments.flagId,
  authorUserId: flagComments.authorUserId,
  authorName: users.name,
  body: flagComments.body,
  createdAt: flagComments.createdAt,
};

export type FlagCommentRow = { id: string; flagId: string; authorUserId: string | null; authorName: string | null; body: string; createdAt: Date };

/** One page of a flag's comments, oldest first (a conversation reads down), with each author's name. */
export async function listFlagComments({
  db,
  flagId,
  page,
  pageSize,
}: {
  db: Executor;
  flagId: string;
  page: number;
  pageSize: number;
}): Promise<{ rows: FlagCommentRow[]; total: number }> {
  const [rows, totals] = await Promise.all([
    db
      .select(commentColumns)
      .from(flagComments)
      .leftJoin(users, eq(users.id, flagComments.authorUserId))
      .where(eq(flagComments.flagId, flagId))
      .orderBy(asc(flagComments.createdAt), asc(flagComments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(flagComments).where(eq(flagComments.flagId, flagId)),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

export async function getFlagComment({ db, id }: { db: Executor; id: string }): Promise<FlagCommentRow | undefined> {
  const [row] = await db.select(commentColumns).from(flagComments).leftJoin(users, eq(users.id, flagComments.authorUserId)).where(eq(flagComments.id, id)).limit(1);
  return row;
}

/**
 * The users who own a flag's subject: a transfer's or an activity's registrant; a processor's internal owner and
 * registrant; for an agreement, its processor's. A notice, or a subject gone, has none.
 */
export async function listFlagSubjectOwnerIds({ db, flag }: { db: Executor; flag: { subjectType: FlagSubjectType; subjectId: string; processorId: string | null } }): Promise<string[]> {
  const ids: (string | null)[] = [];
  switch (flag.subjectType) {
    case "transfer": {
      const rows = await db.select({ createdBy: transfers.createdByUserId }).from(transfers).where(eq(transfers.id, flag.subjectId)).limit(1);
      ids.push(...rows.map((row) => row.createdBy));
      break;
    }
    case "activity": {
      const rows = await db
        .select({ createdBy: processingActivities.createdByUserId })
        .from(processingActivities)
        .where(eq(processingActivities.id, flag.subjectId))
        .limit(1);
      ids.push(...rows.map((row) => row.createdBy));
      break;
    }
    case "processor":
    case "agreement": {
      const processorId = flag.subjectType === "processor" ? flag.subjectId : flag.processorId;
      if (!processorId) break;
      const rows = await db
        .select({ owner: processors.ownerUserId, createdBy: processors.createdByUserId })
        .from(processors)
        .where(eq(processors.id, processorId))
        .limit(1);
      ids.push(...rows.flatMap((row) => [row.owner, row.createdBy]));
      break;
    }
    case "notice":
      break;
  }
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** Who may be assigned a flag: the active engineers and DPOs, by name (a handful of people, not a register). */
export async function listAssignableUsers({ db }: { db: Executor }) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(sql`${users.disabledAt} is null`, inArray(users.role, ["engineer", "dpo"])))
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * What decides who may edit a flag's subject (lib/records/ownership.ts): a transfer's or a processor's registrant
 * and status; an agreement is written under its processor. Undefined when the subject is gone, or is not edited
 * through these rules (an activity, the notice: the DPO's).
 */
export async function getFlagSubjectEditState({
  db,
  flag,
}: {
  db: Executor;
  flag: { subjectType: FlagSubjectType; subjectId: string; processorId: string | null };
}): Promise<{ createdByUserId: string | null; status: string } | undefined> {
  if (flag.subjectType === "transfer") {
    const [row] = await db.select({ createdByUserId: transfers.createdByUserId, status: transfers.status }).from(transfers).where(eq(transfers.id, flag.subjectId)).limit(1);
    return row;
  }
  const processorId = flag.subjectType === "processor" ? flag.subjectId : flag.subjectType === "agreement" ? flag.processorId : null;
  if (!processorId) return undefined;
  const [row] = await db.select({ createdByUserId: processors.createdByUserId, status: processors.status }).from(processors).where(eq(processors.id, processorId)).limit(1);
  return row;
}
