import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getTransferDetail, listAgreementsCoveringTransfer } from "@/db/queries/transfers";
import { getUserById } from "@/db/queries/users";
import { tiaAssessments, transfers, type TiaAssessment } from "@/db/schema";
import { completeTiaBody, createTiaBody, updateTiaBody } from "@/lib/api/contracts/tia";
import type { ServiceActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/record";
import { AppError, fieldsError, notFound, type FieldIssue } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { assertMayEdit } from "@/lib/records/ownership";
import type { ServiceCall } from "@/lib/services/context";
import { createRecord, updateRecord, type RecordKind } from "@/lib/services/write-record";
import { getTransfer, transferKind } from "@/lib/transfers/service";
import { parseInput } from "@/lib/validation/parse";
import { basisOf } from "./basis";
import { countryProfile } from "./country-profiles";
import { prefillSteps } from "./prefill";
import { findDraftTia, getTiaById, listTiasByTransfer, lockTia } from "./queries";

/*
 * Transfer impact assessments (DOMAIN.md §8), through the one write sequence (lib/services/write-record.ts):
 * a draft is created with steps 1 and 2 written from the transfer, its steps change at the version edited (a
 * stale version is a 409 naming who saved last), and completion, the DPO's, fixes the transfer's TIA date, clears
 * its review reason and re-evaluates its flags in the same transaction. A completed assessment is kept as it was:
 * a later review is a new draft.
 */

const TIA_LABEL = "transfer impact assessment";

/** Who may draft for this transfer: the DPO, the system, or an engineer who may edit the transfer itself. */
async function assertMayDraftFor(tx: Executor, actor: ServiceActor, transferId: string): Promise<void> {
  const transfer = (await tx.select({ createdByUserId: transfers.createdByUserId, status: transfers.status }).from(transfers).where(eq(transfers.id, transferId)).limit(1))[0];
  if (!transfer) throw notFound("transfer", transferId);
  assertMayEdit(actor, transfer, "transfer");
}

/**
 * The processors whose flags a change of an assessment moves: the transfer's recipient, when the change
 * completes it (the transfer's TIA date and review reason change with it); a draft's steps move none.
 */
async function processorsOfCompletion(tx: Executor, { before, after }: { before: TiaAssessment | null; after: TiaAssessment | null }) {
  if (!after || after.status !== "completed" || before?.status === "completed") return [];
  const row = (await tx.select({ processorId: transfers.processorId }).from(transfers).where(eq(transfers.id, after.transferId)).limit(1))[0];
  return row ? [row.processorId] : [];
}

export const tiaKind: RecordKind<TiaAssessment, TiaAssessment> = {
  recordType: "tia",
  label: TIA_LABEL,
  lock: (tx, id) => lockTia({ db: tx, id }),
  expand: async (_tx, row) => row,
  affectedProcessors: () => [],
  affectedProcessorsOfChange: (tx, change) => processorsOfCompletion(tx, change),
  authorize: (tx, actor, row) => assertMayDraftFor(tx, actor, row.transferId),
};

export async function getTia({ db, id }: { db: Executor; id: string }) {
  return getTiaById({ db, id });
}

export async function listTransferTias({ db, transferId, page, pageSize }: { db: Executor; transferId: string; page: number; pageSize: number }) {
  return listTiasByTransfer({ db, transferId, page, pageSize });
}

/**
 * A new draft for a transfer: steps 1 and 2 written from its facts, its mechanism and covering agreements (in
 * the language asked), step 3's country profile from its destination. One draft at a time: a second is a 409
 * naming the first.
 */
export async function createTia({ ctx, input }: ServiceCall<{ transferId: string; body: unknown }>) {
  const { language } = parseInput(createTiaBody, input.body ?? {});
  return createRecord({
    ctx,
    kind: tiaKind,
    insert: async (tx) => {
      const detail = await getTransferDetail({ db: tx, id: input.transferId });
      if (!detail) throw notFound("transfer", input.transferId);
      await assertMayDraftFor(tx, ctx.actor, input.transferId);
      const draft = await findDraftTia({ db: tx, transferId: input.transferId });
      if (draft) {
        throw new AppError("conflict", `This transfer already has a draft impact assessment (${draft.id}): continue that one.`, { dependents: { tia: [draft.id] } });
      }
      const transfer = (await getTransfer({ db: tx, id: input.transferId }))!;
      const agreements = await listAgreementsCoveringTransfer({ db: tx, transferId: transfer.id, processorId: detail.processor.id });
      const steps = await prefillSteps(tx, { detail, categories: transfer.dataCategories, agreements, language: language as Locale, today: ctx.today });
      const profile = countryProfile(transfer.destinationCountry);
      const [row] = await tx
        .insert(tiaAssessments)
        .values({
          transferId: transfer.id,
          transferDescription: steps.transferDescription,
          toolDescription: steps.toolDescription,
          profileCountry: transfer.destinationCountry,
          profileAsOf: profile?.asOf ?? null,
          authorUserId: ctx.actor.userId,
        })
        .returning();
      return row!;
    },
  });
}

/** The draft may change; a completed assessment (or one in review) is kept as it was. */
function assertDraft(row: TiaAssessment): void {
  if (row.status !== "draft") {
    throw new AppError("conflict", "This transfer impact assessment is completed and kept as it was: start a new assessment of the transfer to review it.", { status: row.status });
  }
}

type StepChanges = Omit<ReturnType<typeof updateTiaBody.parse>, "version">;

/** Users named as author or reviewer exist (a 422 naming the field otherwise). */
async function assertPeople(tx: Executor, changes: Pick<StepChanges, "authorUserId" | "reviewerUserId">): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const path of ["authorUserId", "reviewerUserId"] as const) {
    const id = changes[path];
    if (id && !(await getUserById({ db: tx, id }))) issues.push({ path, message: "no user has this id" });
  }
  if (issues.length) throw fieldsError("validation_failed", issues);
}

