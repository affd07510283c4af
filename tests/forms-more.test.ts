import { eq } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import { auditEvents, processors, safeguardAgreements, type UserRole } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases, useAsAppDatabase } from "./databases";
import { makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * The create and edit forms' server actions, called as the browser calls them: through the guard (session
 * and role), on both databases. The session is the only thing faked.
 */

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => session.current),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const TODAY = new Date().toISOString().slice(0, 10);

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: { path: string; message: string }[] } };

function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

function expectError<T>(result: Result<T>, code: string) {
  expect(result.ok, result.ok ? "expected an error" : result.error.message).toBe(false);
  if (result.ok) throw new Error("unreachable");
  expect(result.error.code).toBe(code);
  return result.error;
}

describeOnDatabases("create and edit forms", (use) => {
  useAsAppDatabase(use);
  const people: Record<"dpo" | "otherDpo" | "engineer" | "auditor", { id: string; role: UserRole; name: string }> = {
    dpo: { id: "", role: "dpo", name: "Dana Protection" },
    otherDpo: { id: "", role: "dpo", name: "Olivia Second" },
    engineer: { id: "", role: "engineer", name: "Eli Engineer" },
    auditor: { id: "", role: "auditor", name: "Ada Auditor" },
  };
  const signIn = (who: keyof typeof people) => {
    session.current = { user: { id: people[who].id } };
  };

  beforeAll(async () => {
    for (const [key, person] of Object.entries(people)) {
      const { record: user } = await createUser({
        ctx: { db: use().db, actor: SYSTEM_ACTOR, today: "2026-01-01" },
        input: { email: `${key.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@forms.test`, name: person.name, role: person.role, password: "a-long-password-1" },
      });
      person.id = user.id;
    }
  });

  it("saves a processor edit and refuses a stale one, naming who changed it and when", async () => {
    const { saveProcessor } = await import("@/app/(dashboard)/processors/[id]/edit/actions");
    const processor = await makeProcessor(use().db, { dpfCertified: true, dpfExpiry: "2030-01-01" });

    signIn("dpo");
    const saved = expectOk(await saveProcessor({ id: processor.id, changes: { version: processor.version, notes: "Contract renewed." } }));
    expect(saved).toEqual({ id: processor.id, version: processor.version + 1 });

    signIn("otherDpo");
    const error = expectError(await saveProcessor({ id: processor.id, changes: { version: processor.version, notes: "Stale edit." } }), "version_conflict");
    expect(error.message).toMatch(/^This processor was changed by Dana Protection <dpo-[^>]+> at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC while you were editing\./);
    const stored = (await use().db.select().from(processors).where(eq(processors.id, processor.id)))[0]!;
    expect(stored.notes).toBe("Contract renewed.");
  });

  it("maps an invalid field back to its path, for the form to show next to the field", async () => {
    const { saveProcessor } = await import("@/app/(dashboard)/processors/[id]/edit/actions");
    const processor = await makeProcessor(use().db);
    signIn("dpo");
    const error = expectError(await saveProcessor({ id: processor.id, changes: { version: processor.version, website: "javascript:alert(1)" } }), "validation_failed");
    expect(error.fields).toEqual([{ path: "website", message: "must be an http or https URL" }]);
  });

  it("a stale edit of a processing activity names the person who saved first", async () => {
    const { saveActivity } = await import("@/app/(dashboard)/activities/[id]/edit/actions");
    const activity = await makeActivity(use().db, (await makeEntity(use().db)).id);
    signIn("otherDpo");
    expectOk(await saveActivity({ id: activity.id, changes: { version: activity.version, retentionPeriod: "12 months" } }));
    signIn("dpo");
    const error = expectError(await saveActivity({ id: activity.id, changes: { version: activity.version, retentionPeriod: "36 months" } }), "version_conflict");
    expect(error.message).toContain("This processing activity was changed by Olivia Second <otherdpo-");
  });

  it("predicts, before an agreement is created, that it resolves the processor's missing-contract flag, and saves nothing", async () => {
    const { previewNewAgreement, createAgreementFromForm } = await import("@/app/(dashboard)/agreements/new/actions");
    const processor = await makeProcessor(use().db);
    const { transfer, flags } = await makeTransfer(use().db, { today: TODAY, processorId: processor.id });
    expect(flags.map((flag) => flag.ruleId)).toContain("transfer.no-contract");

    signIn("dpo");
    const values = { processorId: processor.id, type: "dpa", signedDate: "2026-01-05", effectiveDate: "2026-01-05", coversAllTransfers: true };
    const noContract = `transfer:${transfer.id}:transfer.no-contract`;
    const predicted = expectOk(await previewNewAgreement({ values }));
    expect(predicted.flags.map((flag) => flag.key)).not.toContain(noContract);
    // The same agreement listing none of the transfers would leave the flag open: the prediction reads the values.
    const listingNone = expectOk(await previewNewAgreement({ values: { ...values, coversAllTransfers: false, transferIds: [] } }));
    expect(listingNone.flags.map((flag) => flag.key)).toContain(noContract);
    expect(await use().db.select().from(safeguardAgreements).where(eq(safeguardAgreements.processorId, processor.id))).toEqual([]);

    const created = expectOk(await createAgreementFromForm({ values }));
    const stored = await use().db.select().from(safeguardAgreements).where(eq(safeguardAgreements.processorId, processor.id));
    expect(stored.map((agreement) => agreement.id)).toEqual([created.id]);
  });

  it("predicts the flags of a new processor without creating it, then creates it as a draft", async () => {
    const { previewNewProcessor, createProcessorFromForm } = await import("@/app/(dashboard)/processors/new/actions");
    const name = `Forms Vendor ${crypto.randomUUID().slice(0, 8)}`;
    const values = { name, role: "processor", service: "analytics", country: "SG", ownerUserId: null };
    signIn("dpo");
    const predicted = expectOk(await previewNewProcessor({ values }));
    expect(predicted.flags.map((flag) => flag.ruleId)).toContain("processor.no-owner");
    expect(await use().db.select().from(processors).where(eq(processors.name, name))).toEqual([]);

    const created = expectOk(await createProcessorFromForm({ values: { ...values, ownerUserId: people.dpo.id } }));
    const stored = (await use().db.select().from(processors).where(eq(processors.id, created.id)))[0]!;
    expect(stored).toMatchObject({ name, status: "draft", createdByUserId: people.dpo.id });
  });

  it("predicts a new transfer's flags on its processor, then creates it", async () => {
    const { previewNewTransfer, createTransferFromForm } = await import("@/app/(dashboard)/transfers/new/actions");
    const exporter = await makeEntity(use().db);
    const activity = await makeActivity(use().db, exporter.id);
    const processor = await makeProcessor(use().db, { country: "CN" });
    const values = {
      processorId: processor.id,
      activityId: activity.id,
      exporterEntityId: exporter.id,
      originCountry: "US",
      destinationCountry: "CN",
      subjectRegions: ["EU"],
      encryptionInTransit: "none",
      dataCategories: ["user.contact.email"],
    };
    signIn("dpo");
    const predicted = expectOk(await previewNewTransfer({ values }));
    const rules = predicted.flags.filter((flag) => flag.subjectType === "transfer").map((flag) => flag.ruleId);
    expect(rules).toEqual(expect.arrayContaining(["transfer.no-encryption-in-transit", "transfer.no-mechanism", "transfer.no-contract"]));
    const created = expectOk(await createTransferFromForm({ values }));
    const events = await use().db.select().from(auditEvents).where(eq(auditEvents.recordId, created.id));
    expect(events.map((event) => event.action)).toEqual(["create"]);
  });

  it("refuses the auditor every create and edit", async () => {
    const modules = await Promise.all([
      import("@/app/(dashboard)/processors/[id]/edit/actions"),
      import("@/app/(dashboard)/processors/new/actions"),
      import("@/app/(dashboard)/agreements/[id]/edit/actions"),
      import("@/app/(dashboard)/agreements/new/actions"),
      import("@/app/(dashboard)/activities/[id]/edit/actions"),
      import("@/app/(dashboard)/activities/new/actions"),
      import("@/app/(dashboard)/transfers/new/actions"),
      import("@/app/(dashboard)/transfers/[id]/edit/actions"),
    ]);
    const processor = await makeProcessor(use().db);
    signIn("auditor");
    for (const mod of modules) {
      for (const [name, fn] of Object.entries(mod)) {
        const call = fn as (input: unknown) => Promise<Result<unknown>>;
        const result = await call({ id: processor.id, changes: { version: 1 }, values: { processorId: processor.id } });
        expect(result.ok ? "ok" : result.error.code, name).toBe("forbidden");
      }
    }
  });

  it("lets an engineer add an agreement to their own draft processor only", async () => {
    const { createAgreementFromForm } = await import("@/app/(dashboard)/agreements/new/actions");
    const approved = await makeProcessor(use().db, { createdByUserId: people.engineer.id, status: "approved" });
    const draft = await makeProcessor(use().db, { createdByUserId: people.engineer.id, status: "draft" });
    signIn("engineer");
    expectError(await createAgreementFromForm({ values: { processorId: approved.id, type: "dpa" } }), "forbidden");
    expectOk(await createAgreementFromForm({ values: { processorId: draft.id, type: "dpa" } }));
  });

  it("keeps activity edits for the DPO", async () => {
    const { saveActivity } = await import("@/app/(dashboard)/activities/[id]/edit/actions");
    const activity = await makeActivity(use().db, (await makeEntity(use().db)).id);
    signIn("engineer");
    expectError(await saveActivity({ id: activity.id, changes: { version: activity.version, retentionPeriod: "1 month" } }), "forbidden");
  });

  it("lets an engineer edit their own draft processor, never one already approved", async () => {
    const { saveProcessor } = await import("@/app/(dashboard)/processors/[id]/edit/actions");
    const draft = await makeProcessor(use().db, { createdByUserId: people.engineer.id, status: "draft" });
    const approved = await makeProcessor(use().db, { createdByUserId: people.engineer.id, status: "approved" });
    signIn("engineer");
    expectOk(await saveProcessor({ id: draft.id, changes: { version: draft.version, service: "analytics" } }));
    expectError(await saveProcessor({ id: approved.id, changes: { version: approved.version, service: "analytics" } }), "forbidden");
  });

  it("edits an agreement's coverage, refusing by its path a transfer of another processor", async () => {
    const { saveAgreement } = await import("@/app/(dashboard)/agreements/[id]/edit/actions");
    const { createAgreementFromForm } = await import("@/app/(dashboard)/agreements/new/actions");
    const processor = await makeProcessor(use().db);
    const own = await makeTransfer(use().db, { today: TODAY, processorId: processor.id });
    const foreign = await makeTransfer(use().db, { today: TODAY });
    signIn("dpo");
    const created = expectOk(await createAgreementFromForm({ values: { processorId: processor.id, type: "dpa", signedDate: "2026-01-05" } }));
    const error = expectError(
      await saveAgreement({ id: created.id, changes: { version: created.version, coversAllTransfers: false, transferIds: [own.transfer.id, foreign.transfer.id] } }),
      "validation_failed",
    );
    expect(error.fields).toEqual([{ path: "transferIds.1", message: "is not a transfer to this agreement's processor" }]);
    const saved = expectOk(await saveAgreement({ id: created.id, changes: { version: created.version, coversAllTransfers: false, transferIds: [own.transfer.id] } }));
    expect(saved.version).toBe(created.version + 1);
  });

  it("names the person in a stale transfer edit too (the shared conflict message)", async () => {
    const { saveTransfer } = await import("@/app/(dashboard)/transfers/[id]/edit/actions");
    const { transfer } = await makeTransfer(use().db, { today: TODAY });
    signIn("dpo");
    expectOk(await saveTransfer({ id: transfer.id, changes: { version: transfer.version, notes: "first" } }));
    signIn("otherDpo");
    const error = expectError(await saveTransfer({ id: transfer.id, changes: { version: transfer.version, notes: "second" } }), "version_conflict");
    expect(error.message).toContain("This transfer was changed by Dana Protection <dpo-");
  });
});
