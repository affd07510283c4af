import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { seedDemoData } from "@/lib/seed/demo";
import { auditEvents, dataCategories, entities, flags, processingActivities, processors, safeguardAgreements, transfers } from "@/db/schema";
import { createActivity, deleteActivity } from "@/lib/activities/service";
import { createAgreement, deleteAgreement, updateAgreement } from "@/lib/agreements/service";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { updateCategoryClassification } from "@/lib/categories/service";
import { todayIso } from "@/lib/clock";
import { EXPORT_REPORTS, type ExportReport } from "@/lib/exports/request";
import { runExport } from "@/lib/exports/run";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { acceptFlagRisk } from "@/lib/flags/service";
import { enumLabel } from "@/lib/labels";
import { createProcessor, deleteProcessor, getProcessor, updateProcessor } from "@/lib/processors/service";
import { approveProcessor, submitProcessor } from "@/lib/review/service";
import { addDays } from "@/lib/rules";
import { deleteTransfer } from "@/lib/transfers/service";
import { createTransfer, getTransfer, updateTransfer } from "@/lib/transfers/service";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases } from "./databases";
import { bufferSink } from "./exports-helpers";
import { makeEntity } from "./factories";

/*
 * Issue #7, "point in time": change and delete records, then an export as of yesterday equals the export
 * taken yesterday, byte for byte, for every report. The two days are set on the clock (Date only: the
 * database keeps its own), so every service stamps its writes and audit events on the day they belong to.
 */

const DAY1 = "2026-03-10";
const DAY2 = "2026-03-11";
const at = (day: string, time = "10:00:00") => new Date(`${day}T${time}.000Z`);

