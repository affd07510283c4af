import "server-only";
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataCategoryExists, getNotice, getNoticeInForce, getNoticeStatement, listNoticeStatements, listNotices } from "@/db/queries/notices";
import { noticeStatements, notices, type Notice, type NoticeStatement } from "@/db/schema";
import { statementValueIssues, createNoticeBody, createNoticeStatementBody, updateNoticeBody, updateNoticeStatementBody } from "@/lib/api/contracts/notices";
import type { ServiceActor } from "@/lib/auth/actor";
import { AppError, fieldsError, notFound } from "@/lib/errors";
import { withDb, type ServiceCall, type ServiceContext } from "@/lib/services/context";
import { createRecord, deleteRecord, updateRecord, type RecordKind } from "@/lib/services/write-record";
import { parseInput } from "@/lib/validation/parse";
import { reevaluateNoticeFindings } from "./evaluation";

/*
 * Writes of the privacy notice's versions and statements (DOMAIN.md §7), through the one write sequence
 * (lib/services/write-record.ts: lock, version check → 409, DPO only, audit event), then the notice findings
 * re-evaluated in the same transaction: a statement that now declares a country resolves the findings it answers.
 */

/** The notice is what the company tells people: the DPO's to record (or the system's, for the demo and scripts). */
function assertDpo(actor: ServiceActor) {
  if (actor.kind === "system" || actor.role === "dpo") return;
  throw new AppError("forbidden", "Only the DPO can change the privacy notice.");
}

/** Hex SHA-256 of the text as published (UTF-8), so that a quoted notice can be proven to be the one in force. */
export function noticeSha256(text: string | null): string | null {
  return text === null ? null : crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

const noticeKind: RecordKind<Notice, Notice> = {
  recordType: "notice",
  label: "privacy notice",
  lock: async (tx, id) => (await tx.select().from(notices).where(eq(notices.id, id)).for("update").limit(1))[0],
  // The audit event keeps the text as published with its hash: the trail proves which words were in force.
  expand: async (_tx, row) => row,
  affectedProcessors: () => [],
  authorize: (_tx, actor) => assertDpo(actor),
};

const statementKind: RecordKind<NoticeStatement, NoticeStatement> = {
  recordType: "notice_statement",
  label: "notice statement",
  lock: async (tx, id) => (await tx.select().from(noticeStatements).where(eq(noticeStatements.id, id)).for("update").limit(1))[0],
  expand: async (_tx, row) => row,
  affectedProcessors: () => [],
  authorize: (_tx, actor) => assertDpo(actor),
};

/** Runs a write and re-evaluates the notice findings in its transaction. */
async function thenReevaluate<T>(ctx: ServiceContext, write: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const result = await write(withDb(ctx, tx));
    await reevaluateNoticeFindings({ db: tx, today: ctx.today });
    return result;
  });
}

export async function createNotice({ ctx, input }: ServiceCall) {
  assertDpo(ctx.actor);
  const fields = parseInput(createNoticeBody, input);
  return thenReevaluate(ctx, (inner) =>
    createRecord({
      ctx: inner,
      kind: noticeKind,
      insert: async (tx) => {
        const [row] = await tx
          .insert(notices)
          .values({ ...fields, sha256: noticeSha256(fields.text), createdByUserId: ctx.actor.userId })
          .returning();
        return row!;
      },
    }),
  );
}

