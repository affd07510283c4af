import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, flags } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { acceptFlagRisks } from "@/lib/flags/service";
import { updateTransfer } from "@/lib/transfers/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeTransfer } from "./factories";

const TODAY = "2026-11-24";
const DPO = { ...TEST_ACTOR, role: "dpo" as const };
// A signed-in engineer (refused before any read, so no user row is needed): only the system and the DPO accept risks.
const ENGINEER = { kind: "user" as const, userId: crypto.randomUUID(), tokenId: null, label: "Engineer <engineer@flags-bulk.test>", role: "engineer" as const };
const JUSTIFICATION = "Compensating controls reviewed with the vendor; remediation planned for Q1";

async function twoOpenFlags(db: Parameters<typeof makeTransfer>[0]) {
  const { transfer, flags: raised } = await makeTransfer(db, { today: TODAY, encryptionInTransit: "none", encryptionAtRest: "none" });
  const picked = raised.filter((flag) => flag.ruleId === "transfer.no-encryption-in-transit" || flag.ruleId === "transfer.no-encryption-at-rest");
  expect(picked).toHaveLength(2);
  return { transfer, picked };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describeOnDatabases("bulk acceptance of flag risks", (use) => {
  it("accepts several flags in one go, with one audit event per flag", async () => {
    const { db } = use();
    const { picked } = await twoOpenFlags(db);
    const ids = picked.map((flag) => flag.id);
    const accepted = await acceptFlagRisks({ ctx: { db, actor: DPO, today: TODAY }, input: { ids, justification: JUSTIFICATION, until: "2027-03-31", versions: Object.fromEntries(picked.map((flag) => [flag.id, flag.version])) } });
    expect(accepted.records.map((flag) => flag.status)).toEqual(["accepted", "accepted"]);
    const rows = await db.select().from(flags).where(inArray(flags.id, ids));
    for (const row of rows) expect(row).toMatchObject({ status: "accepted", acceptanceJustification: JUSTIFICATION, acceptedUntil: "2027-03-31" });
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "flag"), eq(auditEvents.action, "accept_risk"), inArray(auditEvents.recordId, ids)));
    expect(audit.map((event) => event.recordId).sort()).toEqual([...ids].sort());
  });

  it("accepts nothing when one flag changed meanwhile, and names it", async () => {
    const { db } = use();
    const { transfer, picked } = await twoOpenFlags(db);
    const ids = picked.map((flag) => flag.id);
    // The transfer gets TLS: the in-transit flag resolves while the DPO still looks at the old list.
    await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: transfer.version, encryptionInTransit: "tls1_3" } } });
    const stale = picked.find((flag) => flag.ruleId === "transfer.no-encryption-in-transit")!;
    const error = await rejection(
      acceptFlagRisks({ ctx: { db, actor: DPO, today: TODAY }, input: { ids, justification: JUSTIFICATION, until: "2027-03-31" } }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/^Nothing was accepted/);
    expect(error.details.fields).toEqual([{ path: `ids.${picked.indexOf(stale)}`, message: expect.stringMatching(/resolved/) }]);
    const rows = await db.select().from(flags).where(inArray(flags.id, ids));
    expect(rows.map((row) => row.status).sort()).toEqual(["open", "resolved"]);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "accept_risk"), inArray(auditEvents.recordId, ids)));
    expect(audit).toHaveLength(0);
  });

  it("refuses a stale version for one flag and leaves the others open", async () => {
    const { db } = use();
    const { picked } = await twoOpenFlags(db);
    const last = picked[1]!;
    const error = await rejection(
      acceptFlagRisks({ ctx: { db, actor: DPO, today: TODAY }, input: { ids: picked.map((flag) => flag.id), justification: JUSTIFICATION, until: "2027-03-31", versions: { [last.id]: last.version + 1 } } }),
    );
    expect(error.code).toBe("conflict");
    expect(error.details.fields).toEqual([{ path: "ids.1", message: expect.stringMatching(/changed since you opened it/) }]);
    const rows = await db.select().from(flags).where(inArray(flags.id, picked.map((flag) => flag.id)));
    expect(rows.every((row) => row.status === "open")).toBe(true);
  });

  it("names the field of bad input and refuses anyone but the DPO", async () => {
    const { db } = use();
    const { picked } = await twoOpenFlags(db);
    const ids = picked.map((flag) => flag.id);
    const past = await rejection(acceptFlagRisks({ ctx: { db, actor: DPO, today: TODAY }, input: { ids, justification: JUSTIFICATION, until: TODAY } }));
    expect(past.details.fields).toEqual([{ path: "until", message: "must be after today" }]);
    const short = await rejection(acceptFlagRisks({ ctx: { db, actor: DPO, today: TODAY }, input: { ids, justification: "ok", until: "2027-01-31" } }));
    expect(short.details.fields?.map((field) => field.path)).toEqual(["justification"]);
    const none = await rejection(acceptFlagRisks({ ctx: { db, actor: DPO, today: TODAY }, input: { ids: [], justification: JUSTIFICATION, until: "2027-01-31" } }));
    expect(none.details.fields?.map((field) => field.path)).toEqual(["ids"]);
    const engineer = await rejection(
      acceptFlagRisks({ ctx: { db, actor: ENGINEER, today: TODAY }, input: { ids, justification: JUSTIFICATION, until: "2027-01-31" } }),
    );
    expect(engineer.code).toBe("forbidden");
  });
});