describeOnDatabases("point-in-time exports", (use) => {
  // Each day-1 export, by report and scope ("ropa|pending"), as the regulator would have received it.
  const dayOne = new Map<string, Buffer>();
  const ids = { transfer: "", deletedTransfer: "", deletedProcessor: "", deletedActivity: "", deletedAgreement: "", renamedProcessor: "" };

  async function exportCsv(report: ExportReport, includePending: boolean, asOf?: string) {
    const sink = bufferSink();
    await runExport({ db: use().db, report, format: "csv", includePending, asOf, out: sink.out, generatedAt: new Date(), generatedBy: "Test DPO" });
    return sink.buffer();
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at(DAY1, "09:00:00"));
    const { db } = use();
    const today = todayIso();
    expect(today).toBe(DAY1);
    const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today }, input: { email: "dpo@pit.test", name: "PIT DPO", role: "dpo" } });
    const dpo = { kind: "user" as const, userId: user.id, tokenId: null, label: "PIT DPO <dpo@pit.test>", role: "dpo" as const };

    const exporter = await makeEntity(db, { name: "PIT Exporter Inc.", country: "US", role: "controller", dpoContact: "dpo@pit.example" });
    const activity = (name: string, extra: Record<string, unknown> = {}) =>
      createActivity({ ctx: { db, actor: dpo, today }, input: { name, controllerEntityId: exporter.id, purpose: `${name} purpose`, legalBasis: "contract", retentionPeriod: "24 months", ...extra } }).then(({ record }) => record);
    const support = await activity("Device support", { dataSubjectCategories: ["users", "California residents"], source: "the app" });
    const marketing = await activity("Newsletter", { legalBasis: "consent", disclosureType: "sharing", retentionPeriod: null });
    const abandoned = await activity("Abandoned purpose");

    const processor = async (input: Record<string, unknown>) => (await createProcessor({ ctx: { db, actor: dpo, today }, input: input })).record;
    const hengtong = await processor({ name: "Hengtong PIT", role: "processor", service: "technical_support", country: "CN", coveredPerson: true, ownerUserId: dpo.userId });
    const cloud = await processor({ name: "CloudCo PIT", role: "processor", service: "hosting", country: "US", dpfCertified: true, dpfExpiry: "2027-01-01", ownerUserId: dpo.userId });
    const helpdesk = await processor({ name: "Helpdesk PIT", role: "sub_processor", service: "customer_support", country: "CN", coveredPerson: true, parentProcessorId: hengtong.id });
    const doomed = await processor({ name: "Doomed Analytics PIT", role: "processor", service: "analytics", country: "US" });

    const transfer = async (input: Record<string, unknown>) =>
      (
        await createTransfer({ ctx: { db, actor: dpo, today }, input: {
            exporterEntityId: exporter.id,
            originCountry: "US",
            accessType: "storage",
            subjectRegions: ["US-CA"],
            estimatedSubjects: 500,
            encryptionInTransit: "tls1_3",
            encryptionAtRest: "provider_keys",
            mechanism: "none",
            status: "draft",
            ...input,
          } })
      ).record;
    const remote = await transfer({
      activityId: support.id,
      processorId: hengtong.id,
      destinationCountry: "CN",
      accessType: "remote_access",
      subjectRegions: ["US-CA", "EU"],
      estimatedSubjects: 5000,
      mechanism: "scc",
      dataCategories: ["user.contact.email", "user.device.device_id"],
    });
    const plain = await transfer({
      activityId: support.id,
      processorId: hengtong.id,
      destinationCountry: "CN",
      estimatedSubjects: 2000,
      volumeUnit: "devices",
      encryptionInTransit: "none",
      dataCategories: ["user.location.precise.gps"],
    });
    const newsletter = await transfer({ activityId: marketing.id, processorId: cloud.id, destinationCountry: "US", encryptionAtRest: "none", dataCategories: ["user.contact.email"] });
    const doomedFlow = await transfer({ activityId: marketing.id, processorId: doomed.id, destinationCountry: "US", dataCategories: ["user.behavior.usage_log"] });
    await transfer({ activityId: support.id, processorId: helpdesk.id, destinationCountry: "CN", dataCategories: ["user.contact.email", "user.account.username"] });

    // Submitting and approving a vendor carries its transfers along (partial audit events of the transfers).
    for (const vendor of [hengtong, cloud, helpdesk, doomed]) {
      const submitted = await submitProcessor({ ctx: { db, actor: dpo, today }, input: { id: vendor.id, changes: { version: vendor.version } } });
      await approveProcessor({ ctx: { db, actor: dpo, today }, input: { id: vendor.id, changes: { version: submitted.record.version } } });
    }

    const { record: scc } = await createAgreement({ ctx: { db, actor: dpo, today }, input: { processorId: hengtong.id, type: "scc", sccModule: "module_2", signedDate: "2026-01-01", expiryDate: "2027-01-01", permitsSubprocessing: true, coversAllTransfers: false, transferIds: [remote.id] } });
    await createAgreement({ ctx: { db, actor: dpo, today }, input: { processorId: cloud.id, type: "dpa", signedDate: "2025-06-01", expiryDate: "2026-04-01", documentRef: "DPA-CLOUD-1" } });
    const { record: nda } = await createAgreement({ ctx: { db, actor: dpo, today }, input: { processorId: hengtong.id, type: "confidentiality", signedDate: "2025-01-01", documentRef: "NDA-7" } });

    for (const report of EXPORT_REPORTS) {
      for (const includePending of [false, true]) dayOne.set(`${report}|${includePending}`, await exportCsv(report, includePending));
    }

    // ---- Day 2: the register moves on. -------------------------------------------------------------
    vi.setSystemTime(at(DAY2));
    const tomorrow = todayIso();
    const current = async (table: "processor" | "transfer", id: string) =>
      table === "processor" ? (await getProcessor({ db, id }))!.processor.version : (await getTransfer({ db, id }))!.version;

    await updateProcessor({ ctx: { db, actor: dpo, today: tomorrow }, input: { id: cloud.id, changes: { version: await current("processor", cloud.id), name: "CloudCo PIT (renamed)" } } });
    await updateTransfer({ ctx: { db, actor: dpo, today: tomorrow }, input: { id: remote.id, changes: { version: await current("transfer", remote.id), dataCategories: ["user.contact.email", "user.biometric.face"] } } });
    await updateAgreement({ ctx: { db, actor: dpo, today: tomorrow }, input: { id: scc.id, changes: { version: scc.version, transferIds: [remote.id, plain.id] } } });
    // The missing encryption at rest is fixed: its flag resolves.
    await updateTransfer({ ctx: { db, actor: dpo, today: tomorrow }, input: { id: newsletter.id, changes: { version: await current("transfer", newsletter.id), encryptionAtRest: "customer_keys" } } });
    // The DPO accepts the plain-HTTP risk until the summer.
    const [plainHttp] = await db.select().from(flags).where(and(eq(flags.subjectId, plain.id), eq(flags.ruleId, "transfer.no-encryption-in-transit")));
    await acceptFlagRisk({ ctx: { db, actor: dpo, today: tomorrow }, input: { id: plainHttp!.id, changes: { version: plainHttp!.version, justification: "Tunnel being replaced, see ticket 42.", acceptedUntil: "2026-06-30" } } });
    // A classification changes: e-mail addresses become CCPA-sensitive in this register.
    const [email] = await db.select().from(dataCategories).where(eq(dataCategories.key, "user.contact.email"));
    await updateCategoryClassification({ ctx: { db, actor: dpo, today: tomorrow }, input: { key: email!.key, changes: { version: email!.version, ccpaSensitive: !email!.ccpaSensitive } } });
    // Deletions: a transfer, then its processor; an agreement; an activity without transfers.
    await deleteTransfer({ ctx: { db, actor: dpo, today: tomorrow }, input: { id: doomedFlow.id, version: await current("transfer", doomedFlow.id) } });
    await deleteProcessor({ ctx: { db, actor: dpo, today: tomorrow }, input: { id: doomed.id, version: await current("processor", doomed.id) } });
    await deleteAgreement({ ctx: { db, actor: dpo, today: tomorrow }, input: { id: nda.id, version: nda.version } });
    await deleteActivity({ ctx: { db, actor: dpo, today: tomorrow }, input: { id: abandoned.id, version: abandoned.version } });
    // And a vendor registered on day 2 did not exist on day 1.
    const late = await processor({ name: "Late Vendor PIT", role: "processor", service: "payments", country: "CN", coveredPerson: true });
    await transfer({ activityId: support.id, processorId: late.id, destinationCountry: "CN", status: "approved", dataCategories: ["user.contact.email"] });

    Object.assign(ids, { transfer: remote.id, deletedTransfer: doomedFlow.id, deletedProcessor: doomed.id, deletedActivity: abandoned.id, deletedAgreement: nda.id, renamedProcessor: cloud.id });
  });

  afterAll(() => {
    vi.useRealTimers();
  });

  it("the day-2 register differs from day 1 in every register report (the changes are visible)", async () => {
    for (const report of ["ropa", "transfers", "subprocessors", "ccpa", "doj"] as const) {
      const now = await exportCsv(report, true);
      expect(now.equals(dayOne.get(`${report}|true`)!), `${report} should have changed`).toBe(false);
    }
    const transfersNow = (await exportCsv("transfers", true)).toString("utf8");
    expect(transfersNow).toContain("CloudCo PIT (renamed)");
    expect(transfersNow).not.toContain("Doomed Analytics PIT");
    expect(dayOne.get("transfers|true")!.toString("utf8")).toContain("Doomed Analytics PIT");
  });

  it("every report as of day 1, taken on day 2, equals the day-1 export byte for byte", async () => {
    expect(todayIso()).toBe(DAY2);
    for (const report of EXPORT_REPORTS) {
      for (const includePending of [false, true]) {
        const asOf = await exportCsv(report, includePending, DAY1);
        const expected = dayOne.get(`${report}|${includePending}`)!;
        // Compared as text first for a readable difference, then as bytes.
        expect(asOf.toString("utf8"), `${report}, includePending ${includePending}`).toBe(expected.toString("utf8"));
        expect(asOf.equals(expected)).toBe(true);
      }
    }
  });

  it("the day-1 exports hold the records deleted since, and the flag accepted and the flag resolved on day 2 as open", async () => {
    const register = dayOne.get("transfers|true")!.toString("utf8");
    expect(register).toContain(ids.deletedTransfer);
    // The register names rules by their titles (lib/labels).
    expect(register).toContain(enumLabel("rule", "transfer.no-encryption-in-transit"));
    expect(register).toContain(enumLabel("rule", "transfer.no-encryption-at-rest"));
    expect(dayOne.get("ropa|true")!.toString("utf8")).toContain("Abandoned purpose");
    const asOf = (await exportCsv("transfers", true, DAY1)).toString("utf8");
    expect(asOf).toContain(ids.deletedTransfer);
    expect(asOf).not.toContain("Late Vendor PIT");
  });

  it("the accepted risks: the plain-HTTP risk accepted on day 2 is listed now, not as of day 1", async () => {
    const now = (await exportCsv("risks", false)).toString("utf8");
    expect(now).toContain("Tunnel being replaced, see ticket 42.");
    expect(now).toContain(enumLabel("rule", "transfer.no-encryption-in-transit"));
    expect(dayOne.get("risks|false")!.toString("utf8")).not.toContain("Tunnel being replaced");
    expect((await exportCsv("risks", false, DAY1)).toString("utf8")).not.toContain("Tunnel being replaced");
  });

  it("leaves the audit chain intact", async () => {
    expect(await verifyAuditChain({ db: use().db })).toMatchObject({ ok: true });
  });
});