export async function updateNotice({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  assertDpo(ctx.actor);
  const { version, ...patch } = parseInput(updateNoticeBody, input.changes);
  return thenReevaluate(ctx, (inner) =>
    updateRecord({
      ctx: inner,
      kind: noticeKind,
      id: input.id,
      version,
      change: async (tx, current) => {
        const next = { ...current, ...patch };
        if (!next.text && !next.url) throw fieldsError("validation_failed", [{ path: "text", message: "give the notice's text or its url" }]);
        const [row] = await tx
          .update(notices)
          .set({ ...patch, sha256: noticeSha256(next.text), version: sql`${notices.version} + 1`, updatedAt: new Date() })
          .where(eq(notices.id, current.id))
          .returning();
        return row!;
      },
    }),
  );
}

export async function deleteNotice({ ctx, input }: ServiceCall<{ id: string; version: number }>) {
  assertDpo(ctx.actor);
  await thenReevaluate(ctx, (inner) =>
    deleteRecord({
      ctx: inner,
      kind: noticeKind,
      id: input.id,
      version: input.version,
      remove: async (tx, current) => {
        await tx.delete(notices).where(eq(notices.id, current.id));
      },
    }),
  );
}

/** A data category statement names a category of the taxonomy (or one the company added). */
async function assertKnownCategory(db: Executor, kind: string, value: string | null) {
  if (kind === "data_category" && value && !(await dataCategoryExists({ db, key: value }))) {
    throw fieldsError("validation_failed", [{ path: "value", message: "must be a known data category key (e.g. user.contact.email)" }]);
  }
}

/** Country codes are stored upper case, as the register stores them. */
function normalisedValue(kind: string, value: string | null): string | null {
  if (value === null) return null;
  return kind === "country" || kind === "storage_location" ? value.trim().toUpperCase() : value.trim();
}

export async function createNoticeStatement({ ctx, input }: ServiceCall<{ noticeId: string; body: unknown }>) {
  assertDpo(ctx.actor);
  const fields = parseInput(createNoticeStatementBody, input.body);
  return thenReevaluate(ctx, (inner) =>
    createRecord({
      ctx: inner,
      kind: statementKind,
      insert: async (tx) => {
        if (!(await getNotice({ db: tx, id: input.noticeId }))) throw notFound("privacy notice", input.noticeId);
        await assertKnownCategory(tx, fields.kind, fields.value);
        const [row] = await tx
          .insert(noticeStatements)
          .values({ ...fields, value: normalisedValue(fields.kind, fields.value), noticeId: input.noticeId })
          .returning();
        return row!;
      },
    }),
  );
}

export async function updateNoticeStatement({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  assertDpo(ctx.actor);
  const { version, ...patch } = parseInput(updateNoticeStatementBody, input.changes);
  return thenReevaluate(ctx, (inner) =>
    updateRecord({
      ctx: inner,
      kind: statementKind,
      id: input.id,
      version,
      change: async (tx, current) => {
        const kind = patch.kind ?? current.kind;
        const value = patch.value !== undefined ? patch.value : current.value;
        // The kind and the value are checked together: a change of one must still fit the other.
        const issues = statementValueIssues(kind, value);
        if (issues.length) throw fieldsError("validation_failed", issues);
        await assertKnownCategory(tx, kind, value);
        const [row] = await tx
          .update(noticeStatements)
          .set({ ...patch, value: normalisedValue(kind, value), version: sql`${noticeStatements.version} + 1`, updatedAt: new Date() })
          .where(eq(noticeStatements.id, current.id))
          .returning();
        return row!;
      },
    }),
  );
}

export async function deleteNoticeStatement({ ctx, input }: ServiceCall<{ id: string; version: number }>) {
  assertDpo(ctx.actor);
  await thenReevaluate(ctx, (inner) =>
    deleteRecord({
      ctx: inner,
      kind: statementKind,
      id: input.id,
      version: input.version,
      remove: async (tx, current) => {
        await tx.delete(noticeStatements).where(eq(noticeStatements.id, current.id));
      },
    }),
  );
}

/** One page of the versions, each with whether it is in force and how many statements it has. */
export async function listNoticeVersions({ db, today, page, pageSize }: { db: Executor; today: string; page: number; pageSize: number }) {
  const [{ rows, total }, inForce] = await Promise.all([listNotices({ db, page, pageSize }), getNoticeInForce({ db, today })]);
  const counts = await db
    .select({ noticeId: noticeStatements.noticeId, n: sql<number>`count(*)::int` })
    .from(noticeStatements)
    .groupBy(noticeStatements.noticeId);
  const byNotice = new Map(counts.map((row) => [row.noticeId, row.n]));
  return { rows: rows.map((row) => ({ ...row, inForce: row.id === inForce?.id, statementCount: byNotice.get(row.id) ?? 0 })), total };
}

export { getNotice, getNoticeInForce, getNoticeStatement, listNoticeStatements };
