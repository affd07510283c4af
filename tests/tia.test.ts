import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { flags, tiaAssessments, transfers, users } from "@/db/schema";
import { userActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { completeTia, createTia, updateTia } from "@/lib/tia/service";
import { updateTransfer } from "@/lib/transfers/service";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listRecordHistory } from "@/db/queries/audit";
import { getTransferDetail } from "@/db/queries/transfers";
import { renderTiaPdf } from "@/lib/tia/pdf";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeAgreement, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describeOnDatabases("transfer impact assessments", (use) => {
  /** A US → CN transfer of EU users' data under SCCs, whose only open cause of transfer.tia-missing is the missing TIA. */
  async function sccTransferToChina() {
    const { db } = use();
    const [dpo] = await db.insert(users).values({ email: `dpo-${crypto.randomUUID()}@example.test`, name: "Dana DPO", role: "dpo" }).returning();
    const processor = await makeProcessor(db, { country: "CN", name: `Shenzhen R&D ${crypto.randomUUID().slice(0, 6)}` });
    await makeAgreement(db, processor.id, { type: "scc", sccModule: "module_2" });
    const { transfer, flags: raised } = await makeTransfer(db, {
      today: TODAY,
      processorId: processor.id,
      destinationCountry: "CN",
      subjectRegions: ["EU"],
      mechanism: "scc",
      estimatedSubjects: 5_000,
    });
    const ctx = { db, actor: userActor({ ...dpo!, tokenId: null }), today: TODAY };
    return { db, ctx, dpo: dpo!, transfer, raised };
  }

  async function tiaFlag(db: ReturnType<typeof use>["db"], transferId: string) {
    const rows = await db.select().from(flags).where(eq(flags.subjectId, transferId));
    return rows.find((flag) => flag.ruleId === "transfer.tia-missing");
  }

  it("completes a draft: the transfer's TIA date is the completion date and transfer.tia-missing resolves", async () => {
    const { db, ctx, dpo, transfer, raised } = await sccTransferToChina();
    expect(raised.map((flag) => flag.ruleId)).toContain("transfer.tia-missing");

    const { record: draft } = await createTia({ ctx, input: { transferId: transfer.id, body: { language: "fr" } } });
    expect(draft).toMatchObject({ status: "draft", profileCountry: "CN", profileAsOf: "2026-11-15", version: 1 });
    // Steps 1 and 2 come from the register, in the language asked.
    expect(draft.transferDescription).toContain("transfère des données personnelles");
    expect(draft.toolDescription).toContain("Clauses contractuelles types");

    const { record: edited } = await updateTia({
      ctx,
      input: {
        id: draft.id,
        changes: {
          version: draft.version,
          lawAssessment: "National Intelligence Law Art. 7 applies to the importer.",
          riskLevel: "high",
          measures: [{ kind: "technical", description: "End-to-end encryption with keys held in the US" }],
        },
      },
    });
    expect(edited.version).toBe(2);

    const { record: completed } = await completeTia({
      ctx,
      input: { id: draft.id, changes: { version: edited.version, outcome: "proceed_with_measures", conclusion: "Proceed with the measures of step 4.", authorUserId: dpo.id } },
    });
    expect(completed).toMatchObject({ status: "completed", completedOn: TODAY, outcome: "proceed_with_measures" });
    expect(completed.basis).toEqual({ destinationCountry: "CN", categoryKeys: ["user.contact.email"], accessType: "storage", volumeBand: "1000_to_99999", mechanism: "scc" });

    const [stored] = await db.select().from(transfers).where(eq(transfers.id, transfer.id));
    expect(stored).toMatchObject({ tiaDate: TODAY, tiaReviewReason: null, version: transfer.version + 1 });
    expect(await tiaFlag(db, transfer.id)).toMatchObject({ status: "resolved" });

    // On the audit trail: created, updated, completed; and the transfer's own change of TIA date.
    const events = await listRecordHistory({ db, recordType: "tia", recordId: draft.id, limit: 10 });
    expect(events.map((event) => event.action).sort()).toEqual(["complete", "create", "update"]);
    const transferEvents = await listRecordHistory({ db, recordType: "transfer", recordId: transfer.id, limit: 1 });
    expect(transferEvents[0]).toMatchObject({ action: "update" });

    // The PDF for the file, in French: a tagged PDF titled by the assessment, the steps and the measures in it.
    const detail = (await getTransferDetail({ db, id: transfer.id }))!;
    const { bytes, sha256 } = await renderTiaPdf({ tia: completed, detail, people: new Map([[dpo.id, dpo.name]]), language: "fr", generatedBy: dpo.name, now: new Date(), today: TODAY });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = join(mkdtempSync(join(tmpdir(), "tia-")), "tia.pdf");
    writeFileSync(file, bytes);
    expect(execFileSync("pdfinfo", [file]).toString()).toMatch(/^Title:\s+Analyse d'impact des transferts$/m);
    const text = execFileSync("pdftotext", [file, "-"]).toString();
    expect(text).toContain("Étape 3");
    expect(text).toContain("End-to-end encryption with keys held in the US");
    expect(text).toContain("Loi sur le renseignement national");
    expect(text).toContain("Dana DPO");
  });

  it("marks the completed TIA for review when the transfer changes materially, and not on a recount within its band", async () => {
    const { db, ctx, dpo, transfer } = await sccTransferToChina();
    const { record: draft } = await createTia({ ctx, input: { transferId: transfer.id, body: {} } });
    const { record: completed } = await completeTia({
      ctx,
      input: { id: draft.id, changes: { version: draft.version, outcome: "proceed", riskLevel: "medium", conclusion: "Acceptable.", authorUserId: dpo.id } },
    });
    const [afterCompletion] = await db.select().from(transfers).where(eq(transfers.id, transfer.id));

    // 5,000 → 6,000 stays in the 1,000-99,999 band: not material.
    const recount = await updateTransfer({ ctx, input: { id: transfer.id, changes: { version: afterCompletion!.version, estimatedSubjects: 6_000 } } });
    expect((await db.select().from(tiaAssessments).where(eq(tiaAssessments.id, completed.id)))[0]).toMatchObject({ status: "completed" });

    await updateTransfer({ ctx, input: { id: transfer.id, changes: { version: recount.record.version, destinationCountry: "HK", estimatedSubjects: 150_000 } } });
    const [marked] = await db.select().from(tiaAssessments).where(eq(tiaAssessments.id, completed.id));
    expect(marked).toMatchObject({ status: "review_required" });
    expect(marked!.reviewReason).toBe(
      "Material change since the completed TIA: destination changed from People's Republic of China to Hong Kong; volume changed from 1,000 to 99,999 to 100,000 to 999,999 people per year.",
    );
    const [stored] = await db.select().from(transfers).where(eq(transfers.id, transfer.id));
    expect(stored!.tiaReviewReason).toBe(marked!.reviewReason);
    expect(stored!.tiaDate).toBe(TODAY);
    expect(await tiaFlag(db, transfer.id)).toMatchObject({ status: "open" });
  });

  it("refuses a stale version with a 409, and a completion without its required fields with a 422 naming each", async () => {
    const { ctx, transfer } = await sccTransferToChina();
    const { record: draft } = await createTia({ ctx, input: { transferId: transfer.id, body: {} } });
    await updateTia({ ctx, input: { id: draft.id, changes: { version: 1, proceduralSteps: "Annex I of the SCCs amended." } } });

    const stale = await caught(updateTia({ ctx, input: { id: draft.id, changes: { version: 1, proceduralSteps: "Overwrite" } } }));
    expect(stale.code).toBe("version_conflict");

    // The author starts as whoever drafted it; cleared here, it must be named again.
    const incomplete = await caught(completeTia({ ctx, input: { id: draft.id, changes: { version: 2, outcome: "proceed_with_measures", authorUserId: null } } }));
    expect(incomplete.code).toBe("validation_failed");
    expect(incomplete.details.fields?.map((field) => field.path).sort()).toEqual(["authorUserId", "conclusion", "measures", "riskLevel"]);

    const badKind = await caught(updateTia({ ctx, input: { id: draft.id, changes: { version: 2, measures: [{ kind: "magic", description: "x" }] } } }));
    expect(badKind.details.fields?.[0]?.path).toBe("measures.0.kind");

    const second = await caught(createTia({ ctx, input: { transferId: transfer.id, body: {} } }));
    expect(second.code).toBe("conflict");
  });

  it("lets an engineer draft only for a transfer they may edit, and never complete", async () => {
    const { db, transfer } = await sccTransferToChina();
    const [engineer] = await db.insert(users).values({ email: `eng-${crypto.randomUUID()}@example.test`, name: "Eve Engineer", role: "engineer" }).returning();
    const ctx = { db, actor: userActor({ ...engineer!, tokenId: null }), today: TODAY };
    // The transfer was registered by the test system and is approved: not the engineer's to edit.
    expect((await caught(createTia({ ctx, input: { transferId: transfer.id, body: {} } }))).code).toBe("forbidden");
    const { record: draft } = await createTia({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { transferId: transfer.id, body: {} } });
    expect((await caught(completeTia({ ctx, input: { id: draft.id, changes: { version: 1 } } }))).code).toBe("forbidden");
  });
});