/** The profile's "as of" date follows the profile assessed. */
function profileFields(changes: StepChanges) {
  if (changes.profileCountry === undefined) return {};
  return { profileAsOf: countryProfile(changes.profileCountry)?.asOf ?? null };
}

/** A partial change of a draft's steps; `changes.version` is the version edited. */
export async function updateTia({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  const { version, ...changes } = parseInput(updateTiaBody, input.changes);
  return updateRecord({
    ctx,
    kind: tiaKind,
    id: input.id,
    version,
    change: async (tx, current) => {
      assertDraft(current);
      await assertPeople(tx, changes);
      const [row] = await tx
        .update(tiaAssessments)
        .set({ ...changes, ...profileFields(changes), version: sql`${tiaAssessments.version} + 1`, updatedAt: new Date() })
        .where(eq(tiaAssessments.id, current.id))
        .returning();
      return row!;
    },
  });
}

/** What completion requires of the assessment as it will be stored: each missing field named. */
function completionIssues(tia: TiaAssessment, completedOn: string, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!tia.outcome) issues.push({ path: "outcome", message: "is required to complete the assessment" });
  if (!tia.riskLevel) issues.push({ path: "riskLevel", message: "is required to complete the assessment" });
  if (!tia.conclusion?.trim()) issues.push({ path: "conclusion", message: "is required to complete the assessment" });
  if (!tia.authorUserId) issues.push({ path: "authorUserId", message: "is required to complete the assessment" });
  // EDPB Rec. 01/2020 §52: proceeding "with measures" means measures identified in step 4.
  if (tia.outcome === "proceed_with_measures" && tia.measures.length === 0) {
    issues.push({ path: "measures", message: "must list at least one supplementary measure when the outcome is to proceed with measures" });
  }
  if (completedOn > today) issues.push({ path: "completedOn", message: "must not be in the future" });
  return issues;
}

/**
 * Completes a draft (DPO): the fields sent are saved, the required ones checked, and in the same transaction the
 * transfer's TIA date becomes the completion date, its review reason is cleared (an earlier assessment in review
 * is superseded) and its flags are re-evaluated (transfer.tia-missing).
 */
export async function completeTia({ ctx, input }: ServiceCall<{ id: string; changes: unknown }>) {
  const { version, completedOn: givenDate, ...changes } = parseInput(completeTiaBody, input.changes);
  if (ctx.actor.kind === "user" && ctx.actor.role !== "dpo") throw new AppError("forbidden", "Only the DPO completes a transfer impact assessment.");
  const completedOn = givenDate ?? ctx.today;
  return updateRecord({
    ctx,
    kind: tiaKind,
    id: input.id,
    version,
    action: "complete",
    change: async (tx, current) => {
      assertDraft(current);
      await assertPeople(tx, changes);
      const merged: TiaAssessment = { ...current, ...(changes as Partial<TiaAssessment>) };
      const issues = completionIssues(merged, completedOn, ctx.today);
      if (issues.length) throw fieldsError("validation_failed", issues);
      const transferBefore = await transferKind.lock(tx, current.transferId);
      if (!transferBefore) throw notFound("transfer", current.transferId);
      const transferFull = await transferKind.expand(tx, transferBefore);
      const now = new Date();
      const [row] = await tx
        .update(tiaAssessments)
        .set({
          ...changes,
          ...profileFields(changes),
          status: "completed",
          completedOn,
          completedAt: now,
          basis: basisOf(transferFull),
          reviewReason: null,
          reviewRequiredAt: null,
          version: sql`${tiaAssessments.version} + 1`,
          updatedAt: now,
        })
        .where(eq(tiaAssessments.id, current.id))
        .returning();
      // The transfer's TIA date is a fact of the transfer: its version moves, so that an edit of it from before
      // the completion cannot silently put back the old date.
      const [transferAfter] = await tx
        .update(transfers)
        .set({ tiaDate: completedOn, tiaReviewReason: null, version: sql`${transfers.version} + 1`, updatedAt: now })
        .where(eq(transfers.id, current.transferId))
        .returning();
      await appendAuditEvent({
        db: tx,
        actor: ctx.actor,
        action: "update",
        recordType: "transfer",
        recordId: current.transferId,
        before: transferFull,
        after: { ...transferAfter!, dataCategories: transferFull.dataCategories },
      });
      return row!;
    },
  });
}

/** The PDF download, on the audit trail (who read which assessment, in which language). */
export async function recordTiaDownload({ ctx, tia, language, sha256, bytes }: { ctx: { db: Executor; actor: ServiceActor }; tia: TiaAssessment; language: Locale; sha256: string; bytes: number }) {
  await ctx.db.transaction((tx) =>
    appendAuditEvent({ db: tx, actor: ctx.actor, action: "download", recordType: "tia", recordId: tia.id, after: { format: "pdf", language, sha256, bytes, version: tia.version } }),
  );
}
