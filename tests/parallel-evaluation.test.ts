import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { flags } from "@/db/schema";
import { shareOf } from "@/lib/flags/evaluation-share";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import type { FlagPlan } from "@/lib/flags/lifecycle";
import { evaluateWholeRegister } from "@/lib/flags/parallel-evaluation";
import { describeOnDatabases } from "./databases";
import { makeAgreement, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";

/** The plan as comparable sorted lists: which flags each share inserts, refreshes, reopens and resolves. */
function planKeys(plan: FlagPlan) {
  const key = (f: { ruleId: string; subjectType: string; subjectId: string }) => `${f.ruleId}|${f.subjectType}|${f.subjectId}`;
  return {
    insert: plan.insert.map(key).sort(),
    refresh: plan.refresh.map((r) => r.id).sort(),
    reopen: plan.reopen.map((r) => `${r.id}|${r.reason}`).sort(),
    resolve: [...plan.resolve].sort(),
  };
}

/** Both passes inside a rolled-back transaction: planned, never applied. */
async function plansOnOneAndTwoThreads(db: Executor) {
  const plans: Record<1 | 2, ReturnType<typeof planKeys> & { findings: number }> = {} as never;
  for (const threads of [1, 2] as const) {
    await db
      .transaction(async (tx) => {
        const whole = await evaluateWholeRegister({ db: tx as Executor, today: TODAY, threads });
        expect(whole.threads).toBe(threads);
        expect(whole.workerError).toBeNull();
        plans[threads] = { ...planKeys(whole.plan), findings: whole.findings };
        throw new Error("rollback");
      })
      .catch((error: Error) => {
        if (error.message !== "rollback") throw error;
      });
  }
  return plans;
}

describeOnDatabases("full re-evaluation on two threads", (use) => {
  it("plans exactly what one thread plans, with records in both shares, a stale flag column and a deleted subject", async () => {
    const { db } = use();
    // Enough processors that both shares (the last hex digit of the id) hold some.
    const created: { id: string }[] = [];
    while (new Set(created.map((p) => shareOf(p.id, 2))).size < 2 || created.length < 6) {
      const processor = await makeProcessor(db, { country: "CN" });
      created.push(processor);
      await makeTransfer(db, { today: TODAY, processorId: processor.id, destinationCountry: "CN", encryptionAtRest: "none" });
      await makeAgreement(db, processor.id, { type: "dpa", expiryDate: "2026-12-01" });
    }
    const parent = created[0]!;
    const sub = await makeProcessor(db, { country: "HK", role: "sub_processor", parentProcessorId: parent.id });
    await makeTransfer(db, { today: TODAY, processorId: sub.id, destinationCountry: "HK", encryptionInTransit: "none" });

    // Nothing stored yet: everything is an insert, and the two passes agree to the flag.
    const fresh = await plansOnOneAndTwoThreads(db);
    expect(fresh[1].findings).toBeGreaterThan(created.length * 2);
    expect(fresh[2]).toEqual(fresh[1]);

    await runFullEvaluation({ db, today: TODAY });
    // A flag whose processor column no longer names its subject's processor (an edit can leave it behind),
    // and a flag whose subject is gone: neither may be duplicated or lost between the shares.
    const [stale] = await db.select().from(flags).where(eq(flags.subjectType, "transfer")).limit(1);
    const otherShare = created.find((p) => shareOf(p.id, 2) !== shareOf(stale!.processorId!, 2))!;
    await db.update(flags).set({ processorId: otherShare.id }).where(eq(flags.id, stale!.id));
    const orphanSubject = randomUUID();
    await db.execute(sql`
      insert into flags (rule_id, subject_type, subject_id, severity, message, facts, fingerprint, citation, remediation, status)
      values ('transfer.no-encryption-at-rest', 'transfer', ${orphanSubject}, 'high', 'gone', '{}'::jsonb, 'x', 'c', 'r', 'open')`);
    const orphan = (await db.select().from(flags).where(eq(flags.subjectId, orphanSubject)))[0]!;

    const steady = await plansOnOneAndTwoThreads(db);
    expect(steady[2]).toEqual(steady[1]);
    expect(steady[2]).toEqual({ insert: [], refresh: [], reopen: [], resolve: [orphan.id], findings: fresh[1].findings });
    // Put the column back: the next test checks that every flag names its subject's processor.
    await db.update(flags).set({ processorId: stale!.processorId }).where(eq(flags.id, stale!.id));
  });

  it("writes the same flags through runFullEvaluation on two threads as on one", async () => {
    const { db } = use();
    const snapshotOf = async () =>
      (await db.select({ rule: flags.ruleId, subject: flags.subjectId, status: flags.status, fingerprint: flags.fingerprint }).from(flags))
        .map((f) => `${f.rule}|${f.subject}|${f.status}|${f.fingerprint}`)
        .sort();
    const previous = process.env.FLAG_EVALUATION_THREADS;
    try {
      process.env.FLAG_EVALUATION_THREADS = "2";
      // Every flag written by the pass itself (the writes above evaluated their own processors as they went).
      await db.delete(flags);
      const summary = await runFullEvaluation({ db, today: "2026-12-05" });
      const afterTwo = await snapshotOf();
      // Every flag names its subject's processor, whichever thread found it.
      const misattributed = await db.execute(sql`
        select count(*)::int as n from flags f
          left join transfers t on f.subject_type = 'transfer' and t.id = f.subject_id
          left join safeguard_agreements a on f.subject_type = 'agreement' and a.id = f.subject_id
        where f.status <> 'resolved'
          and f.processor_id is distinct from coalesce(t.processor_id, a.processor_id, case when f.subject_type = 'processor' then f.subject_id end)`);
      expect((misattributed as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
      process.env.FLAG_EVALUATION_THREADS = "1";
      const again = await runFullEvaluation({ db, today: "2026-12-05" });
      // The single-thread pass finds nothing left to change: the two-thread pass wrote the same result.
      expect(again.inserted + again.refreshed + again.reopened + again.resolved).toBe(0);
      expect(await snapshotOf()).toEqual(afterTwo);
      expect(summary.inserted).toBe(afterTwo.length);
    } finally {
      if (previous === undefined) delete process.env.FLAG_EVALUATION_THREADS;
      else process.env.FLAG_EVALUATION_THREADS = previous;
    }
  });
});
