import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, flags, processingActivities } from "@/db/schema";
import { approveActivity, createActivity, deleteActivity, rejectActivity, updateActivity } from "@/lib/activities/service";
import { appendAuditEvent } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { ROPA_TEMPLATES, type RopaTemplate } from "@/lib/exports/ropa";
import { runExport } from "@/lib/exports/run";
import type { ExportFormat } from "@/lib/exports/request";
import { listSubmittedActivities } from "@/lib/registration/queries";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases } from "./databases";
import { bufferSink, readPdf, readXlsx } from "./exports-helpers";
import { TEST_ACTOR, makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * Issue 13 point 3, "activities are the DPO's": an engineer proposes a processing activity (submitted), the
 * DPO approves or rejects it; only the DPO edits or deletes one; exports of approved records hold approved
 * activities only, and with pending records the proposal is marked. And the Art. 30 exports' cover and
 * controller columns come from the entity records (DPO, EU and UK representatives) in every template.
 */

const TODAY = "2026-03-01";
const squeezed = (text: string) => text.replace(/\s+/g, "");

/**
 * An Art. 30 CSV's table as objects keyed by header. The ICO and CNIL templates open with the organisation's
 * block, as the regulators' spreadsheets do, then a blank row: the table's header is the row after it.
 */
function csvTable(buffer: Buffer): Record<string, string>[] {
  const records = parse(buffer, { bom: true }) as string[][];
  const blank = records.findIndex((cells) => cells.every((cell) => cell === ""));
  const [header, ...rows] = blank === -1 ? records : records.slice(blank + 1);
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!])));
}

type Role = "dpo" | "engineer" | "auditor";
const actors = {} as Record<Role, { kind: "user"; userId: string; tokenId: null; label: string; role: Role }>;

async function expectForbidden(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("forbidden");
}