describeOnDatabases("point-in-time exports of the demo register", (use) => {
  it("the demo's load is in the trail: every report as of today equals the live one, and as of the day before its history is empty", async () => {
    const { db } = use();
    const today = todayIso();
    await seedDemoData(db, { today });
    await runFullEvaluation({ db, today });
    for (const [recordType, table] of [
      ["processor", processors],
      ["transfer", transfers],
      ["agreement", safeguardAgreements],
      ["activity", processingActivities],
      ["entity", entities],
    ] as const) {
      const created = await db.select({ id: auditEvents.recordId }).from(auditEvents).where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.action, "create")));
      const rows = await db.select({ id: table.id }).from(table);
      expect(created.map((event) => event.id).sort(), recordType).toEqual(rows.map((row) => row.id).sort());
    }
    const csv = async (report: ExportReport, asOf?: string) => {
      const sink = bufferSink();
      const result = await runExport({ db, report, format: "csv", includePending: true, asOf, out: sink.out, generatedAt: new Date(), generatedBy: "Test DPO" });
      return { text: sink.buffer().toString("utf8"), rows: result.rowCount };
    };
    for (const report of EXPORT_REPORTS.filter((name) => name !== "audit")) {
      const live = await csv(report);
      const asOf = await csv(report, today);
      expect(asOf.text, report).toBe(live.text);
      if (report !== "ccpa") expect(asOf.rows, report).toBeGreaterThan(0);
    }
    // The demo's history (lib/seed/demo.ts) starts 152 days ago: the day before, the register held nothing;
    // 100 days ago, only the first vendors' transfers.
    expect((await csv("transfers", addDays(today, -153))).rows).toBe(0);
    const earlier = (await csv("transfers", addDays(today, -100))).rows;
    expect(earlier).toBeGreaterThan(0);
    expect(earlier).toBeLessThan((await csv("transfers")).rows);
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
  });
});
