import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { appState, dataCategories, entities, processingActivities, processors, type Processor } from "@/db/schema";
import type { AgreementType, Severity } from "@/db/schema/enums";
import { createAgreement } from "@/lib/agreements/service";
import type { ServiceActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/record";
import { AppError, type FieldIssue } from "@/lib/errors";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { enumLabel } from "@/lib/labels";
import { createProcessor, updateProcessor } from "@/lib/processors/service";
import { assertMayEdit } from "@/lib/records/ownership";
import { submitProcessor } from "@/lib/review/service";
import { RULE_CATALOG } from "@/lib/rules/catalog";
import { withDb, type ServiceCall, type ServiceContext } from "@/lib/services/context";
import { createTransfer } from "@/lib/transfers/service";
import { parseInput } from "@/lib/validation/parse";
import { uuid, version as versionSchema } from "@/lib/validation/common";
import { z } from "zod";
import type { PredictedFlag, PredictedFlagSubject } from "./predicted-flag";
import {
  STEP_PARSE_OPTIONS,
  STEP_SCHEMAS,
  SUMMARY_STEP,
  type DataStepValues,
  type DraftAgreement,
  type DraftTransfer,
  type FlowsStepValues,
  type RegistrationDraft,
  type SavedStep,
  type WizardStepNumber,
} from "./schemas";

/*
 * The server side of the registration wizard (issue #6). The vendor is a real processor record from step 1
 * on (status draft, created and updated by the processors service, so the register, "My vendors" and the
 * audit trail see it at once). What the later steps collect — categories, destinations, safeguards — becomes
 * transfers and agreements only on submit: until then it is kept as the draft's state in app_state, keyed by
 * the processor, because a transfer cannot exist without its destination and the register has no way to
 * delete one the engineer changes their mind about. The summary's flags come from running those very creates
 * in a transaction that is rolled back (lib/flags/predict.ts), and the submit runs them for real, with the
 * review service's submit, in one transaction.
 */

const DRAFT_KEY_PREFIX = "registration-draft:";
const draftKey = (processorId: string) => `${DRAFT_KEY_PREFIX}${processorId}`;

export type { PredictedFlag, PredictedFlagSubject } from "./predicted-flag";

function withPrefix(error: unknown, pathOf: (path: string) => string): unknown {
  if (!(error instanceof AppError) || !error.details.fields?.length) return error;
  const fields: FieldIssue[] = error.details.fields.map((field) => ({ path: pathOf(field.path), message: field.message }));
  return new AppError(error.code, fields.map((field) => `${field.path}: ${field.message}`).join("; "), { ...error.details, fields });
}

/** A step's values, validated as the browser does (same schema, same parse options); errors name each field. */
function parseStep<S extends SavedStep>(step: S, values: unknown): z.output<(typeof STEP_SCHEMAS)[S]> {
  const result = (STEP_SCHEMAS[step] as z.ZodType).safeParse(values, STEP_PARSE_OPTIONS);
  if (result.success) return result.data as z.output<(typeof STEP_SCHEMAS)[S]>;
  const fields = result.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(body)", message: issue.message }));
  throw new AppError("validation_failed", fields.map((field) => `${field.path}: ${field.message}`).join("; "), { fields });
}

const under = (prefix: string) => (path: string) => (path === "(body)" ? prefix : `${prefix}.${path}`);

export async function readRegistrationDraft(db: Executor, processorId: string): Promise<RegistrationDraft | undefined> {
  const [row] = await db.select({ value: appState.value }).from(appState).where(eq(appState.key, draftKey(processorId)));
  return row?.value as RegistrationDraft | undefined;
}

async function writeDraft(db: Executor, processorId: string, draft: RegistrationDraft) {
  await db
    .insert(appState)
    .values({ key: draftKey(processorId), value: draft })
    .onConflictDoUpdate({ target: appState.key, set: { value: draft, updatedAt: new Date() } });
}

/** The draft vendor, locked for this transaction, if the actor may go on registering it. */
async function lockDraftVendor(tx: Executor, actor: ServiceActor, processorId: string): Promise<Processor> {
  const [processor] = await tx.select().from(processors).where(eq(processors.id, processorId)).for("update").limit(1);
  if (!processor) throw new AppError("not_found", `No processor with id ${processorId}.`);
  assertMayEdit(actor, processor, "processor");
  if (processor.status !== "draft") {
    // The status in words (its label), the code in the details for programs.
    throw new AppError("conflict", `This vendor's status is ${enumLabel("recordStatus", processor.status)}: the registration wizard continues drafts only.`, {
      currentStatus: processor.status,
    });
  }
  return processor;
}

/** The draft vendor and its saved wizard state, for the page that resumes it. */
export async function loadRegistrationWizard({ ctx, input: { processorId } }: ServiceCall<{ processorId: string }>) {
  return ctx.db.transaction(async (tx) => {
    const processor = await lockDraftVendor(tx, ctx.actor, processorId);
    // A draft created elsewhere (the API, an import) has no wizard state yet: its vendor step is done.
    const draft = (await readRegistrationDraft(tx, processorId)) ?? { step: 2 as const };
    return { processor, draft };
  });
}

const vendorStepInput = z.object({ processorId: uuid.optional(), version: versionSchema.optional(), values: z.unknown() });

/**
 * Step 1: creates the vendor as a draft processor (owned by whoever registers it), or updates the draft.
 * Field errors come back under `vendor.` so that the form shows them next to its fields.
 */
export async function saveVendorStep({ ctx, input }: ServiceCall) {
  const { processorId, version, values } = parseInput(vendorStepInput, input);
  const { vendor } = parseStep(1, values);
  try {
    return await ctx.db.transaction(async (tx) => {
      let processor: Processor;
      let draft: RegistrationDraft;
      if (processorId) {
        if (version === undefined) throw new AppError("validation_failed", "version: is required", { fields: [{ path: "version", message: "is required" }] });
        await lockDraftVendor(tx, ctx.actor, processorId);
        processor = (await updateProcessor({ ctx: withDb(ctx, tx), input: { id: processorId, changes: { ...vendor, version } } })).record;
        draft = (await readRegistrationDraft(tx, processorId)) ?? { step: 2 };
      } else {
        processor = (await createProcessor({ ctx: withDb(ctx, tx), input: { ...vendor, ownerUserId: ctx.actor.userId } })).record;
        draft = { step: 2 };
      }
      await writeDraft(tx, processor.id, draft);
      return { processorId: processor.id, version: processor.version, step: draft.step };
    });
  } catch (error) {
    throw withPrefix(error, (path) => (path === "version" ? path : `vendor.${path}`));
  }
}

async function assertKnown(tx: Executor, { data, flows }: { data?: DataStepValues; flows?: FlowsStepValues }) {
  const issues: FieldIssue[] = [];
  if (data) {
    const [activity] = await tx.select({ id: processingActivities.id }).from(processingActivities).where(eq(processingActivities.id, data.activityId));
    if (!activity) issues.push({ path: "data.activityId", message: "no processing activity has this id" });
    const known = new Set(
      (await tx.select({ key: dataCategories.key }).from(dataCategories).where(inArray(dataCategories.key, data.dataCategories))).map((row) => row.key),
    );
    data.dataCategories.forEach((key, index) => {
      if (!known.has(key)) issues.push({ path: `data.dataCategories.${index}`, message: `unknown data category "${key}"` });
    });
  }
  if (flows) {
    const [entity] = await tx.select({ id: entities.id }).from(entities).where(eq(entities.id, flows.exporterEntityId));
    if (!entity) issues.push({ path: "flows.exporterEntityId", message: "no entity has this id" });
  }
  if (issues.length) throw new AppError("validation_failed", issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), { fields: issues });
}

