import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { dataCategories, flags, processingActivities } from "@/db/schema";
import { updateActivity } from "@/lib/activities/service";
import { createAgreement, updateAgreement } from "@/lib/agreements/service";
import { updateCategoryClassification } from "@/lib/categories/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";

async function flagStatus(db: Executor, ruleId: string, subjectId: string) {
  const [row] = await db.select().from(flags).where(and(eq(flags.ruleId, ruleId), eq(flags.subjectId, subjectId)));
  return row?.status ?? "none";
}

describeOnDatabases("re-evaluation on every kind of write", (use) => {
  it("an agreement write re-evaluates its processor's transfers", async () => {
    const { db } = use();
    const processor = await makeProcessor(db, { country: "CN" });
    const { transfer } = await makeTransfer(db, { today: TODAY, processorId: processor.id, destinationCountry: "CN" });
    expect(await flagStatus(db, "transfer.no-contract", transfer.id)).toBe("open");

    const { record: agreement } = await createAgreement({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { processorId: processor.id, type: "dpa", signedDate: "2026-01-10", effectiveDate: "2026-01-10", documentRef: "DPA-1" } });
    expect(await flagStatus(db, "transfer.no-contract", transfer.id)).toBe("resolved");

    await updateAgreement({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: agreement.id, changes: { version: agreement.version, expiryDate: "2026-11-01" } } });
    expect(await flagStatus(db, "transfer.no-contract", transfer.id)).toBe("open");
    expect(await flagStatus(db, "agreement.expired", agreement.id)).toBe("open");
  });

  it("refuses an agreement whose expiry precedes its signature, naming the field", async () => {
    const { db } = use();
    const processor = await makeProcessor(db);
    await expect(
      createAgreement({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { processorId: processor.id, type: "dpa", signedDate: "2026-05-01", expiryDate: "2026-01-01" } }),
    ).rejects.toMatchObject({ code: "validation_failed", details: { fields: [expect.objectContaining({ path: "expiryDate" })] } });
  });

  it("reclassifying a category re-evaluates every transfer that carries it", async () => {
    const { db } = use();
    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id, { art9Condition: null });
    const { transfer } = await makeTransfer(db, {
      today: TODAY,
      exporterEntityId: exporter.id,
      activityId: activity.id,
      subjectRegions: ["EU"],
      mechanism: "scc",
      dataCategories: ["user.biometric.voice"],
    });
    const [voice] = await db.select().from(dataCategories).where(eq(dataCategories.key, "user.biometric.voice"));
    const wasSpecial = voice!.gdprSpecial;
    await updateCategoryClassification({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { key: "user.biometric.voice", changes: { version: voice!.version, gdprSpecial: !wasSpecial } } });
    expect(await flagStatus(db, "transfer.special-category-no-condition", transfer.id)).toBe(wasSpecial ? "resolved" : "open");
    // Put the reference classification back for the other tests of this database.
    const [after] = await db.select().from(dataCategories).where(eq(dataCategories.key, "user.biometric.voice"));
    await updateCategoryClassification({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { key: "user.biometric.voice", changes: { version: after!.version, gdprSpecial: wasSpecial } } });
    expect(await flagStatus(db, "transfer.special-category-no-condition", transfer.id)).toBe(wasSpecial ? "open" : "resolved");
  });

  it("an activity's retention period resolves retention-missing on its transfers", async () => {
    const { db } = use();
    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id, { retentionPeriod: null });
    const { transfer } = await makeTransfer(db, { today: TODAY, exporterEntityId: exporter.id, activityId: activity.id });
    expect(await flagStatus(db, "transfer.retention-missing", transfer.id)).toBe("open");
    const [current] = await db.select().from(processingActivities).where(eq(processingActivities.id, activity.id));
    await updateActivity({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: activity.id, changes: { version: current!.version, retentionPeriod: "24 months after account closure" } } });
    expect(await flagStatus(db, "transfer.retention-missing", transfer.id)).toBe("resolved");
    await expect(
      updateActivity({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: activity.id, changes: { version: current!.version, retentionPeriod: "1 month" } } }),
    ).rejects.toMatchObject({ code: "version_conflict" });
  });
});

describeOnDatabases("partial updates", (use) => {
  it("keep every field the update leaves out", async () => {
    const { db } = use();
    const { updateTransfer } = await import("@/lib/transfers/service");
    const { transfer } = await makeTransfer(db, {
      today: TODAY,
      status: "approved",
      mechanism: "scc",
      encryptionAtRest: "customer_keys",
      dataCategories: ["user.contact.email", "user.device.device_id"],
    });
    const { record: after } = await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: 1, notes: "Reviewed" } } });
    expect(after).toMatchObject({ notes: "Reviewed", status: "approved", mechanism: "scc", encryptionAtRest: "customer_keys" });
    expect(after.dataCategories).toEqual(["user.contact.email", "user.device.device_id"]);
  });
});
