import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { dataCategories, entities, flags, safeguardAgreements, transfers } from "@/db/schema";
import { updateCategoryClassification } from "@/lib/categories/service";
import { updateEntity } from "@/lib/entities/service";
import { reevaluateFlags, runFullEvaluation } from "@/lib/flags/evaluation";
import { shareOf } from "@/lib/flags/evaluation-share";
import { evaluateWholeRegister } from "@/lib/flags/parallel-evaluation";
import { deleteTransfer, updateTransfer } from "@/lib/transfers/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * PIPL counts are cumulative per exporting entity since 1 January, over every recipient (2024 Provisions
 * Art. 7-8): a write that changes one mainland export must re-evaluate the exporter's exports to its other
 * recipients, and the incremental result must be the full re-evaluation's.
 */

const TODAY = "2026-11-24";
const ctx = (db: Executor) => ({ db, actor: TEST_ACTOR, today: TODAY });

async function flagOf(db: Executor, ruleId: string, subjectId: string) {
  const [row] = await db.select().from(flags).where(and(eq(flags.ruleId, ruleId), eq(flags.subjectId, subjectId)));
  return row;
}

async function versionOf(db: Executor, id: string) {
  return (await db.select({ version: transfers.version }).from(transfers).where(eq(transfers.id, id)))[0]!.version;
}

/** An exporter in Shenzhen sending face images (PIPL-sensitive) abroad to two recipients under the PIPL standard contract. */
async function shenzhenExporter(db: Executor, first: number, second: number) {
  const exporter = await makeEntity(db, { name: `Shenzhen R&D ${crypto.randomUUID()}`, country: "CN" });
  const activity = await makeActivity(db, exporter.id, { art9Condition: "explicit_consent" });
  const export_ = async (estimatedSubjects: number) => {
    const processor = await makeProcessor(db);
    const { transfer } = await makeTransfer(db, {
      today: TODAY,
      exporterEntityId: exporter.id,
      activityId: activity.id,
      processorId: processor.id,
      originCountry: "CN",
      destinationCountry: "US",
      subjectRegions: ["CN"],
      estimatedSubjects,
      mechanism: "pipl_standard_contract",
      piplSeparateConsent: true,
      pipiaDate: "2026-02-01",
      dataCategories: ["user.biometric.face"],
    });
    return { processor, transfer };
  };
  return { exporter, activity, a: await export_(first), b: await export_(second) };
}

/** Every flag as comparable text: rule, subject, status and fingerprint (message, severity and facts). */
async function storedFlags(db: Executor) {
  return (await db.select({ rule: flags.ruleId, subject: flags.subjectId, status: flags.status, fingerprint: flags.fingerprint }).from(flags))
    .map((f) => `${f.rule}|${f.subject}|${f.status}|${f.fingerprint}`)
    .sort();
}