const detailStepInput = z.object({ processorId: uuid, step: z.union([z.literal(2), z.literal(3), z.literal(4)]), values: z.unknown() });

/** Steps 2 to 4: validates the step with its schema and keeps it as the draft's state; returns the next step. */
export async function saveRegistrationStep({ ctx, input }: ServiceCall): Promise<{ step: WizardStepNumber }> {
  const { processorId, step, values } = parseInput(detailStepInput, input);
  const parsed = parseStep(step as Exclude<SavedStep, 1>, values) as Partial<Pick<RegistrationDraft, "data" | "flows" | "transfers" | "agreements">>;
  return ctx.db.transaction(async (tx) => {
    await lockDraftVendor(tx, ctx.actor, processorId);
    const before = (await readRegistrationDraft(tx, processorId)) ?? { step: 2 };
    if (step > before.step) throw new AppError("conflict", `Save step ${before.step} first: the steps are saved in order.`);
    await assertKnown(tx, parsed);
    const after: RegistrationDraft = { ...before, ...parsed, step: Math.max(before.step, step + 1) as WizardStepNumber };
    await writeDraft(tx, processorId, after);
    await appendAuditEvent({ db: tx, actor: ctx.actor, action: `save_step_${step}`, recordType: "registration_draft", recordId: processorId, before, after });
    return { step: after.step };
  });
}

