import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { agreementTransfers, auditEvents, flags, processingActivities, processors, safeguardAgreements, transferDataCategories, transfers } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { todayIso } from "@/lib/clock";
import { createProcessor } from "@/lib/processors/service";
import { createApiToken, createUser } from "@/lib/users/service";
import * as activityItem from "../app/api/v1/activities/[id]/route";
import * as agreementItem from "../app/api/v1/agreements/[id]/route";
import * as processorItem from "../app/api/v1/processors/[id]/route";
import * as transferItem from "../app/api/v1/transfers/[id]/route";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeAgreement, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * DELETE /api/v1/{processors,transfers,agreements,activities}/{id}, called the way Next.js calls a route
 * handler, with bearer tokens: 204 and a `delete` audit event holding the last state, or a problem.
 */

const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };
const TODAY = todayIso();

function del(handler: unknown, { url, token, id, headers = {} }: { url: string; token: string; id: string; headers?: Record<string, string> }) {
  const request = new Request(`${BASE}${url}`, { method: "DELETE", headers: { authorization: `Bearer ${token}`, ...headers } });
  return (handler as Handler)(request, { params: Promise.resolve({ id }) });
}

describeOnDatabases("DELETE of register records", (use) => {
  const tokens = { dpo: "", engineer: "", auditor: "" };
  const userIds = { dpo: "", engineer: "", auditor: "" };

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const { db } = use();
    for (const role of ["dpo", "engineer", "auditor"] as const) {
      const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${role}@delete.test`, name: `Delete ${role}`, role } });
      userIds[role] = user.id;
      tokens[role] = (await createApiToken({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: user.id, name: "tests" } })).token;
    }
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  async function lastEventOf(recordType: string, recordId: string) {
    const { db } = use();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    return event;
  }

  it("deletes a transfer at its version (If-Match): 204, its categories go, its flags resolve, the event keeps its last state", async () => {
    const { db } = use();
    // No encryption in transit: the transfer carries an open flag until it is deleted.
    const { transfer } = await makeTransfer(db, { today: TODAY, encryptionInTransit: "none", dataCategories: ["user.contact.email", "user.device"] });
    const before = await db.select().from(flags).where(and(eq(flags.subjectId, transfer.id), eq(flags.ruleId, "transfer.no-encryption-in-transit")));
    expect(before.map((flag) => flag.status)).toEqual(["open"]);

    const stale = await del(transferItem.DELETE, { url: `/api/v1/transfers/${transfer.id}`, token: tokens.dpo, id: transfer.id, headers: { "if-match": '"2"' } });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    expect(await stale.json()).toMatchObject({ code: "version_conflict", currentVersion: 1 });

    const response = await del(transferItem.DELETE, { url: `/api/v1/transfers/${transfer.id}`, token: tokens.dpo, id: transfer.id, headers: { "if-match": '"1"' } });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(await db.select().from(transfers).where(eq(transfers.id, transfer.id))).toEqual([]);
    expect(await db.select().from(transferDataCategories).where(eq(transferDataCategories.transferId, transfer.id))).toEqual([]);
    const after = await db.select().from(flags).where(eq(flags.subjectId, transfer.id));
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((flag) => flag.status === "resolved")).toBe(true);

    const event = await lastEventOf("transfer", transfer.id);
    expect(event).toMatchObject({ action: "delete", after: null, actorUserId: userIds.dpo });
    expect(event!.before).toMatchObject({ id: transfer.id, version: 1, processorId: transfer.processorId, dataCategories: ["user.contact.email", "user.device"] });
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
  });

  it("takes the version from ?version= too, and asks for one when neither is sent (428)", async () => {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY });
    const missing = await del(transferItem.DELETE, { url: `/api/v1/transfers/${transfer.id}`, token: tokens.dpo, id: transfer.id });
    expect(missing.status).toBe(428);
    expect(await missing.json()).toMatchObject({ errors: [{ path: "version" }] });
    const garbled = await del(transferItem.DELETE, { url: `/api/v1/transfers/${transfer.id}?version=one`, token: tokens.dpo, id: transfer.id });
    expect(garbled.status).toBe(422);
    const disagreeing = await del(transferItem.DELETE, { url: `/api/v1/transfers/${transfer.id}?version=1`, token: tokens.dpo, id: transfer.id, headers: { "if-match": '"2"' } });
    expect(disagreeing.status).toBe(422);
    const deleted = await del(transferItem.DELETE, { url: `/api/v1/transfers/${transfer.id}?version=1`, token: tokens.dpo, id: transfer.id });
    expect(deleted.status).toBe(204);
    const again = await del(transferItem.DELETE, { url: `/api/v1/transfers/${transfer.id}?version=1`, token: tokens.dpo, id: transfer.id });
    expect(again.status).toBe(404);
  });

  it("refuses the auditor (403) and an engineer on a record they did not register (403), deleting nothing", async () => {
    const { db } = use();
    const processor = await makeProcessor(db, { status: "draft" });
    for (const token of [tokens.auditor, tokens.engineer]) {
      const response = await del(processorItem.DELETE, { url: `/api/v1/processors/${processor.id}`, token, id: processor.id, headers: { "if-match": '"1"' } });
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    for (const [handler, path] of [
      [agreementItem.DELETE, "agreements"],
      [activityItem.DELETE, "activities"],
    ] as const) {
      const response = await del(handler, { url: `/api/v1/${path}/${processor.id}`, token: tokens.engineer, id: processor.id, headers: { "if-match": '"1"' } });
      expect(response.status).toBe(403);
    }
    expect(await db.select().from(processors).where(eq(processors.id, processor.id))).toHaveLength(1);
  });

  it("lets an engineer delete their own draft processor, and resolves its flags", async () => {
    const { db } = use();
    const engineer = { kind: "user" as const, userId: userIds.engineer, tokenId: null, label: "Delete engineer", role: "engineer" as const };
    // No owner: processor.no-owner is open on it.
    const { record: processor } = await createProcessor({ ctx: { db, actor: engineer, today: TODAY }, input: { name: "Engineer's Own SDK", role: "processor", service: "analytics", country: "US" } });
    const open = await db.select().from(flags).where(and(eq(flags.subjectId, processor.id), eq(flags.status, "open")));
    expect(open.map((flag) => flag.ruleId)).toContain("processor.no-owner");

    const response = await del(processorItem.DELETE, { url: `/api/v1/processors/${processor.id}`, token: tokens.engineer, id: processor.id, headers: { "if-match": '"1"' } });
    expect(response.status).toBe(204);
    expect(await db.select().from(processors).where(eq(processors.id, processor.id))).toEqual([]);
    const remaining = await db.select().from(flags).where(eq(flags.subjectId, processor.id));
    expect(remaining.map((flag) => flag.status)).toEqual(remaining.map(() => "resolved"));
    expect(await lastEventOf("processor", processor.id)).toMatchObject({ action: "delete", after: null, before: { id: processor.id, name: "Engineer's Own SDK" } });
  });

  it("refuses a processor that still has transfers, sub-processors or agreements (409), naming them", async () => {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY });
    const processorId = transfer.processorId;
    await makeProcessor(db, { role: "sub_processor", parentProcessorId: processorId });
    await makeAgreement(db, processorId);
    const response = await del(processorItem.DELETE, { url: `/api/v1/processors/${processorId}`, token: tokens.dpo, id: processorId, headers: { "if-match": '"1"' } });
    expect(response.status).toBe(409);
    const problem = await response.json();
    expect(problem).toMatchObject({ code: "conflict", dependents: { transfers: 1, subProcessors: 1, agreements: 1 } });
    expect(problem.detail).toBe("This processor still has 1 transfer, 1 sub-processor, 1 agreement: delete or move them first.");
    expect(await db.select().from(processors).where(eq(processors.id, processorId))).toHaveLength(1);
  });

  it("refuses a transfer an agreement lists by id (409), and an activity that still has transfers (409)", async () => {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY });
    const agreement = await makeAgreement(db, transfer.processorId, { coversAllTransfers: false });
    await db.insert(agreementTransfers).values({ agreementId: agreement.id, transferId: transfer.id });
    const listed = await del(transferItem.DELETE, { url: `/api/v1/transfers/${transfer.id}`, token: tokens.dpo, id: transfer.id, headers: { "if-match": '"1"' } });
    expect(listed.status).toBe(409);
    expect(await listed.json()).toMatchObject({ code: "conflict", dependents: { agreements: [agreement.id] } });

    const served = await del(activityItem.DELETE, { url: `/api/v1/activities/${transfer.activityId}`, token: tokens.dpo, id: transfer.activityId, headers: { "if-match": '"1"' } });
    expect(served.status).toBe(409);
    expect(await served.json()).toMatchObject({ code: "conflict", dependents: { transfers: 1 } });
  });

  it("deletes an agreement (its transfers lose their contract: flagged) and an unused activity, each with its event", async () => {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY });
    const agreement = await makeAgreement(db, transfer.processorId, { coversAllTransfers: false });
    await db.insert(agreementTransfers).values({ agreementId: agreement.id, transferId: transfer.id });
    const response = await del(agreementItem.DELETE, { url: `/api/v1/agreements/${agreement.id}?version=1`, token: tokens.dpo, id: agreement.id });
    expect(response.status).toBe(204);
    expect(await db.select().from(safeguardAgreements).where(eq(safeguardAgreements.id, agreement.id))).toEqual([]);
    const noContract = await db.select().from(flags).where(and(eq(flags.subjectId, transfer.id), eq(flags.ruleId, "transfer.no-contract")));
    expect(noContract.map((flag) => flag.status)).toEqual(["open"]);
    expect(await lastEventOf("agreement", agreement.id)).toMatchObject({ action: "delete", after: null, before: { id: agreement.id, transferIds: [transfer.id] } });

    const activity = await makeActivity(db, (await makeEntity(db)).id);
    const stale = await del(activityItem.DELETE, { url: `/api/v1/activities/${activity.id}`, token: tokens.dpo, id: activity.id, headers: { "if-match": '"3"' } });
    expect(stale.status).toBe(409);
    const deleted = await del(activityItem.DELETE, { url: `/api/v1/activities/${activity.id}`, token: tokens.dpo, id: activity.id, headers: { "if-match": '"1"' } });
    expect(deleted.status).toBe(204);
    expect(await db.select().from(processingActivities).where(eq(processingActivities.id, activity.id))).toEqual([]);
    expect(await lastEventOf("activity", activity.id)).toMatchObject({ action: "delete", after: null, before: { id: activity.id, name: activity.name } });
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
  });
});