describeOnDatabases("cumulative PIPL counts (and the exporter's facts) on every write", (use) => {
  it("editing one transfer's volume opens, then resolves, the pipl-export flag of a transfer to another recipient", async () => {
    const { db } = use();
    const { a, b } = await shenzhenExporter(db, 9_998, 1);
    expect(await flagOf(db, "transfer.pipl-export", b.transfer.id)).toBeUndefined();

    // 9,999 + 1 = 10,000 people's sensitive personal information: a CAC assessment for both flows.
    await updateTransfer({ ctx: ctx(db), input: { id: a.transfer.id, changes: { version: await versionOf(db, a.transfer.id), estimatedSubjects: 9_999 } } });
    const opened = await flagOf(db, "transfer.pipl-export", b.transfer.id);
    expect(opened).toMatchObject({ status: "open", processorId: b.processor.id, facts: { requirement: "cac_assessment", exporterSensitiveTier: "10000_or_more" } });
    expect(opened?.message).toContain("sensitive personal information of 10,000 people or more since 2026-01-01, over all its recipients");
    expect((await flagOf(db, "transfer.pipl-export", a.transfer.id))?.status).toBe("open");

    await updateTransfer({ ctx: ctx(db), input: { id: a.transfer.id, changes: { version: await versionOf(db, a.transfer.id), estimatedSubjects: 9_998 } } });
    expect((await flagOf(db, "transfer.pipl-export", b.transfer.id))?.status).toBe("resolved");
  });

  it("an edit inside a tier leaves the other recipients alone: their findings cannot change", async () => {
    const { db } = use();
    const { a, b } = await shenzhenExporter(db, 9_999, 1);
    const seen = (await flagOf(db, "transfer.pipl-export", b.transfer.id))!.lastSeenAt;
    await updateTransfer({ ctx: ctx(db), input: { id: a.transfer.id, changes: { version: await versionOf(db, a.transfer.id), estimatedSubjects: 12_000 } } });
    // b's recipient was not re-evaluated (its flags were not even touched), and a full pass agrees with it.
    expect((await flagOf(db, "transfer.pipl-export", b.transfer.id))!.lastSeenAt).toEqual(seen);
    expect((await flagOf(db, "transfer.pipl-export", a.transfer.id))!.lastSeenAt.getTime()).toBeGreaterThan(seen.getTime());
    const summary = await runFullEvaluation({ db, today: TODAY });
    expect(summary.inserted + summary.refreshed + summary.reopened + summary.resolved).toBe(0);
  });

  it("a caller that does not name the recipients (an import) has the scoped pass add them", async () => {
    const { db } = use();
    const { a, b } = await shenzhenExporter(db, 9_998, 1);
    // Written as an import does (not through the transfer service), then re-evaluated at a's recipient only.
    await db.update(transfers).set({ estimatedSubjects: 9_999 }).where(eq(transfers.id, a.transfer.id));
    await db.transaction((tx) => reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: [a.processor.id], withMainlandExportRecipients: false }, today: TODAY }));
    expect(await flagOf(db, "transfer.pipl-export", b.transfer.id)).toBeUndefined();
    await db.transaction((tx) => reevaluateFlags({ db: tx, scope: { kind: "processors", processorIds: [a.processor.id] }, today: TODAY }));
    expect((await flagOf(db, "transfer.pipl-export", b.transfer.id))?.status).toBe("open");
  });

  it("moving or deleting a mainland export re-evaluates the exporter it left", async () => {
    const { db } = use();
    const { a, b } = await shenzhenExporter(db, 9_999, 1);
    expect((await flagOf(db, "transfer.pipl-export", b.transfer.id))?.status).toBe("open");
    // Now held in the US: no longer a mainland export, so it leaves the Shenzhen exporter's count.
    await updateTransfer({ ctx: ctx(db), input: { id: a.transfer.id, changes: { version: await versionOf(db, a.transfer.id), originCountry: "US" } } });
    expect((await flagOf(db, "transfer.pipl-export", b.transfer.id))?.status).toBe("resolved");
    await updateTransfer({ ctx: ctx(db), input: { id: a.transfer.id, changes: { version: await versionOf(db, a.transfer.id), originCountry: "CN" } } });
    expect((await flagOf(db, "transfer.pipl-export", b.transfer.id))?.status).toBe("open");
    await deleteTransfer({ ctx: ctx(db), input: { id: a.transfer.id, version: await versionOf(db, a.transfer.id) } });
    expect((await flagOf(db, "transfer.pipl-export", b.transfer.id))?.status).toBe("resolved");
  });

  it("an exporter becoming a CIIO needs a CAC assessment on every export; the rule does not fire before", async () => {
    const { db } = use();
    const { exporter, a, b } = await shenzhenExporter(db, 10, 10);
    expect(await flagOf(db, "transfer.pipl-export", b.transfer.id)).toBeUndefined();
    await updateEntity({ ctx: ctx(db), input: { id: exporter.id, changes: { version: exporter.version, ciio: true } } });
    for (const { transfer } of [a, b]) {
      expect(await flagOf(db, "transfer.pipl-export", transfer.id), transfer.id).toMatchObject({ status: "open", facts: { exporterCiio: true } });
    }
  });

  it("an exporter's role change re-evaluates the SCC module its transfers need", async () => {
    const { db } = use();
    const exporter = await makeEntity(db, { role: "controller" });
    const processor = await makeProcessor(db, { country: "IN" });
    await db.insert(safeguardAgreements).values({ processorId: processor.id, type: "scc", sccModule: "module_2", signedDate: "2026-01-05", effectiveDate: "2026-01-05" });
    const { transfer } = await makeTransfer(db, { today: TODAY, exporterEntityId: exporter.id, processorId: processor.id, destinationCountry: "IN", mechanism: "scc", tiaDate: "2026-06-01" });
    expect(await flagOf(db, "transfer.scc-module-mismatch", transfer.id)).toBeUndefined();
    // A processor exporting to its processor needs Module 3: the Module 2 agreement no longer fits.
    await updateEntity({ ctx: ctx(db), input: { id: exporter.id, changes: { version: exporter.version, role: "processor" } } });
    expect(await flagOf(db, "transfer.scc-module-mismatch", transfer.id)).toMatchObject({ status: "open", facts: { expectedModule: "module_3" } });
  });

  it("the incremental result equals a full re-evaluation after each kind of write", async () => {
    const { db } = use();
    const { exporter, activity, a, b } = await shenzhenExporter(db, 9_000, 500);
    // A third flow, of e-mail addresses only (not PIPL-sensitive in the reference taxonomy), to Hong Kong.
    const third = await makeTransfer(db, {
      today: TODAY,
      exporterEntityId: exporter.id,
      activityId: activity.id,
      originCountry: "CN",
      destinationCountry: "HK",
      subjectRegions: ["CN"],
      estimatedSubjects: 400,
      mechanism: "gba_standard_contract",
      dataCategories: ["user.contact.email"],
    });
    const fullChangesNothing = async (after: string) => {
      const incremental = await storedFlags(db);
      const summary = await runFullEvaluation({ db, today: TODAY });
      expect(summary.inserted + summary.refreshed + summary.reopened + summary.resolved, after).toBe(0);
      expect(await storedFlags(db), after).toEqual(incremental);
    };
    const exportFlag = async (transferId: string) => (await flagOf(db, "transfer.pipl-export", transferId))?.status ?? "none";
    await runFullEvaluation({ db, today: TODAY });
    await fullChangesNothing("setup");

    await updateTransfer({ ctx: ctx(db), input: { id: a.transfer.id, changes: { version: await versionOf(db, a.transfer.id), estimatedSubjects: 9_200 } } });
    await fullChangesNothing("a volume edit inside the tier (9,700 sensitive)");
    expect(await exportFlag(b.transfer.id)).toBe("none");

    // E-mail becomes PIPL-sensitive: the third flow's 400 people take the sensitive count to 10,100, which
    // the other two flows read although neither carries e-mail.
    const [email] = await db.select().from(dataCategories).where(eq(dataCategories.key, "user.contact.email"));
    expect(email!.piplSensitive).toBe(false);
    await updateCategoryClassification({ ctx: ctx(db), input: { key: "user.contact.email", changes: { version: email!.version, piplSensitive: true } } });
    await fullChangesNothing("a category reclassified");
    expect([await exportFlag(a.transfer.id), await exportFlag(b.transfer.id), await exportFlag(third.transfer.id)]).toEqual(["open", "open", "open"]);
    const [after] = await db.select().from(dataCategories).where(eq(dataCategories.key, "user.contact.email"));
    await updateCategoryClassification({ ctx: ctx(db), input: { key: "user.contact.email", changes: { version: after!.version, piplSensitive: false } } });
    await fullChangesNothing("the category put back");
    expect(await exportFlag(b.transfer.id)).toBe("resolved");

    await updateTransfer({ ctx: ctx(db), input: { id: a.transfer.id, changes: { version: await versionOf(db, a.transfer.id), estimatedSubjects: 9_600 } } });
    await fullChangesNothing("a volume edit crossing 10,000");
    expect(await exportFlag(b.transfer.id)).toBe("open");

    const other = await makeEntity(db, { country: "CN" });
    await updateTransfer({ ctx: ctx(db), input: { id: b.transfer.id, changes: { version: await versionOf(db, b.transfer.id), exporterEntityId: other.id } } });
    await fullChangesNothing("a transfer moved to another exporter");
    expect(await exportFlag(a.transfer.id)).toBe("resolved");

    await updateTransfer({ ctx: ctx(db), input: { id: a.transfer.id, changes: { version: await versionOf(db, a.transfer.id), piplExemption: "cross_border_hr" } } });
    await fullChangesNothing("an Art. 5 exemption claimed");

    const [current] = await db.select().from(entities).where(eq(entities.id, exporter.id));
    await updateEntity({ ctx: ctx(db), input: { id: exporter.id, changes: { version: current!.version, ciio: true } } });
    await fullChangesNothing("the exporter became a CIIO");
  });

  it("every exporter read by an evaluated transfer is counted whole, however far the recipients chain", async () => {
    const { db } = use();
    const { a, b } = await shenzhenExporter(db, 9_998, 1);
    // Exporter F sends to b's recipient and to a recipient of its own; exporter G to F's own recipient and to
    // a fourth. An edit of a that crosses 10,000 re-evaluates b's recipient, where F's flow is evaluated with
    // F's other flow read as context only: F's count stays 10,000 and not 9,999. G's flows are not reached.
    const exporterFlow = async (exporterId: string, processorId: string | undefined, estimatedSubjects: number) => {
      const activity = await makeActivity(db, exporterId, { art9Condition: "explicit_consent" });
      return makeTransfer(db, {
        today: TODAY,
        exporterEntityId: exporterId,
        activityId: activity.id,
        ...(processorId === undefined ? {} : { processorId }),
        originCountry: "CN",
        destinationCountry: "US",
        subjectRegions: ["CN"],
        estimatedSubjects,
        mechanism: "pipl_standard_contract",
        dataCategories: ["user.biometric.face"],
      });
    };
    const f = await makeEntity(db, { country: "CN" });
    const g = await makeEntity(db, { country: "CN" });
    const fShared = (await exporterFlow(f.id, b.processor.id, 9_999)).transfer;
    const fOwn = (await exporterFlow(f.id, undefined, 1)).transfer;
    const gShared = (await exporterFlow(g.id, fOwn.processorId, 9_999)).transfer;
    await exporterFlow(g.id, undefined, 1);
    for (const id of [fShared.id, gShared.id]) expect((await flagOf(db, "transfer.pipl-export", id))?.status, id).toBe("open");

    await updateTransfer({ ctx: ctx(db), input: { id: a.transfer.id, changes: { version: await versionOf(db, a.transfer.id), estimatedSubjects: 9_999 } } });
    for (const id of [fShared.id, gShared.id]) {
      expect(await flagOf(db, "transfer.pipl-export", id), id).toMatchObject({ status: "open", facts: { exporterSensitiveTier: "10000_or_more" } });
    }
    const summary = await runFullEvaluation({ db, today: TODAY });
    expect(summary.inserted + summary.refreshed + summary.reopened + summary.resolved).toBe(0);
  });

  it("a full pass on two threads counts another share's mainland exports: the same plan as on one thread", async () => {
    const { db } = use();
    const exporter = await makeEntity(db, { country: "CN" });
    const activity = await makeActivity(db, exporter.id);
    // Recipients in both shares (the last hex digit of the processor id), 2,500 people's face images each:
    // four or more flows reach 10,000, so every one needs a CAC assessment, whichever share evaluates it.
    const recipients: string[] = [];
    const exports: string[] = [];
    while (new Set(recipients.map((id) => shareOf(id, 2))).size < 2 || recipients.length < 4) {
      const processor = await makeProcessor(db);
      recipients.push(processor.id);
      const { transfer } = await makeTransfer(db, {
        today: TODAY,
        exporterEntityId: exporter.id,
        activityId: activity.id,
        processorId: processor.id,
        originCountry: "CN",
        destinationCountry: "SG",
        subjectRegions: ["CN"],
        estimatedSubjects: 2_500,
        mechanism: "pipl_standard_contract",
        dataCategories: ["user.biometric.face"],
      });
      exports.push(transfer.id);
    }
    const plans: Record<number, string[]> = {};
    for (const threads of [1, 2] as const) {
      await db
        .transaction(async (tx) => {
          await tx.delete(flags);
          const whole = await evaluateWholeRegister({ db: tx as Executor, today: TODAY, threads });
          expect(whole.workerError).toBeNull();
          plans[threads] = whole.plan.insert.map((f) => `${f.ruleId}|${f.subjectId}|${f.message}`).sort();
          throw new Error("rollback");
        })
        .catch((error: Error) => {
          if (error.message !== "rollback") throw error;
        });
    }
    const exportFlags = plans[2]!.filter((line) => line.startsWith("transfer.pipl-export|") && exports.includes(line.split("|")[1]!));
    expect(exportFlags).toHaveLength(exports.length);
    expect(plans[2]).toEqual(plans[1]);
  });
});