interface CompleteDraft {
  data: DataStepValues;
  flows: FlowsStepValues;
  transfers: DraftTransfer[];
  agreements: DraftAgreement[];
}

function completeDraft(draft: RegistrationDraft | undefined): CompleteDraft {
  if (!draft || draft.step < SUMMARY_STEP || !draft.data || !draft.flows || !draft.transfers) {
    throw new AppError("conflict", `Complete step ${draft?.step ?? 2} of the registration first.`, { step: draft?.step ?? 2 });
  }
  return { data: draft.data, flows: draft.flows, transfers: draft.transfers, agreements: draft.agreements ?? [] };
}

const DATA_FIELDS = new Set(["activityId", "dataCategories"]);
const FLOW_FIELDS = new Set(["exporterEntityId", "originCountry", "subjectRegions"]);

/** A transfer's error path back to the wizard field it came from. */
function transferFieldPath(index: number) {
  return (path: string) => {
    const head = path.split(".")[0]!;
    if (DATA_FIELDS.has(head)) return `data.${path}`;
    if (FLOW_FIELDS.has(head)) return `flows.${path}`;
    return `transfers.${index}.${path}`;
  };
}

/** The creates a submit makes: one draft transfer per destination, then the agreements. */
async function writeRegistration(ctx: ServiceContext, processorId: string, draft: CompleteDraft) {
  const { data, flows } = draft;
  const transfers: { id: string; destinationCountry: string }[] = [];
  for (const [index, transfer] of draft.transfers.entries()) {
    try {
      const created = await createTransfer({ ctx, input: { ...transfer, ...data, ...flows, processorId, status: "draft" } });
      transfers.push({ id: created.record.id, destinationCountry: created.record.destinationCountry });
    } catch (error) {
      throw withPrefix(error, transferFieldPath(index));
    }
  }
  const agreements: { id: string; type: AgreementType }[] = [];
  for (const [index, agreement] of draft.agreements.entries()) {
    try {
      const { record } = await createAgreement({ ctx, input: { ...agreement, processorId } });
      agreements.push({ id: record.id, type: record.type });
    } catch (error) {
      throw withPrefix(error, under(`agreements.${index}`));
    }
  }
  return { transfers, agreements };
}

const RULES = new Map(RULE_CATALOG.map((rule) => [rule.id as string, rule]));
const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const SUBJECT_ORDER: Record<PredictedFlagSubject["kind"], number> = { processor: 0, transfer: 1, agreement: 2 };

