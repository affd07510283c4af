import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { transfers } from "@/db/schema";
import { appendAuditEvent } from "@/lib/audit/record";
import { withRegisterAsOf } from "@/lib/exports/as-of";
import { updateTransfer } from "@/lib/transfers/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeTransfer } from "./factories";

const DAY_MS = 24 * 60 * 60 * 1000;
const utcDate = (date: Date) => date.toISOString().slice(0, 10);

describeOnDatabases("withRegisterAsOf", (use) => {
  it("reads a transfer deleted later as it stood, omits records created after the day, leaves live data alone", async () => {
    const { db } = use();
    const now = new Date();
    const today = utcDate(now);
    const { transfer } = await makeTransfer(db, { today, estimatedSubjects: 500 });
    await updateTransfer({ db, actor: TEST_ACTOR, id: transfer.id, today, input: { version: 1, estimatedSubjects: 4321 } });
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
});
