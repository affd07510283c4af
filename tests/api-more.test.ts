import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { todayIso } from "@/lib/clock";
import { addMonths } from "@/lib/rules/iso-date";
import { createApiToken, createUser } from "@/lib/users/service";
import * as activityReview from "../app/api/v1/activities/[id]/[action]/route";
import * as activityItem from "../app/api/v1/activities/[id]/route";
import * as activityCollection from "../app/api/v1/activities/route";
import * as agreementItem from "../app/api/v1/agreements/[id]/route";
import * as agreementCollection from "../app/api/v1/agreements/route";
import * as categoryItem from "../app/api/v1/data-categories/[key]/route";
import * as categoryCollection from "../app/api/v1/data-categories/route";
import * as flagAccept from "../app/api/v1/flags/[id]/accept/route";
import * as flagItem from "../app/api/v1/flags/[id]/route";
import * as flagCollection from "../app/api/v1/flags/route";
import * as openapi from "../app/api/v1/openapi.json/route";
import * as processorReview from "../app/api/v1/processors/[id]/[action]/route";
import * as processorCollection from "../app/api/v1/processors/route";
import * as transferItem from "../app/api/v1/transfers/[id]/route";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * The review workflow, flags, data categories, agreements and activities of the REST API, called the way
 * Next.js calls a route handler (a Request and a params promise) with a bearer token, as tests/api.test.ts.
 */

const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

