import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { flags, transfers } from "@/db/schema";
import { reevaluateFlags, runFullEvaluation } from "@/lib/flags/evaluation";
import { describeOnDatabases } from "./databases";
import { makeAgreement, makeProcessor, makeTransfer } from "./factories";

/*
 * Findings in both languages through the data layer (issue 16), and the TIA review cause (issue 17): what the
 * engine words is what the flags table holds, on PGlite (the register read as packed text) and PostgreSQL (rows).
 */

const TODAY = "2026-11-24";

describeOnDatabases("flags worded in French", (use) => {
  it("stores each finding's French wording beside its English one, on insert and on refresh", async () => {
    const { db } = use();
    const processor = await makeProcessor(db, { country: "CN", name: "Shenzhen Support Co" });
    await makeAgreement(db, processor.id, { type: "dpa" });
    const { transfer } = await makeTransfer(db, { today: TODAY, processorId: processor.id, destinationCountry: "CN", encryptionInTransit: "none" });
    const inTransit = async () =>
      (await db.select().from(flags).where(and(eq(flags.subjectId, transfer.id), eq(flags.ruleId, "transfer.no-encryption-in-transit"))))[0]!;
    const inserted = await inTransit();
    expect(inserted.message).toBe("Data sent to Shenzhen Support Co (CN) without encryption in transit");
    expect(inserted.messageFr).toBe("Données envoyées à Shenzhen Support Co (Chine) sans chiffrement en transit");

    // A flag stored before findings were worded in French (or whose French was lost) gets it back on the next pass.
    await db.update(flags).set({ messageFr: "", fingerprint: "" }).where(eq(flags.id, inserted.id));
    await runFullEvaluation({ db, today: TODAY });
    expect((await inTransit()).messageFr).toBe(inserted.messageFr);
  });
});

describeOnDatabases("transfer.tia-missing: a TIA called into review", (use) => {
  it("opens when a material change sets the transfer's review reason, naming it in both languages, and resolves when it is cleared", async () => {
    const { db } = use();
    const processor = await makeProcessor(db, { country: "IN", name: "Bangalore Support", dpfCertified: false });
    await makeAgreement(db, processor.id, { type: "dpa" });
    await makeAgreement(db, processor.id, { type: "scc", sccModule: "module_2" });
    const { transfer } = await makeTransfer(db, {
      today: TODAY,
      processorId: processor.id,
      destinationCountry: "IN",
      subjectRegions: ["EU"],
      mechanism: "scc",
      tiaDate: "2026-10-01",
    });
    const tiaFlag = async () =>
      (await db.select().from(flags).where(and(eq(flags.subjectId, transfer.id), eq(flags.ruleId, "transfer.tia-missing"))))[0];
    expect(await tiaFlag()).toBeUndefined();

    // What lib/tia/review.ts records on a material change (reviewReasonOf), read by a full pass and a scoped one.
    const reason = "Material change since the completed TIA: access type changed from Storage to Remote access.";
    await db.update(transfers).set({ tiaReviewReason: reason }).where(eq(transfers.id, transfer.id));
    await runFullEvaluation({ db, today: TODAY });
    const opened = await tiaFlag();
    expect(opened).toMatchObject({ status: "open", severity: "medium", facts: { tiaDate: "2026-10-01", tiaReviewReason: reason } });
    expect(opened!.message).toContain("is under review: Material change since the completed TIA: access type changed");
    expect(opened!.messageFr).toBe(
      "L'analyse d'impact des transferts du 1 oct. 2026 pour le transfert vers Bangalore Support (Inde) doit être réexaminée après une modification importante du transfert (le type d'accès)",
    );

    await db.update(transfers).set({ tiaReviewReason: null }).where(eq(transfers.id, transfer.id));
    await reevaluateFlags({ db, scope: { kind: "processors", processorIds: [processor.id] }, today: TODAY });
    expect(await tiaFlag()).toMatchObject({ status: "resolved" });
  });
});