describeOnDatabases("activities are the DPO's", (use) => {
  const ctx = (role: Role) => ({ db: use().db, actor: actors[role], today: TODAY });
  let controllerId = "";

  beforeAll(async () => {
    const { db } = use();
    for (const role of ["dpo", "engineer", "auditor"] as const) {
      const { record } = await createUser({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { email: `${role}@activity-review.test`, name: `Review ${role}`, role } });
      actors[role] = { kind: "user", userId: record.id, tokenId: null, label: record.name, role };
    }
    controllerId = (await makeEntity(db, { name: "Review Controller SAS", country: "FR" })).id;
  });

  async function ropaCsv(includePending = false) {
    const sink = bufferSink();
    await runExport({ db: use().db, report: "ropa", format: "csv", template: "generic", includePending, out: sink.out, generatedAt: new Date(`${TODAY}T10:00:00Z`) });
    return csvTable(sink.buffer());
  }

  it("an engineer's new activity is submitted and stays out of the default Art. 30 export until the DPO approves it", async () => {
    const { record: proposal } = await createActivity({
      ctx: ctx("engineer"),
      input: { name: "Robot vacuum telemetry", controllerEntityId: controllerId, purpose: "Improve cleaning", legalBasis: "legitimate_interests", retentionPeriod: "12 months" },
    });
    expect(proposal).toMatchObject({ status: "submitted", createdByUserId: actors.engineer.userId, reviewedByUserId: null });
    expect(proposal.submittedAt).toBeInstanceOf(Date);
    expect((await listSubmittedActivities(use().db)).map((row) => [row.name, row.submittedBy])).toEqual([["Robot vacuum telemetry", "Review engineer"]]);

    // The DPO's own activity is of record at once.
    const { record: own } = await createActivity({ ctx: ctx("dpo"), input: { name: "Payroll", controllerEntityId: controllerId, purpose: "Pay staff", legalBasis: "contract" } });
    expect(own.status).toBe("approved");
    await expectForbidden(createActivity({ ctx: ctx("auditor"), input: { name: "Audit", controllerEntityId: controllerId, purpose: "x", legalBasis: "contract" } }));

    const approvedOnly = await ropaCsv();
    expect(approvedOnly.map((row) => row["Processing activity"])).toEqual(expect.arrayContaining(["Payroll"]));
    expect(approvedOnly.map((row) => row["Processing activity"])).not.toContain("Robot vacuum telemetry");
    // Pending records included: the proposal is listed and marked in the review-status column, like a pending
    // vendor, its state in words (the record status's label), never the code.
    const withPending = await ropaCsv(true);
    const marked = withPending.find((row) => row["Processing activity"] === "Robot vacuum telemetry")!;
    expect(marked["Review status"]).toBe("PENDING REVIEW — activity: Awaiting review");
    expect(withPending.find((row) => row["Processing activity"] === "Payroll")!["Review status"]).toBe("Approved");

    // The PDF's contents and sections follow the same scope.
    const pdfSink = bufferSink();
    await runExport({ db: use().db, report: "ropa", format: "pdf", template: "generic", includePending: false, out: pdfSink.out, generatedAt: new Date(`${TODAY}T10:00:00Z`) });
    const pdf = await readPdf(pdfSink.buffer());
    expect(squeezed(pdf.text)).toContain("Payroll");
    expect(squeezed(pdf.text)).not.toContain(squeezed("Robot vacuum telemetry"));

    await expectForbidden(approveActivity({ ctx: ctx("engineer"), input: { id: proposal.id, changes: { version: proposal.version } } }));
    const { record: approved } = await approveActivity({ ctx: ctx("dpo"), input: { id: proposal.id, changes: { version: proposal.version, comment: "Fine" } } });
    expect(approved).toMatchObject({ status: "approved", reviewedByUserId: actors.dpo.userId, reviewComment: "Fine", version: proposal.version + 1 });
    expect((await ropaCsv()).map((row) => row["Processing activity"])).toContain("Robot vacuum telemetry");
    expect(await listSubmittedActivities(use().db)).toEqual([]);

    // The review is audited under its own name.
    const events = await use().db.select().from(auditEvents).where(and(eq(auditEvents.recordType, "activity"), eq(auditEvents.recordId, proposal.id)));
    expect(events.map((event) => event.action)).toEqual(["create", "approve"]);
  });

  it("a rejection needs a comment; a rejected activity is out of the default export and marked with pending records", async () => {
    const { record: proposal } = await createActivity({
      ctx: ctx("engineer"),
      input: { name: "Voice snippets", controllerEntityId: controllerId, purpose: "Train the wake word", legalBasis: "consent" },
    });
    const noReason = await rejectActivity({ ctx: ctx("dpo"), input: { id: proposal.id, changes: { version: proposal.version } } }).catch((error: unknown) => error);
    expect(noReason).toBeInstanceOf(AppError);
    expect((noReason as AppError).code).toBe("validation_failed");
    const { record: rejected } = await rejectActivity({ ctx: ctx("dpo"), input: { id: proposal.id, changes: { version: proposal.version, comment: "No consent flow yet" } } });
    expect(rejected).toMatchObject({ status: "rejected", reviewComment: "No consent flow yet" });
    // Reviewed once: approving it now is a conflict, not a silent change.
    const again = await approveActivity({ ctx: ctx("dpo"), input: { id: proposal.id, changes: { version: rejected.version } } }).catch((error: unknown) => error);
    expect((again as AppError).code).toBe("conflict");

    expect((await ropaCsv()).map((row) => row["Processing activity"])).not.toContain("Voice snippets");
    expect((await ropaCsv(true)).find((row) => row["Processing activity"] === "Voice snippets")!["Review status"]).toBe("PENDING REVIEW — activity: Rejected");
  });

  it("only the DPO edits or deletes an activity: an engineer's edit is refused and resolves no flag", async () => {
    const { db } = use();
    // A special category with no Art. 9 condition: the transfer is flagged, and the condition would resolve it.
    const activity = await makeActivity(db, controllerId, { name: "Face unlock", art9Condition: null });
    const processor = await makeProcessor(db);
    const { transfer } = await makeTransfer(db, {
      today: TODAY,
      exporterEntityId: controllerId,
      activityId: activity.id,
      processorId: processor.id,
      subjectRegions: ["EU"],
      dataCategories: ["user.biometric.face"],
    });
    const openFlags = () =>
      db.select({ id: flags.id }).from(flags).where(and(eq(flags.subjectType, "transfer"), eq(flags.subjectId, transfer.id), eq(flags.ruleId, "transfer.special-category-no-condition"), eq(flags.status, "open")));
    expect(await openFlags()).toHaveLength(1);

    const edit = { version: activity.version, art9Condition: "explicit_consent" };
    await expectForbidden(updateActivity({ ctx: ctx("engineer"), input: { id: activity.id, changes: edit } }));
    await expectForbidden(updateActivity({ ctx: ctx("auditor"), input: { id: activity.id, changes: edit } }));
    await expectForbidden(deleteActivity({ ctx: ctx("engineer"), input: { id: activity.id, version: activity.version } }));
    expect(await openFlags()).toHaveLength(1);
    const [unchanged] = await db.select().from(processingActivities).where(eq(processingActivities.id, activity.id));
    expect(unchanged).toMatchObject({ version: activity.version, art9Condition: null });

    const { record } = await updateActivity({ ctx: ctx("dpo"), input: { id: activity.id, changes: edit } });
    expect(record).toMatchObject({ art9Condition: "explicit_consent", version: activity.version + 1 });
    expect(await openFlags()).toHaveLength(0);
  });

  it("a point-in-time export reads an activity snapshot written before reviews existed as approved", async () => {
    const { db } = use();
    const legacy = await makeActivity(db, controllerId, { name: "Legacy newsletter", createdAt: new Date("2025-01-01T00:00:00Z") });
    // The audit event of an update made before the review fields existed: its snapshot has no status.
    const { status: _status, createdByUserId: _by, submittedAt: _at, reviewedByUserId: _reviewer, reviewedAt: _when, reviewComment: _comment, ...before } = legacy;
    await appendAuditEvent({ db, actor: TEST_ACTOR, action: "update", recordType: "activity", recordId: legacy.id, before, after: { ...before, purpose: "Send the newsletter" }, at: new Date("2025-02-01T00:00:00Z") });
    const sink = bufferSink();
    await runExport({ db, report: "ropa", format: "csv", template: "generic", includePending: false, asOf: "2025-06-30", out: sink.out, generatedAt: new Date(`${TODAY}T10:00:00Z`) });
    const names = csvTable(sink.buffer()).map((row) => row["Processing activity"]);
    expect(names).toContain("Legacy newsletter");
  });
});