/** A subject's place among its kind: this registration's records by destination or type, the vendor's others last. */
function compareSubjects(a: PredictedFlagSubject, b: PredictedFlagSubject): number {
  const detail = (about: PredictedFlagSubject) => (about.kind === "transfer" ? about.country : about.kind === "agreement" ? about.agreementType : undefined);
  const [left, right] = [detail(a), detail(b)];
  if (SUBJECT_ORDER[a.kind] !== SUBJECT_ORDER[b.kind]) return SUBJECT_ORDER[a.kind] - SUBJECT_ORDER[b.kind];
  if (left === right) return 0;
  if (left === undefined) return 1;
  if (right === undefined) return -1;
  return left.localeCompare(right);
}

/**
 * The vendor's open flags after the creates, each with what it is about as data: the page names the subject in
 * the reader's language (a transfer by its destination, an agreement by its type), so no English is decided here.
 */
async function describeFlags(tx: Executor, processorId: string, written: Awaited<ReturnType<typeof writeRegistration>>): Promise<PredictedFlag[]> {
  const destinations = new Map(written.transfers.map((t) => [t.id, t.destinationCountry]));
  const agreementTypes = new Map(written.agreements.map((a) => [a.id, a.type]));
  const aboutOf = (subjectType: string, subjectId: string): PredictedFlagSubject => {
    if (subjectType === "transfer") {
      const country = destinations.get(subjectId);
      return country === undefined ? { kind: "transfer" } : { kind: "transfer", country };
    }
    if (subjectType === "agreement") {
      const agreementType = agreementTypes.get(subjectId);
      return agreementType === undefined ? { kind: "agreement" } : { kind: "agreement", agreementType };
    }
    return { kind: "processor" };
  };
  const flags = (await listFlagsForProcessor({ db: tx, processorId })).filter((flag) => flag.status !== "resolved");
  return flags
    .map(
      (flag): PredictedFlag => ({
        ruleId: flag.ruleId,
        title: RULES.get(flag.ruleId)?.title ?? flag.ruleId,
        severity: flag.severity,
        message: flag.message,
        messageFr: flag.messageFr,
        citation: flag.citation,
        remediation: flag.remediation,
        about: aboutOf(flag.subjectType, flag.subjectId),
        subject: `${flag.subjectType}:${flag.subjectId}`,
      }),
    )
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.title.localeCompare(b.title) ||
        compareSubjects(a.about, b.about) ||
        a.subject.localeCompare(b.subject),
    );
}

const vendorRef = z.object({ processorId: uuid });

/**
 * The flags this vendor will raise once submitted: the submit's own creates, run in a transaction that is
 * rolled back. Nothing is saved.
 */
export async function predictRegistration({ ctx, input }: ServiceCall): Promise<PredictedFlag[]> {
  const { processorId } = parseInput(vendorRef, input);
  return predictWithoutSaving(ctx.db, async (tx) => {
    await lockDraftVendor(tx, ctx.actor, processorId);
    const draft = completeDraft(await readRegistrationDraft(tx, processorId));
    const written = await writeRegistration(withDb(ctx, tx), processorId, draft);
    return describeFlags(tx, processorId, written);
  });
}

const submitInput = z.object({ processorId: uuid, version: versionSchema });

/**
 * Submit for review: creates the transfers and agreements, then the review service's submit moves the vendor
 * and its draft transfers to "submitted" (the DPO's /review queue). All in one transaction: a refused submit
 * leaves the draft as it was.
 */
export async function submitRegistration({ ctx, input }: ServiceCall) {
  const { processorId, version } = parseInput(submitInput, input);
  return ctx.db.transaction(async (tx) => {
    await lockDraftVendor(tx, ctx.actor, processorId);
    const draft = completeDraft(await readRegistrationDraft(tx, processorId));
    const written = await writeRegistration(withDb(ctx, tx), processorId, draft);
    const submitted = await submitProcessor({ ctx: withDb(ctx, tx), input: { id: processorId, changes: { version } } });
    await tx.delete(appState).where(eq(appState.key, draftKey(processorId)));
    return { processor: submitted.record, transferIds: written.transfers.map((t) => t.id), agreementIds: written.agreements.map((a) => a.id) };
  });
}
