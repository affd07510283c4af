import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";
import { updateTransfer } from "@/lib/transfers/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeTransfer } from "./factories";

const TODAY = "2026-11-24";

describeOnDatabases("audit trail", (use) => {
  it("records each write with before and after, chained by hashes", async () => {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY, destinationCountry: "HK" });
    await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: 1, estimatedSubjects: 4321 } } });
    const events = await db.select().from(auditEvents).where(sql`${auditEvents.recordId} = ${transfer.id}`).orderBy(auditEvents.id);
    expect(events.map((event) => event.action)).toEqual(["create", "update"]);
    expect(events[1]!.before).toMatchObject({ estimatedSubjects: 500 });
    expect(events[1]!.after).toMatchObject({ estimatedSubjects: 4321 });
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
  });

  it("detects an event changed in SQL, naming it", async () => {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY });
    await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: 1, estimatedSubjects: 77 } } });
    const [target] = await db.select().from(auditEvents).where(sql`${auditEvents.recordId} = ${transfer.id} and ${auditEvents.action} = 'update'`);
    await db.execute(sql`update audit_events set actor_label = 'someone else' where id = ${target!.id}`);
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: false, brokenAt: target!.id });
  });
});