describeOnDatabases("Art. 30 exports: the cover and the controller columns from the entity records", (use) => {
  const entity = {
    name: "Contacts Robotics GmbH",
    legalName: "Contacts Robotics Gesellschaft mbH",
    country: "DE",
    role: "controller" as const,
    address: "Invalidenstraße 1, 10115 Berlin",
    phone: "+49 30 1234567",
    dpoContact: "Dana Schmidt, dpo@contacts.example",
    representativeContact: "EU Rep Contacts BV, Amsterdam",
    ukRepresentativeContact: "UK Rep Contacts Ltd, London",
  };

  beforeAll(async () => {
    const { db } = use();
    const controller = await makeEntity(db, entity);
    await makeActivity(db, controller.id, { name: "Fleet diagnostics", securityMeasures: "Access control" });
  });

  async function exportOf(template: RopaTemplate, format: ExportFormat) {
    const sink = bufferSink();
    await runExport({ db: use().db, report: "ropa", format, template, includePending: false, out: sink.out, generatedAt: new Date(`${TODAY}T10:00:00Z`) });
    return sink.buffer();
  }

  it.each(ROPA_TEMPLATES)("%s: the DPO contact and both representatives on the cover (XLSX, PDF, JSON)", async (template) => {
    const workbook = await readXlsx(await exportOf(template, "xlsx"));
    const cover = workbook.worksheets[0]!;
    const lines: string[][] = [];
    cover.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ""))));
    const line = lines.find((cells) => cells[0]!.startsWith(entity.name))!;
    expect(line, JSON.stringify(lines)).toBeDefined();
    expect(line[0]).toContain(entity.legalName);
    expect(line).toEqual(expect.arrayContaining([entity.dpoContact, entity.representativeContact, entity.ukRepresentativeContact, `${entity.address}; ${entity.phone}`]));

    const pdf = squeezed((await readPdf(await exportOf(template, "pdf"))).pages[0]!.text);
    for (const value of [entity.dpoContact, entity.representativeContact, entity.ukRepresentativeContact]) expect(pdf, value).toContain(squeezed(value));

    const json = JSON.parse((await exportOf(template, "json")).toString("utf8"));
    const { role: _role, ...contact } = entity;
    expect(json.controllers).toEqual([expect.objectContaining(contact)]);
    expect(json.rows[0]).toMatchObject({
      dpoContact: entity.dpoContact,
      representativeContact: entity.representativeContact,
      ukRepresentativeContact: entity.ukRepresentativeContact,
      controller: { name: entity.name, legalName: entity.legalName, address: entity.address, phone: entity.phone },
    });
  });

  it("generic and CNIL: the controller, DPO and representative columns of each activity", async () => {
    const csv = async (template: RopaTemplate) => csvTable(await exportOf(template, "csv"))[0]!;
    const generic = await csv("generic");
    expect(generic["Controller"]).toBe(`${entity.name} (${entity.legalName}); Germany; ${entity.address}; ${entity.phone}`);
    expect(generic["Data protection officer"]).toBe(entity.dpoContact);
    expect(generic["Representative (Art. 27)"]).toBe(`EU: ${entity.representativeContact}; UK: ${entity.ukRepresentativeContact}`);
    const cnil = await csv("cnil");
    expect(cnil["Délégué à la protection des données"]).toBe(entity.dpoContact);
    // French typography: a space before the colon and the semicolon.
    expect(cnil["Représentant"]).toBe(`UE : ${entity.representativeContact} ; Royaume-Uni : ${entity.ukRepresentativeContact}`);
    expect(cnil["Responsable du traitement"]).toContain(entity.address);
  });
});