function call(
  handler: unknown,
  {
    method = "GET",
    url,
    token,
    body,
    headers = {},
    params = {},
  }: { method?: string; url: string; token: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> },
): Promise<Response> {
  const request = new Request(`${BASE}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return (handler as Handler)(request, { params: Promise.resolve(params) });
}

const validProcessor = (name: string) => ({ name, role: "processor", service: "hosting", country: "DE" });

describeOnDatabases("REST API v1: review, flags, categories, agreements, activities", (use) => {
  const tokens = { dpo: "", engineer: "", otherEngineer: "", auditor: "" };
  const today = todayIso();

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const { db } = use();
    const accounts = [
      ["dpo", "dpo"],
      ["engineer", "engineer"],
      ["otherEngineer", "engineer"],
      ["auditor", "auditor"],
    ] as const;
    for (const [name, role] of accounts) {
      const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${name.toLowerCase()}@api-more.test`, name: `API ${name}`, role } });
      tokens[name] = (await createApiToken({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: user.id, name: "tests" } })).token;
    }
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  const review = (id: string, action: string, token: string, body?: unknown, headers?: Record<string, string>) =>
    call(processorReview.POST, { method: "POST", url: `/api/v1/processors/${id}/${action}`, token, body, headers, params: { id, action } });

  it("submits, refuses an engineer's approval, approves once with the transfers, and names a missing rejection comment", async () => {
    const { db } = use();
    const created = await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body: validProcessor("Review Cloud GmbH") });
    expect(created.status).toBe(201);
    const processor = (await created.json()).data;
    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id);
    const { transfer } = await makeTransfer(db, { today, processorId: processor.id, activityId: activity.id, exporterEntityId: exporter.id, status: "draft" });

    // Only the engineer who registered the vendor (or the DPO) may submit it.
    const notTheirs = await review(processor.id, "submit", tokens.otherEngineer, { version: 1 });
    expect(notTheirs.status).toBe(403);

    const submitted = await review(processor.id, "submit", tokens.engineer, { version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.headers.get("etag")).toBe('"2"');
    const afterSubmit = (await submitted.json()).data;
    expect(afterSubmit).toMatchObject({ status: "submitted", version: 2, reviewedByUserId: null });
    expect(afterSubmit.submittedAt).toEqual(expect.any(String));
    const transferAfterSubmit = await call(transferItem.GET, { url: `/api/v1/transfers/${transfer.id}`, token: tokens.auditor, params: { id: transfer.id } });
    expect((await transferAfterSubmit.json()).data).toMatchObject({ status: "submitted" });

    const engineerApproves = await review(processor.id, "approve", tokens.engineer, { version: 2 });
    expect(engineerApproves.status).toBe(403);
    expect(await engineerApproves.json()).toMatchObject({ code: "forbidden" });
    const auditorApproves = await review(processor.id, "approve", tokens.auditor, { version: 2 });
    expect(auditorApproves.status).toBe(403);

    const noComment = await review(processor.id, "reject", tokens.dpo, { version: 2 });
    expect(noComment.status).toBe(422);
    expect((await noComment.json()).errors).toEqual([expect.objectContaining({ path: "comment" })]);
    const shortComment = await review(processor.id, "reject", tokens.dpo, { version: 2, comment: "no" });
    expect(shortComment.status).toBe(422);

    const stale = await review(processor.id, "approve", tokens.dpo, { version: 1 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: "version_conflict", currentVersion: 2 });

    // The version may come as If-Match alone, without a body.
    const approved = await call(processorReview.POST, {
      method: "POST",
      url: `/api/v1/processors/${processor.id}/approve`,
      token: tokens.dpo,
      headers: { "if-match": '"2"' },
      params: { id: processor.id, action: "approve" },
    });
    expect(approved.status).toBe(200);
    const afterApproval = (await approved.json()).data;
    expect(afterApproval).toMatchObject({ status: "approved", version: 3, reviewComment: null });
    expect(afterApproval.reviewedByUserId).toEqual(expect.any(String));
    expect(afterApproval.reviewedAt).toEqual(expect.any(String));
    const transferAfterApproval = await call(transferItem.GET, { url: `/api/v1/transfers/${transfer.id}`, token: tokens.auditor, params: { id: transfer.id } });
    expect((await transferAfterApproval.json()).data).toMatchObject({ status: "approved" });

    const twice = await review(processor.id, "approve", tokens.dpo, { version: 3 });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: "conflict", detail: "This vendor is approved: only a vendor awaiting review can be approved." });

    const unknownAction = await review(processor.id, "publish", tokens.dpo, { version: 3 });
    expect(unknownAction.status).toBe(404);
    const noVersion = await review(processor.id, "submit", tokens.dpo, {});
    expect(noVersion.status).toBe(428);
  });

  it("rejects with a comment and lets the creator submit again", async () => {
    const processor = (await (await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body: validProcessor("Rejected Support Ltd") })).json()).data;
    expect((await review(processor.id, "submit", tokens.engineer, { version: 1 })).status).toBe(200);
    const rejected = await review(processor.id, "reject", tokens.dpo, { version: 2, comment: "No DPA on file yet." });
    expect(rejected.status).toBe(200);
    expect((await rejected.json()).data).toMatchObject({ status: "rejected", reviewComment: "No DPA on file yet.", version: 3 });
    const again = await review(processor.id, "submit", tokens.engineer, { version: 3 });
    expect(again.status).toBe(200);
    expect((await again.json()).data).toMatchObject({ status: "submitted", reviewedByUserId: null, reviewComment: null });
  });

  it("lists flags with filters, reads one, and lets only the DPO accept its risk", async () => {
    const { db } = use();
    const processor = await makeProcessor(db);
    const { transfer } = await makeTransfer(db, { today, processorId: processor.id, encryptionInTransit: "none" });

    const list = await call(flagCollection.GET, {
      url: `/api/v1/flags?processorId=${processor.id}&ruleId=transfer.no-encryption-in-transit&status=open&subjectType=transfer&severity=high`,
      token: tokens.auditor,
    });
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    const flag = page.data[0];
    expect(flag).toMatchObject({ ruleId: "transfer.no-encryption-in-transit", subjectId: transfer.id, status: "open" });
    expect(flag).not.toHaveProperty("fingerprint");

    const other = await call(flagCollection.GET, { url: `/api/v1/flags?processorId=${processor.id}&severity=critical&ruleId=transfer.no-encryption-in-transit`, token: tokens.auditor });
    expect((await other.json()).total).toBe(0);
    const badFilter = await call(flagCollection.GET, { url: "/api/v1/flags?severity=catastrophic", token: tokens.auditor });
    expect(badFilter.status).toBe(422);
    expect((await badFilter.json()).errors).toEqual([expect.objectContaining({ path: "severity" })]);

    const read = await call(flagItem.GET, { url: `/api/v1/flags/${flag.id}`, token: tokens.engineer, params: { id: flag.id } });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe(`"${flag.version}"`);
    expect((await read.json()).data).not.toHaveProperty("fingerprint");

    const body = { version: flag.version, justification: "Internal network only; TLS rollout planned in Q1.", acceptedUntil: addMonths(today, 6) };
    const byEngineer = await call(flagAccept.POST, { method: "POST", url: `/api/v1/flags/${flag.id}/accept`, token: tokens.engineer, body, params: { id: flag.id } });
    expect(byEngineer.status).toBe(403);
    const accepted = await call(flagAccept.POST, { method: "POST", url: `/api/v1/flags/${flag.id}/accept`, token: tokens.dpo, body, params: { id: flag.id } });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).data).toMatchObject({ status: "accepted", acceptedUntil: body.acceptedUntil, version: flag.version + 1 });
    const stale = await call(flagAccept.POST, { method: "POST", url: `/api/v1/flags/${flag.id}/accept`, token: tokens.dpo, body, params: { id: flag.id } });
    expect(stale.status).toBe(409);
  });

  it("lists the taxonomy and re-evaluates the flags when the DPO reclassifies a category", async () => {
    const { db } = use();
    const key = "user.sensor.home_map";
    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id, { art9Condition: null });
    const processor = await makeProcessor(db);
    const { transfer } = await makeTransfer(db, {
      today,
      processorId: processor.id,
      activityId: activity.id,
      exporterEntityId: exporter.id,
      subjectRegions: ["EU"],
      dataCategories: [key],
    });

    const all = await call(categoryCollection.GET, { url: "/api/v1/data-categories", token: tokens.auditor });
    expect(all.status).toBe(200);
    const taxonomy = await all.json();
    const category = taxonomy.data.find((row: { key: string }) => row.key === key);
    expect(category).toMatchObject({ key, gdprSpecial: false });
    const sensitive = await (await call(categoryCollection.GET, { url: "/api/v1/data-categories?sensitive=true&q=biometric", token: tokens.auditor })).json();
    expect(sensitive.data.length).toBeGreaterThan(0);
    expect(sensitive.data.map((row: { key: string }) => row.key)).toContain("user.biometric.face");
    expect(sensitive.data.map((row: { key: string }) => row.key)).not.toContain(key);

    const flagsOf = async () =>
      (await (await call(flagCollection.GET, { url: `/api/v1/flags?processorId=${processor.id}&ruleId=transfer.special-category-no-condition&status=open`, token: tokens.auditor })).json()).data;
    expect(await flagsOf()).toEqual([]);

    const params = { key };
    const byEngineer = await call(categoryItem.PATCH, { method: "PATCH", url: `/api/v1/data-categories/${key}`, token: tokens.engineer, body: { version: category.version, gdprSpecial: true }, params });
    expect(byEngineer.status).toBe(403);
    const patched = await call(categoryItem.PATCH, { method: "PATCH", url: `/api/v1/data-categories/${key}`, token: tokens.dpo, body: { version: category.version, gdprSpecial: true }, params });
    expect(patched.status).toBe(200);
    expect((await patched.json()).data).toMatchObject({ key, gdprSpecial: true, version: category.version + 1 });
    expect(await flagsOf()).toEqual([expect.objectContaining({ subjectId: transfer.id, severity: "high" })]);

    const unknown = await call(categoryItem.GET, { url: "/api/v1/data-categories/user.nothing", token: tokens.auditor, params: { key: "user.nothing" } });
    expect(unknown.status).toBe(404);
  });

  it("creates, reads, lists and patches agreements, refusing a stale version", async () => {
    const { db } = use();
    const processor = await makeProcessor(db);
    const created = await call(agreementCollection.POST, {
      method: "POST",
      url: "/api/v1/agreements",
      token: tokens.dpo,
      body: { processorId: processor.id, type: "scc", sccModule: "module_2", signedDate: "2025-03-01", expiryDate: "2027-03-01" },
    });
    expect(created.status).toBe(201);
    // An engineer adds agreements only to their own draft vendors: this one is approved.
    const byEngineer = await call(agreementCollection.POST, { method: "POST", url: "/api/v1/agreements", token: tokens.engineer, body: { processorId: processor.id, type: "dpa" } });
    expect(byEngineer.status).toBe(403);
    const agreement = (await created.json()).data;
    expect(agreement).toMatchObject({ processorId: processor.id, type: "scc", coversAllTransfers: true, transferIds: [], version: 1 });
    expect(created.headers.get("location")).toBe(`/api/v1/agreements/${agreement.id}`);

    const unknownField = await call(agreementCollection.POST, { method: "POST", url: "/api/v1/agreements", token: tokens.engineer, body: { processorId: processor.id, type: "dpa", expires: "2027-01-01" } });
    expect(unknownField.status).toBe(422);
    expect((await unknownField.json()).errors).toEqual([{ path: "expires", message: "is not a known field" }]);

    const read = await call(agreementItem.GET, { url: `/api/v1/agreements/${agreement.id}`, token: tokens.auditor, params: { id: agreement.id } });
    expect(read.status).toBe(200);
    expect((await read.json()).data).toMatchObject({ id: agreement.id, transferIds: [] });

    const patched = await call(agreementItem.PATCH, { method: "PATCH", url: `/api/v1/agreements/${agreement.id}`, token: tokens.dpo, body: { version: 1, documentRef: "DMS-42" }, params: { id: agreement.id } });
    expect(patched.status).toBe(200);
    // Absent fields keep their value (no defaults on update).
    expect((await patched.json()).data).toMatchObject({ version: 2, documentRef: "DMS-42", sccModule: "module_2", expiryDate: "2027-03-01", coversAllTransfers: true });

    const stale = await call(agreementItem.PATCH, { method: "PATCH", url: `/api/v1/agreements/${agreement.id}`, token: tokens.engineer, body: { notes: "late" }, headers: { "if-match": '"1"' }, params: { id: agreement.id } });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: "version_conflict", currentVersion: 2 });

    const list = await call(agreementCollection.GET, { url: `/api/v1/agreements?processorId=${processor.id}&type=scc&expiringBefore=2027-12-31`, token: tokens.auditor });
    expect(await list.json()).toMatchObject({ total: 1, data: [expect.objectContaining({ id: agreement.id })] });
    const none = await call(agreementCollection.GET, { url: `/api/v1/agreements?processorId=${processor.id}&expiringBefore=2026-01-01`, token: tokens.auditor });
    expect((await none.json()).total).toBe(0);
    const badDate = await call(agreementCollection.GET, { url: "/api/v1/agreements?expiringBefore=soon", token: tokens.auditor });
    expect(badDate.status).toBe(422);

    // One read model: the list's rows are the register page's (state on today, processor name, counts) with
    // every stored field; an old `view=register` is an unknown parameter, ignored.
    const register = await call(agreementCollection.GET, { url: `/api/v1/agreements?view=register&processorId=${processor.id}&sort=expiry`, token: tokens.auditor });
    const registerRow = (await register.json()).data[0];
    expect(registerRow).toMatchObject({ id: agreement.id, processorName: processor.name, state: "active", transferCount: 0, openFlagCount: 0 });
    expect(registerRow).toMatchObject({ sccModule: "module_2", documentRef: "DMS-42", notes: null, externalId: null, version: 2, createdAt: expect.any(String), updatedAt: expect.any(String) });
    const badState = await call(agreementCollection.GET, { url: "/api/v1/agreements?view=register&state=eternal", token: tokens.auditor });
    expect(badState.status).toBe(422);
    expect((await badState.json()).errors).toEqual([expect.objectContaining({ path: "state" })]);
  });

  it("creates (an engineer's as a proposal), lists, reads and patches (the DPO) processing activities", async () => {
    const { db } = use();
    const exporter = await makeEntity(db);
    const post = (body: unknown) => call(activityCollection.POST, { method: "POST", url: "/api/v1/activities", token: tokens.engineer, body });
    const created = await post({ name: "Crash analytics for the robot app", controllerEntityId: exporter.id, purpose: "Provide the service", legalBasis: "legitimate_interests" });
    expect(created.status).toBe(201);
    const activity = (await created.json()).data;
    expect(activity).toMatchObject({ version: 1, disclosureType: "business_purpose", retentionPeriod: null, dataSubjectCategories: [] });
    // An engineer proposes: the activity waits for the DPO's review.
    expect(activity).toMatchObject({ status: "submitted", createdByUserId: expect.any(String), submittedAt: expect.any(String), reviewedByUserId: null });
    expect(created.headers.get("location")).toBe(`/api/v1/activities/${activity.id}`);
    const duplicate = await post({ name: "Crash analytics for the robot app", controllerEntityId: exporter.id, purpose: "Again", legalBasis: "consent" });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).errors).toEqual([expect.objectContaining({ path: "name" })]);
    const invalid = await post({ name: "Orphan", controllerEntityId: "00000000-0000-4000-8000-000000000000", purpose: "x", legalBasis: "whim", colour: "red" });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors.map((error: { path: string }) => error.path).sort()).toEqual(["colour", "legalBasis"]);
    const orphan = await post({ name: "Orphan", controllerEntityId: "00000000-0000-4000-8000-000000000000", purpose: "x", legalBasis: "consent" });
    expect(orphan.status).toBe(422);
    expect((await orphan.json()).errors).toEqual([expect.objectContaining({ path: "controllerEntityId" })]);

    const list = await call(activityCollection.GET, { url: "/api/v1/activities?q=crash%20analytics", token: tokens.auditor });
    expect(await list.json()).toMatchObject({ total: 1, data: [expect.objectContaining({ id: activity.id })] });
    // One read model: the register page's row (controller name, counts) with every stored field.
    const row = (await (await call(activityCollection.GET, { url: `/api/v1/activities?q=crash%20analytics&legalBasis=legitimate_interests&record=incomplete&sort=transfers`, token: tokens.auditor })).json()).data[0];
    expect(row).toMatchObject({ id: activity.id, controllerEntityId: exporter.id, controllerName: exporter.name, transferCount: 0, openFlagCount: 0, disclosureType: "business_purpose", dataSubjectCategories: [], version: 1, status: "submitted" });
    const submitted = await (await call(activityCollection.GET, { url: "/api/v1/activities?q=crash%20analytics&status=submitted", token: tokens.auditor })).json();
    expect(submitted.total).toBe(1);
    expect((await (await call(activityCollection.GET, { url: "/api/v1/activities?q=crash%20analytics&status=approved", token: tokens.auditor })).json()).total).toBe(0);
    const badRecord = await call(activityCollection.GET, { url: "/api/v1/activities?record=maybe", token: tokens.auditor });
    expect(badRecord.status).toBe(422);

    const read = await call(activityItem.GET, { url: `/api/v1/activities/${activity.id}`, token: tokens.auditor, params: { id: activity.id } });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"1"');

    // Activities are the DPO's: an engineer's PATCH or DELETE is refused, even of the activity they proposed.
    const byEngineer = await call(activityItem.PATCH, { method: "PATCH", url: `/api/v1/activities/${activity.id}`, token: tokens.engineer, body: { retentionPeriod: "13 months" }, headers: { "if-match": "1" }, params: { id: activity.id } });
    expect(byEngineer.status).toBe(403);
    expect(byEngineer.headers.get("content-type")).toMatch(/problem\+json/);
    const deleteByEngineer = await call(activityItem.DELETE, { method: "DELETE", url: `/api/v1/activities/${activity.id}`, token: tokens.engineer, headers: { "if-match": "1" }, params: { id: activity.id } });
    expect(deleteByEngineer.status).toBe(403);
    expect((await (await call(activityItem.GET, { url: `/api/v1/activities/${activity.id}`, token: tokens.auditor, params: { id: activity.id } })).json()).data).toMatchObject({ version: 1, retentionPeriod: null });

    const patched = await call(activityItem.PATCH, { method: "PATCH", url: `/api/v1/activities/${activity.id}`, token: tokens.dpo, body: { retentionPeriod: "13 months" }, headers: { "if-match": "1" }, params: { id: activity.id } });
    expect(patched.status).toBe(200);
    expect((await patched.json()).data).toMatchObject({ version: 2, retentionPeriod: "13 months", purpose: "Provide the service", legalBasis: "legitimate_interests" });

    const stale = await call(activityItem.PATCH, { method: "PATCH", url: `/api/v1/activities/${activity.id}`, token: tokens.dpo, body: { version: 1, source: "the app" }, params: { id: activity.id } });
    expect(stale.status).toBe(409);
    const byAuditor = await call(activityItem.PATCH, { method: "PATCH", url: `/api/v1/activities/${activity.id}`, token: tokens.auditor, body: { version: 2, source: "the app" }, params: { id: activity.id } });
    expect(byAuditor.status).toBe(403);

    // The DPO's review: approve and reject are the DPO's; a rejection says why; a reviewed activity is not reviewed again.
    const reviewActivity = (action: string, token: string, body?: unknown, headers?: Record<string, string>) =>
      call(activityReview.POST, { method: "POST", url: `/api/v1/activities/${activity.id}/${action}`, token, body, headers, params: { id: activity.id, action } });
    expect((await reviewActivity("approve", tokens.engineer, { version: 2 })).status).toBe(403);
    expect((await reviewActivity("submit", tokens.dpo, { version: 2 })).status).toBe(404);
    const noReason = await reviewActivity("reject", tokens.dpo, { version: 2 });
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).errors).toEqual([expect.objectContaining({ path: "comment" })]);
    const approved = await reviewActivity("approve", tokens.dpo, undefined, { "if-match": '"2"' });
    expect(approved.status).toBe(200);
    expect(approved.headers.get("etag")).toBe('"3"');
    expect((await approved.json()).data).toMatchObject({ status: "approved", version: 3, reviewedByUserId: expect.any(String), reviewedAt: expect.any(String) });
    const again = await reviewActivity("approve", tokens.dpo, { version: 3 });
    expect(again.status).toBe(409);

    // The DPO's own new activity is of record at once.
    const byDpo = await call(activityCollection.POST, { method: "POST", url: "/api/v1/activities", token: tokens.dpo, body: { name: "Payroll", controllerEntityId: exporter.id, purpose: "Pay staff", legalBasis: "contract" } });
    expect(byDpo.status).toBe(201);
    expect((await byDpo.json()).data).toMatchObject({ status: "approved", submittedAt: null });
  });

  it("documents every new path in the OpenAPI document", async () => {
    const document = await (await call(openapi.GET, { url: "/api/v1/openapi.json", token: tokens.auditor })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/processors/{id}/{action}",
        "/api/v1/flags",
        "/api/v1/flags/{id}",
        "/api/v1/flags/{id}/accept",
        "/api/v1/data-categories",
        "/api/v1/data-categories/{key}",
        "/api/v1/agreements",
        "/api/v1/agreements/{id}",
        "/api/v1/activities",
        "/api/v1/activities/{id}",
        "/api/v1/activities/{id}/{action}",
      ]),
    );
    expect(document.paths["/api/v1/activities/{id}/{action}"].post.operationId).toBe("reviewActivity");
    expect(document.components.schemas.ActivityRejectInput.required).toEqual(expect.arrayContaining(["version", "comment"]));
    expect(document.components.schemas.RejectInput.required).toEqual(expect.arrayContaining(["version", "comment"]));
    expect(document.components.schemas.AgreementUpdate.required).toEqual(["version"]);
    expect(document.paths["/api/v1/activities"].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ActivityCreate" });
    expect(document.components.schemas.ActivityCreate).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(["name", "controllerEntityId", "purpose", "legalBasis"]) });
    expect(document.components.schemas.FlagAccept.required).toEqual(expect.arrayContaining(["version", "justification", "acceptedUntil"]));
  });
});
