import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, expect, it, vi } from "vitest";
import { dataCategories, flags, processors, transferDataCategories, transfers } from "@/db/schema";
import { createActivity } from "@/lib/activities/service";
import { appendAuditEvent } from "@/lib/audit/record";
import { updateCategoryClassification } from "@/lib/categories/service";
import { todayIso } from "@/lib/clock";
import { withRegisterAsOf } from "@/lib/exports/as-of";
import { acceptFlagRisk } from "@/lib/flags/service";
import { createProcessor, updateProcessor } from "@/lib/processors/service";
import { approveProcessor, submitProcessor } from "@/lib/review/service";
import { createTransfer, updateTransfer } from "@/lib/transfers/service";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

const DAY_MS = 24 * 60 * 60 * 1000;
const utcDate = (date: Date) => date.toISOString().slice(0, 10);

/** Sets the clock (Date only: the database keeps its own) to 10:00 UTC of a day. */
function onDay(day: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${day}T10:00:00.000Z`));
}

describeOnDatabases("withRegisterAsOf", (use) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reads a transfer deleted later as it stood, omits records created after the day, leaves live data alone", async () => {
    const { db } = use();
    const now = new Date();
    const today = utcDate(now);
    const { transfer } = await makeTransfer(db, { today, estimatedSubjects: 500 });
    await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today }, input: { id: transfer.id, changes: { version: 1, estimatedSubjects: 4321 } } });
    // The deletion happens after the as-of day (two days later), so the as-of read must still show the record.
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(transfers).where(sql`${transfers.id} = ${transfer.id}`);
      await tx.delete(transfers).where(sql`${transfers.id} = ${transfer.id}`);
      await appendAuditEvent({ db: tx, actor: TEST_ACTOR, action: "delete", recordType: "transfer", recordId: transfer.id, before, at: new Date(now.getTime() + 2 * DAY_MS) });
    });

    const asOfToday = await withRegisterAsOf(db, today, (reader) => reader.select().from(transfers));
    expect(asOfToday.map((row) => [row.id, row.estimatedSubjects])).toEqual([[transfer.id, 4321]]);

    const asOfYesterday = await withRegisterAsOf(db, utcDate(new Date(now.getTime() - DAY_MS)), (reader) => reader.select().from(transfers));
    expect(asOfYesterday).toEqual([]);

    expect(await db.select().from(transfers)).toEqual([]);
  });

  it("rejects an asOf that is not a calendar date, naming the field", async () => {
    const { db } = use();
    await expect(withRegisterAsOf(db, "2026-02-30", async () => 1)).rejects.toMatchObject({ code: "validation_failed", details: { fields: [{ path: "asOf" }] } });
  });

  it("merges a review's partial events into the last snapshot: the status of each day, the categories kept", async () => {
    const { db } = use();
    onDay("2026-04-01");
    const dpo = { ...TEST_ACTOR, role: "dpo" as const };
    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id);
    const { record: processor } = await createProcessor({ ctx: { db, actor: dpo, today: todayIso() }, input: { name: "Review Merge Vendor", role: "processor", service: "hosting", country: "DE" } });
    const { record: transfer } = await createTransfer({ ctx: { db, actor: dpo, today: todayIso() }, input: { activityId: activity.id, exporterEntityId: exporter.id, processorId: processor.id, originCountry: "US", destinationCountry: "DE", status: "draft", dataCategories: ["user.contact.email", "user.device.device_id"] } });
    const submitted = await submitProcessor({ ctx: { db, actor: dpo, today: todayIso() }, input: { id: processor.id, changes: { version: 1 } } });
    onDay("2026-04-02");
    await approveProcessor({ ctx: { db, actor: dpo, today: todayIso() }, input: { id: processor.id, changes: { version: submitted.record.version } } });

    const read = (day: string) =>
      withRegisterAsOf(db, day, async (reader) => ({
        transfer: (await reader.select().from(transfers).where(eq(transfers.id, transfer.id)))[0],
        processor: (await reader.select().from(processors).where(eq(processors.id, processor.id)))[0],
        categories: (await reader.select().from(transferDataCategories).where(eq(transferDataCategories.transferId, transfer.id))).map((row) => row.categoryKey).sort(),
      }));
    const dayOne = await read("2026-04-01");
    expect(dayOne.transfer).toMatchObject({ status: "submitted", version: 2, destinationCountry: "DE", activityId: activity.id });
    expect(dayOne.processor).toMatchObject({ status: "submitted", name: "Review Merge Vendor" });
    expect(dayOne.categories).toEqual(["user.contact.email", "user.device.device_id"]);
    const dayTwo = await read("2026-04-02");
    expect(dayTwo.transfer).toMatchObject({ status: "approved", version: 3, destinationCountry: "DE" });
    expect(dayTwo.processor).toMatchObject({ status: "approved" });
    expect(dayTwo.categories).toEqual(["user.contact.email", "user.device.device_id"]);
  });

  it("rolls reference data back: a category reclassified later reads as it was classified that day", async () => {
    const { db } = use();
    onDay("2026-05-01");
    const [before] = await db.select().from(dataCategories).where(eq(dataCategories.key, "user.device.imei"));
    onDay("2026-05-03");
    await updateCategoryClassification({ ctx: { db, actor: TEST_ACTOR, today: todayIso() }, input: { key: "user.device.imei", changes: { version: before!.version, piplSensitive: !before!.piplSensitive } } });
    const classified = (day: string) =>
      withRegisterAsOf(db, day, async (reader) => (await reader.select().from(dataCategories).where(eq(dataCategories.key, "user.device.imei")))[0]!.piplSensitive);
    expect(await classified("2026-05-02")).toBe(before!.piplSensitive);
    expect(await classified("2026-05-03")).toBe(!before!.piplSensitive);
  });

  it("rebuilds the flags of the day: an accepted risk stays accepted until its end date, and live flags are left alone", async () => {
    const { db } = use();
    onDay("2026-06-01");
    const { record: user } = await createUser({ ctx: { db, actor: TEST_ACTOR, today: todayIso() }, input: { email: "dpo@as-of.test", name: "As-of DPO", role: "dpo" } });
    const dpo = { kind: "user" as const, userId: user.id, tokenId: null, label: "As-of DPO", role: "dpo" as const };
    const { record: processor } = await createProcessor({ ctx: { db, actor: dpo, today: todayIso() }, input: { name: "Plain HTTP Vendor", role: "processor", service: "hosting", country: "US", ownerUserId: user.id } });
    const exporter = await makeEntity(db);
    // Through the service, so that the trail dates it: a row written directly is dated by the database's own clock.
    const { record: activity } = await createActivity({ ctx: { db, actor: dpo, today: todayIso() }, input: { name: "Plain HTTP support", controllerEntityId: exporter.id, purpose: "Support", legalBasis: "contract", retentionPeriod: "12 months" } });
    const { record: transfer } = await createTransfer({ ctx: { db, actor: dpo, today: todayIso() }, input: { activityId: activity.id, exporterEntityId: exporter.id, processorId: processor.id, originCountry: "US", destinationCountry: "US", encryptionInTransit: "none", dataCategories: ["user.contact.email"] } });
    const [flag] = await db.select().from(flags).where(and(eq(flags.subjectId, transfer.id), eq(flags.ruleId, "transfer.no-encryption-in-transit")));
    onDay("2026-06-02");
    await acceptFlagRisk({ ctx: { db, actor: dpo, today: todayIso() }, input: { id: flag!.id, changes: { version: flag!.version, justification: "A tunnel replaces it next week.", acceptedUntil: "2026-06-05" } } });
    onDay("2026-06-10");
    const live = await db.select().from(flags).orderBy(flags.id);

    const statusOn = (day: string) =>
      withRegisterAsOf(db, day, async (reader) =>
        (await reader.select().from(flags).where(and(eq(flags.subjectId, transfer.id), eq(flags.ruleId, "transfer.no-encryption-in-transit"))))[0]?.status,
      );
    expect(await statusOn("2026-05-31")).toBeUndefined();
    expect(await statusOn("2026-06-01")).toBe("open");
    expect(await statusOn("2026-06-02")).toBe("accepted");
    expect(await statusOn("2026-06-05")).toBe("accepted");
    // Past its end date the acceptance lapses, as the daily evaluation would have reopened it.
    expect(await statusOn("2026-06-06")).toBe("open");
    expect(await db.select().from(flags).orderBy(flags.id)).toEqual(live);
  });

  it("reads snapshots written before migration 0004 (issue 15): the law's new facts read as not recorded", async () => {
    const { db } = use();
    const now = new Date();
    const today = utcDate(now);
    const { transfer } = await makeTransfer(db, { today });
    const [processor] = await db.select().from(processors).where(eq(processors.id, transfer.processorId));
    // The snapshots as the audit trail held them before the columns existed.
    const { importantData: _i, piplSeparateConsent: _c, piplExemption: _e, pipiaDate: _p, dojExemption: _d, dojExemptionJustification: _j, ...oldTransfer } =
      (await db.select().from(transfers).where(eq(transfers.id, transfer.id)))[0]!;
    const { dpfUkExtension: _u, ...oldProcessor } = processor!;
    await appendAuditEvent({ db, actor: TEST_ACTOR, action: "update", recordType: "transfer", recordId: transfer.id, before: oldTransfer, after: oldTransfer, at: new Date(now.getTime() - 60_000) });
    await appendAuditEvent({ db, actor: TEST_ACTOR, action: "update", recordType: "processor", recordId: processor!.id, before: oldProcessor, after: oldProcessor, at: new Date(now.getTime() - 60_000) });

    const [asOfTransfer, asOfProcessor] = await withRegisterAsOf(db, today, async (reader) => [
      (await reader.select().from(transfers).where(eq(transfers.id, transfer.id)))[0],
      (await reader.select().from(processors).where(eq(processors.id, processor!.id)))[0],
    ] as const);
    expect(asOfTransfer).toMatchObject({ importantData: false, piplSeparateConsent: false, pipiaDate: null, dojExemption: null });
    expect(asOfProcessor).toMatchObject({ dpfUkExtension: false });
  });

  it("reads records written outside the audited paths from their first audited change, or live, once created", async () => {
    const { db } = use();
    const createdAt = new Date("2026-07-01T08:00:00.000Z");
    const seeded = await makeProcessor(db, { name: "Seeded Then Renamed", createdAt });
    const untouched = await makeProcessor(db, { name: "Seeded Untouched", createdAt });
    onDay("2026-07-03");
    await updateProcessor({ ctx: { db, actor: TEST_ACTOR, today: todayIso() }, input: { id: seeded.id, changes: { version: 1, name: "Renamed On The Third" } } });

    const namesOn = (day: string) =>
      withRegisterAsOf(db, day, async (reader) =>
        (await reader.select().from(processors).where(inArray(processors.id, [seeded.id, untouched.id]))).map((row) => row.name).sort(),
      );
    expect(await namesOn("2026-06-30")).toEqual([]);
    expect(await namesOn("2026-07-02")).toEqual(["Seeded Then Renamed", "Seeded Untouched"]);
    expect(await namesOn("2026-07-03")).toEqual(["Renamed On The Third", "Seeded Untouched"]);
  });

  it("still reads a history with gaps that breaks a uniqueness the live table enforces", async () => {
    const { db } = use();
    onDay("2026-08-01");
    const { record: processor } = await createProcessor({ ctx: { db, actor: TEST_ACTOR, today: todayIso() }, input: { name: "Twin Name Co", role: "processor", service: "hosting", country: "US" } });
    onDay("2026-08-02");
    await updateProcessor({ ctx: { db, actor: TEST_ACTOR, today: todayIso() }, input: { id: processor.id, changes: { version: 1, name: "Renamed Twin Co" } } });
    // Written outside the audited paths, dated the first: the trail cannot say it did not coexist.
    const twin = await makeProcessor(db, { name: "Twin Name Co", normalizedName: "twin name co", createdAt: new Date("2026-08-01T08:00:00.000Z") });
    const names = await withRegisterAsOf(db, "2026-08-01", async (reader) =>
      (await reader.select().from(processors).where(inArray(processors.id, [processor.id, twin.id]))).map((row) => row.name),
    );
    expect(names).toEqual(["Twin Name Co", "Twin Name Co"]);
  });
});
