import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { appState, auditEvents, flags, processors, safeguardAgreements, transfers } from "@/db/schema";
import type { Severity } from "@/db/schema/enums";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { STEP_SCHEMAS } from "@/lib/registration/schemas";
import { listRegistrationChoices, listVendorsRegisteredBy } from "@/lib/registration/queries";
import {
  loadRegistrationWizard,
  predictRegistration,
  readRegistrationDraft,
  saveRegistrationStep,
  saveVendorStep,
  submitRegistration,
} from "@/lib/registration/wizard";
import { approveProcessor } from "@/lib/review/service";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

type Role = "engineer" | "dpo";
const as = (user: { id: string; role: Role }) => ({ kind: "user" as const, userId: user.id, tokenId: null, label: user.id, role: user.role });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

describeOnDatabases("registration wizard", (use) => {
  let engineer: { id: string; role: Role };
  let otherEngineer: { id: string; role: Role };
  let dpo: { id: string; role: Role };
  let exporterId: string;
  let activityId: string;

  beforeAll(async () => {
    const { db } = use();
    const user = async (role: Role, email: string) => {
      const { record: created } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email, name: email, role, password: "long-enough-pass" } });
      return { id: created.id, role };
    };
    engineer = await user("engineer", "erin@wizard.test");
    otherEngineer = await user("engineer", "olav@wizard.test");
    dpo = await user("dpo", "dana@wizard.test");
    const exporter = await makeEntity(db, { country: "US" });
    exporterId = exporter.id;
    activityId = (await makeActivity(db, exporter.id)).id;
  });

  const vendor = (name: string) => ({ name, website: "https://www.wizard-example.cn/about", role: "processor", service: "analytics", country: "CN", dpfCertified: false });
  const chinaFlow = {
    destinationCountry: "CN",
    accessType: "storage",
    estimatedSubjects: 50_000,
    volumeUnit: "devices",
    frequency: "continuous",
  };

  async function registerUpToSummary(name: string) {
    const { db } = use();
    const saved = await saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { values: { vendor: vendor(name) } } });
    const processorId = saved.processorId;
    await saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, step: 2, values: { data: { activityId, dataCategories: ["user.device.device_id", "user.location.precise"] } } } });
    await saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, step: 3, values: { flows: { exporterEntityId: exporterId, originCountry: "US", subjectRegions: ["US-CA"] }, transfers: [chinaFlow] } } });
    const step4 = await saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: {
        processorId,
        step: 4,
        values: {
          transfers: [{ ...chinaFlow, encryptionInTransit: "none", encryptionAtRest: "provider_keys", mechanism: "none" }],
          agreements: [{ type: "confidentiality", signedDate: "2026-01-10", documentRef: "NDA-17" }],
        },
      } });
    return { processorId, version: saved.version, step: step4.step };
  }

  it("creates the vendor as the engineer's draft on step 1 and keeps each later step, resuming at the next one", async () => {
    const { db } = use();
    const saved = await saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { values: { vendor: vendor("Wizard Resume Maps") } } });
    expect(saved).toMatchObject({ step: 2, version: 1 });
    const [row] = await db.select().from(processors).where(eq(processors.id, saved.processorId));
    expect(row).toMatchObject({ status: "draft", createdByUserId: engineer.id, ownerUserId: engineer.id, country: "CN" });

    const step = await saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId: saved.processorId, step: 2, values: { data: { activityId, dataCategories: ["user.location.precise"] } } } });
    expect(step).toEqual({ step: 3 });
    const resumed = await loadRegistrationWizard({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId: saved.processorId } });
    expect(resumed.draft).toEqual({ step: 3, data: { activityId, dataCategories: ["user.location.precise"] } });
    expect(resumed.processor.name).toBe("Wizard Resume Maps");
    expect((await listVendorsRegisteredBy(db, engineer.id)).find((v) => v.id === saved.processorId)?.status).toBe("draft");

    // Going back to step 1 updates the same record (with its version) and keeps the later steps.
    const renamed = await saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId: saved.processorId, version: 1, values: { vendor: { ...vendor("Wizard Resume Maps Ltd"), role: "processor" } } } });
    expect(renamed).toMatchObject({ processorId: saved.processorId, version: 2, step: 3 });
    const steps = await db.select().from(auditEvents).where(eq(auditEvents.recordType, "registration_draft"));
    expect(steps.map((event) => [event.action, event.recordId])).toContainEqual(["save_step_2", saved.processorId]);
  });

  it("records the vendor's DPF UK Extension on step 1, and keeps it false unless the engineer says so", async () => {
    const { db } = use();
    const certified = { ...vendor("Wizard UK Analytics"), country: "US", dpfCertified: true, dpfExpiry: "2027-06-30" };
    const withExtension = await saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { values: { vendor: { ...certified, dpfUkExtension: true } } } });
    const [row] = await db.select().from(processors).where(eq(processors.id, withExtension.processorId));
    expect(row).toMatchObject({ dpfCertified: true, dpfUkExtension: true });
    const without = await saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { values: { vendor: { ...certified, name: "Wizard EU Only Analytics" } } } });
    const [other] = await db.select().from(processors).where(eq(processors.id, without.processorId));
    expect(other).toMatchObject({ dpfCertified: true, dpfUkExtension: false });
  });

  it("refuses a step with the step's schema, naming the field as the form does, and saves nothing", async () => {
    const { db } = use();
    const subWithoutParent = await rejection(
      saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { values: { vendor: { ...vendor("Wizard Orphan"), role: "sub_processor", country: "XX" } } } }),
    );
    expect(subWithoutParent.code).toBe("validation_failed");
    expect(subWithoutParent.details.fields?.map((field) => field.path).sort()).toEqual(["vendor.country", "vendor.parentProcessorId"]);
    expect(await db.select().from(processors).where(eq(processors.name, "Wizard Orphan"))).toEqual([]);

    // The same schema in the browser (zodResolver) reports the same paths.
    const browser = STEP_SCHEMAS[1].safeParse({ vendor: { ...vendor("Wizard Orphan"), role: "sub_processor", country: "XX" } });
    expect(browser.success).toBe(false);
    expect(browser.error!.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["vendor.country", "vendor.parentProcessorId"]);

    // A duplicate name is a server-side conflict, mapped back to the name field.
    await makeProcessor(db, { name: "Wizard Taken", normalizedName: "wizard taken" });
    const taken = await rejection(saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { values: { vendor: vendor("Wizard Taken") } } }));
    expect(taken.details.fields).toEqual([{ path: "vendor.name", message: expect.stringContaining("another processor already has this name") }]);

    const { processorId } = await saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { values: { vendor: vendor("Wizard Steps In Order") } } });
    const skipped = await rejection(
      saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, step: 3, values: { flows: { exporterEntityId: exporterId, originCountry: "US", subjectRegions: [] }, transfers: [chinaFlow] } } }),
    );
    expect(skipped.code).toBe("conflict");
    const unknown = await rejection(
      saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, step: 2, values: { data: { activityId, dataCategories: ["user.no_such_thing"] } } } }),
    );
    expect(unknown.details.fields).toEqual([{ path: "data.dataCategories.0", message: 'unknown data category "user.no_such_thing"' }]);
    const empty = await rejection(saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, step: 2, values: { data: { activityId, dataCategories: [] } } } }));
    expect(empty.details.fields).toEqual([{ path: "data.dataCategories", message: "pick at least one data category" }]);
    await saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, step: 2, values: { data: { activityId, dataCategories: ["user.contact.email"] } } } });
    const twice = await rejection(
      saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, step: 3, values: { flows: { exporterEntityId: exporterId, originCountry: "US", subjectRegions: [] }, transfers: [chinaFlow, { ...chinaFlow, accessType: "remote_access" }] } } }),
    );
    expect(twice.details.fields).toEqual([{ path: "transfers.1.destinationCountry", message: "already has a transfer above; one per destination" }]);
    const badAgreement = await rejection(
      saveRegistrationStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, step: 4, values: { transfers: [chinaFlow], agreements: [{ type: "dpa", signedDate: "2026-05-01", expiryDate: "2026-01-01" }] } } }),
    );
    expect(badAgreement.details.fields).toEqual([{ path: "agreements.0.expiryDate", message: "must not be before the signed date" }]);
    expect(await readRegistrationDraft(db, processorId)).toMatchObject({ step: 3 });
  });

  it("lets only the vendor's engineer (or the DPO) continue a draft", async () => {
    const { db } = use();
    const { processorId } = await saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { values: { vendor: vendor("Wizard Not Yours") } } });
    const refused = await rejection(loadRegistrationWizard({ ctx: { db, actor: as(otherEngineer), today: TODAY }, input: { processorId } }));
    expect(refused.code).toBe("forbidden");
    const alsoRefused = await rejection(
      saveRegistrationStep({ ctx: { db, actor: as(otherEngineer), today: TODAY }, input: { processorId, step: 2, values: { data: { activityId, dataCategories: ["user.contact.email"] } } } }),
    );
    expect(alsoRefused.code).toBe("forbidden");
    await expect(loadRegistrationWizard({ ctx: { db, actor: as(dpo), today: TODAY }, input: { processorId } })).resolves.toMatchObject({ draft: { step: 2 } });
  });

  it("predicts the flags of the real creates without saving them, then submits into the DPO's queue", async () => {
    const { db } = use();
    const { processorId, version, step } = await registerUpToSummary("Wizard Shenzhen Maps");
    expect(step).toBe(5);

    const predicted = await predictRegistration({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId } });
    const byRule = new Map(predicted.map((flag) => [flag.ruleId, flag]));
    // US → CN, precise location of 50,000 devices, sent in clear, only a confidentiality agreement.
    // What each flag is on, as data: the page words it in the reader's language.
    expect(byRule.get("transfer.no-encryption-in-transit")).toMatchObject({ severity: "critical", title: "No encryption in transit", about: { kind: "transfer", country: "CN" } });
    expect(byRule.get("transfer.no-encryption-in-transit")!.subject).toMatch(/^transfer:[0-9a-f-]{36}$/);
    expect(byRule.get("transfer.no-contract")).toMatchObject({ severity: "high", title: "No processing agreement" });
    expect(byRule.get("transfer.doj-bulk-restricted")).toMatchObject({ severity: "critical", title: "Bulk US sensitive data to a country of concern" });
    expect(byRule.get("transfer.doj-bulk-restricted")!.message).toMatch(/50,000/);
    expect(predicted[0]!.severity).toBe("critical");
    // Nothing of the prediction was kept.
    expect(await db.select().from(transfers).where(eq(transfers.processorId, processorId))).toEqual([]);
    expect(await db.select().from(safeguardAgreements).where(eq(safeguardAgreements.processorId, processorId))).toEqual([]);
    expect((await db.select().from(flags).where(eq(flags.processorId, processorId))).filter((flag) => flag.subjectType === "transfer")).toEqual([]);

    // Another engineer can neither predict nor submit it.
    expect((await rejection(predictRegistration({ ctx: { db, actor: as(otherEngineer), today: TODAY }, input: { processorId } }))).code).toBe("forbidden");

    const submitted = await submitRegistration({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, version } });
    expect(submitted.processor.status).toBe("submitted");
    const saved = await db.select().from(transfers).where(eq(transfers.processorId, processorId));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ status: "submitted", destinationCountry: "CN", estimatedSubjects: 50_000, volumeUnit: "devices", exporterEntityId: exporterId, activityId });
    expect(await db.select().from(safeguardAgreements).where(eq(safeguardAgreements.processorId, processorId))).toHaveLength(1);
    const stored = (await db.select().from(flags).where(eq(flags.processorId, processorId))).filter((flag) => flag.status === "open");
    expect(stored.map((flag) => flag.ruleId).sort()).toEqual(predicted.map((flag) => flag.ruleId).sort());
    expect(await db.select().from(appState).where(eq(appState.key, `registration-draft:${processorId}`))).toEqual([]);

    // Submitted, it leaves the wizard; the DPO approves it with its transfer.
    expect((await rejection(submitRegistration({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId, version: 2 } }))).code).toBe("forbidden");
    // The DPO may edit it, but the wizard continues drafts only: the status in words, its code in the details.
    const closed = await rejection(loadRegistrationWizard({ ctx: { db, actor: as(dpo), today: TODAY }, input: { processorId } }));
    expect(closed).toMatchObject({ code: "conflict", details: { currentStatus: "submitted" } });
    expect(closed.message).toBe("This vendor's status is Awaiting review: the registration wizard continues drafts only.");
    await approveProcessor({ ctx: { db, actor: as(dpo), today: TODAY }, input: { id: processorId, changes: { version: 2 } } });
    expect((await db.select().from(transfers).where(eq(transfers.processorId, processorId)))[0]!.status).toBe("approved");
  });

  it("says what each predicted flag is on as data: the vendor, a new transfer by destination, an agreement by type, a transfer it already had", async () => {
    const { db } = use();
    const ctx = { db, actor: as(engineer), today: TODAY };
    // Not DPF-certified, yet the EU flow relies on the DPF: a flag on the vendor itself.
    const { processorId } = await saveVendorStep({ ctx, input: { values: { vendor: { ...vendor("Wizard Subjects Inc"), country: "US" } } } });
    // A transfer the draft already had (created through the API while it was a draft), sent in clear.
    const { transfer: earlier } = await makeTransfer(db, { today: TODAY, processorId, exporterEntityId: exporterId, activityId, destinationCountry: "CN", encryptionInTransit: "none", status: "draft" });
    await saveRegistrationStep({ ctx, input: { processorId, step: 2, values: { data: { activityId, dataCategories: ["user.contact.email"] } } } });
    const euFlow = { ...chinaFlow, destinationCountry: "US", estimatedSubjects: 2_000, encryptionInTransit: "tls1_3", encryptionAtRest: "provider_keys", mechanism: "dpf" };
    await saveRegistrationStep({ ctx, input: { processorId, step: 3, values: { flows: { exporterEntityId: exporterId, originCountry: "DE", subjectRegions: ["EU"] }, transfers: [euFlow] } } });
    // A DPA expiring within 60 days: a flag on the agreement.
    await saveRegistrationStep({ ctx, input: { processorId, step: 4, values: { transfers: [euFlow], agreements: [{ type: "dpa", signedDate: "2026-01-10", expiryDate: "2026-12-20", documentRef: "DPA-9" }] } } });

    const predicted = await predictRegistration({ ctx, input: { processorId } });
    const about = (ruleId: string) => predicted.find((flag) => flag.ruleId === ruleId);
    expect(about("processor.dpf-lapsed")).toMatchObject({ about: { kind: "processor" }, subject: `processor:${processorId}` });
    expect(about("transfer.no-mechanism")?.about).toEqual({ kind: "transfer", country: "US" });
    expect(about("agreement.expiring-soon")?.about).toEqual({ kind: "agreement", agreementType: "dpa" });
    // Not one of this registration's transfers: no destination given, the page says "another transfer".
    expect(about("transfer.no-encryption-in-transit")).toMatchObject({ about: { kind: "transfer" }, subject: `transfer:${earlier.id}` });
    // Worst first, and the subject words are the page's: nothing here is English but the rule's own texts.
    expect(predicted.map((flag) => flag.severity)).toEqual([...predicted.map((flag) => flag.severity)].sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b]));
    expect(JSON.stringify(predicted.map((flag) => flag.about))).not.toMatch(/\s/);
  });

  it("refuses to predict or submit before every step is saved, and a stale submit changes nothing", async () => {
    const { db } = use();
    const { processorId } = await saveVendorStep({ ctx: { db, actor: as(engineer), today: TODAY }, input: { values: { vendor: vendor("Wizard Half Done") } } });
    expect((await rejection(predictRegistration({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId } }))).message).toMatch(/step 2/);

    const complete = await registerUpToSummary("Wizard Stale Submit");
    const stale = await rejection(submitRegistration({ ctx: { db, actor: as(engineer), today: TODAY }, input: { processorId: complete.processorId, version: complete.version + 5 } }));
    expect(stale.code).toBe("version_conflict");
    expect(await db.select().from(transfers).where(eq(transfers.processorId, complete.processorId))).toEqual([]);
    expect(await readRegistrationDraft(db, complete.processorId)).toMatchObject({ step: 5 });
  });

  it("offers the taxonomy with why a category is sensitive, per regime, as data the forms word in the reader's language", async () => {
    const { db } = use();
    const choices = await listRegistrationChoices(db);
    const byKey = new Map(choices.categories.map((category) => [category.key, category]));
    expect(byKey.get("user.location.precise")?.sensitivity).toEqual([{ regime: "ccpa" }, { regime: "pipl" }, { regime: "dojCategory", dojCategory: "precise_geolocation" }]);
    expect(byKey.get("user.biometric.face")?.sensitivity).toEqual(expect.arrayContaining([{ regime: "gdpr" }, { regime: "dojCategory", dojCategory: "biometric" }]));
    // A listed identifier counts through the linking condition, not as a category of its own.
    expect(byKey.get("user.device.device_id")?.sensitivity).toEqual([{ regime: "dojIdentifier" }]);
    expect(byKey.get("user.device.attributes")?.sensitivity).toEqual([]);
    // No words: nothing English reaches a French form from here.
    expect(JSON.stringify(choices.categories.map((category) => category.sensitivity))).not.toMatch(/\s/);
    // Grouping nodes are not offered.
    expect(byKey.has("user.device")).toBe(false);
    expect(choices.activities.map((a) => a.id)).toContain(activityId);
    expect(choices.exporters.map((e) => e.id)).toContain(exporterId);
  });
});
