import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { flags, transfers } from "@/db/schema";
import { reevaluateFlags, runFullEvaluation } from "@/lib/flags/evaluation";
import { acceptFlagRisk } from "@/lib/flags/service";
import { updateTransfer } from "@/lib/transfers/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeAgreement, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";

describeOnDatabases("flags through the data layer", (use) => {
  it("flags a US→CN transfer without encryption and resolves it when TLS 1.3 and at-rest encryption are set", async () => {
    const { db } = use();
    const processor = await makeProcessor(db, { country: "CN", name: "Shenzhen Support Co" });
    await makeAgreement(db, processor.id, { type: "dpa" });
    const { transfer, flags: raised } = await makeTransfer(db, {
      today: TODAY,
      processorId: processor.id,
      destinationCountry: "CN",
      encryptionInTransit: "none",
      encryptionAtRest: "none",
    });
    const rules = raised.map((flag) => flag.ruleId).sort();
    expect(rules).toContain("transfer.no-encryption-in-transit");
    expect(rules).toContain("transfer.no-encryption-at-rest");

    const { flags: after } = await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: transfer.version, encryptionInTransit: "tls1_3", encryptionAtRest: "customer_keys" } } });
    expect(after.map((flag) => flag.ruleId)).not.toContain("transfer.no-encryption-in-transit");
    const history = await db.select().from(flags).where(eq(flags.subjectId, transfer.id));
    const inTransit = history.find((flag) => flag.ruleId === "transfer.no-encryption-in-transit");
    // Resolved flags stay, with the date: the history of a finding is kept.
    expect(inTransit).toMatchObject({ status: "resolved" });
    expect(inTransit!.resolvedAt).toBeInstanceOf(Date);
  });

  it("never duplicates a flag: the cause returning reopens the same row", async () => {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY, encryptionInTransit: "none" });
    const first = await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: 1, encryptionInTransit: "tls1_2" } } });
    await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: first.record.version, encryptionInTransit: "none" } } });
    await reevaluateFlags({ db, scope: { kind: "all" }, today: TODAY });
    const rows = await db.select().from(flags).where(eq(flags.subjectId, transfer.id));
    const inTransit = rows.filter((flag) => flag.ruleId === "transfer.no-encryption-in-transit");
    expect(inTransit).toHaveLength(1);
    expect(inTransit[0]).toMatchObject({ status: "open", resolvedAt: null });
  });

  it("reopens an accepted flag after its end date", async () => {
    const { db } = use();
    const { transfer, flags: raised } = await makeTransfer(db, { today: TODAY, encryptionAtRest: "none" });
    const flag = raised.find((f) => f.ruleId === "transfer.no-encryption-at-rest")!;
    await acceptFlagRisk({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: flag.id, changes: { version: flag.version, justification: "Vendor encrypts at the volume level; contract amendment pending", acceptedUntil: "2026-12-31" } } });
    await runFullEvaluation({ db, today: "2026-12-31" });
    expect((await db.select().from(flags).where(eq(flags.id, flag.id)))[0]).toMatchObject({ status: "accepted" });
    await runFullEvaluation({ db, today: "2027-01-01" });
    expect((await db.select().from(flags).where(eq(flags.id, flag.id)))[0]).toMatchObject({ status: "open" });
    expect(transfer.id).toBeTruthy();
  });

  it("reopens an accepted flag when its facts get worse", async () => {
    const { db } = use();
    const { transfer, flags: raised } = await makeTransfer(db, { today: TODAY, encryptionInTransit: "none" });
    const flag = raised.find((f) => f.ruleId === "transfer.no-encryption-in-transit")!;
    expect(flag.severity).toBe("high");
    await acceptFlagRisk({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: flag.id, changes: { version: flag.version, justification: "Internal network only", acceptedUntil: "2027-06-30" } } });
    // A sensitive category joins the flow: the accepted risk is not the same risk any more.
    await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: 1, dataCategories: ["user.contact.email", "user.location.precise"] } } });
    const [row] = await db.select().from(flags).where(eq(flags.id, flag.id));
    expect(row).toMatchObject({ status: "open", severity: "critical" });
  });

  it("counts DOJ bulk volumes over all transfers to the same recipient", async () => {
    const { db } = use();
    const recipient = await makeProcessor(db, { country: "CN" });
    const first = await makeTransfer(db, {
      today: TODAY,
      processorId: recipient.id,
      destinationCountry: "CN",
      estimatedSubjects: 600,
      dataCategories: ["user.biometric.face"],
    });
    expect(first.flags.map((f) => f.ruleId)).not.toContain("transfer.doj-bulk-restricted");
    const second = await makeTransfer(db, {
      today: TODAY,
      processorId: recipient.id,
      exporterEntityId: first.transfer.exporterEntityId,
      activityId: first.transfer.activityId,
      destinationCountry: "CN",
      estimatedSubjects: 600,
      dataCategories: ["user.biometric.face"],
    });
    expect(second.flags.map((f) => f.ruleId)).toContain("transfer.doj-bulk-restricted");
    // The first transfer's flag appears too: the edit re-evaluated its DOJ aggregate.
    const firstFlags = await db.select().from(flags).where(eq(flags.subjectId, first.transfer.id));
    expect(firstFlags.find((f) => f.ruleId === "transfer.doj-bulk-restricted")?.status).toBe("open");
  });

  it("refuses a stale version with a conflict and writes nothing", async () => {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY });
    await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: 1, estimatedSubjects: 900 } } });
    await expect(
      updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: 1, estimatedSubjects: 5 } } }),
    ).rejects.toMatchObject({ code: "version_conflict" });
    const [row] = await db.select().from(transfers).where(eq(transfers.id, transfer.id));
    expect(row).toMatchObject({ estimatedSubjects: 900, version: 2 });
  });

  it("names the invalid field and writes nothing on bad input", async () => {
    const { db } = use();
    const before = (await db.select().from(transfers)).length;
    await expect(makeTransfer(db, { today: TODAY, destinationCountry: "XX" })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [expect.objectContaining({ path: "destinationCountry" })] },
    });
    await expect(makeTransfer(db, { today: TODAY, dataCategories: ["user.nope"] })).rejects.toMatchObject({
      details: { fields: [expect.objectContaining({ path: "dataCategories.0" })] },
    });
    expect((await db.select().from(transfers)).length).toBe(before);
  });
});
