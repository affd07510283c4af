import { zodResolver } from "@hookform/resolvers/zod";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, processingActivities } from "@/db/schema";
import { SECURITY_MEASURES } from "@/db/schema/enums";
import { createActivity, updateActivity } from "@/lib/activities/service";
import { activityRecord, createActivityBody, isWebAddress, updateActivityBody } from "@/lib/api/contracts/activities";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { seedDemoData } from "@/lib/seed/demo";
import { createApiToken, createUser } from "@/lib/users/service";
import * as activityItem from "../app/api/v1/activities/[id]/route";
import * as activityCollection from "../app/api/v1/activities/route";
import { describeOnDatabases } from "./databases";
import { makeEntity, NO_REGULATOR_FIELDS, TEST_ACTOR } from "./factories";

/*
 * Issue 16, "the model records the fields they need": the activity's CNIL checklist of security measures and
 * applications, and the UK ICO template's LIA, consent record, breach and DPA 2018 Schedule 1 fields, through
 * the contract (the form's schema too), the service, the REST API, the audit trail and the demo seed.
 */

const TODAY = "2026-03-01";
const BASE = "http://localhost:3000";
const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: unknown, { method = "GET", url, token, body, headers = {}, params = {} }: { method?: string; url: string; token: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> }) {
  const request = new Request(`${BASE}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (handler as Handler)(request, { params: Promise.resolve(params) });
}

/** The ICO and CNIL fields of a fully documented activity on legitimate interests (and a breach). */
const REGULATOR_FIELDS = {
  securityChecklist: ["access_control", "encryption", "subprocessor_control"],
  applications: "Zendesk; Salesforce Service Cloud",
  liaReference: "https://intranet.example.com/privacy/lia/support?rev=3",
  consentRecordReference: null,
  breachOccurred: true,
  breachRecordReference: "BR-2026-001, breach log",
  schedule1Condition: "Part 1, paragraph 1: employment, social security and social protection",
  policyDocumentReference: "C:\\Policies\\Appropriate policy document.docx",
  retainedPerPolicy: false,
  policyDeviationReason: "Tickets of closed accounts wait for the yearly purge",
};

/** The field paths of a failed write's AppError. */
async function failedPaths(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("validation_failed");
  return ((error as AppError).details?.fields as { path: string }[]).map((field) => field.path);
}

it("the contract accepts a link as an http(s) address or a document reference, one line, and names the field it refuses", () => {
  const base = { name: "Support", purpose: "Answer tickets", legalBasis: "legitimate_interests", controllerEntityId: "00000000-0000-4000-8000-000000000000" };
  const accepted = ["https://intranet.example.com/lia/1", "http://docs.example.org/a b", "LIA-2025-04, Privacy SharePoint", "C:\\Policies\\LIA.docx", "Ref: LIA 12", "mailto-like: not a link"];
  for (const liaReference of accepted) expect(createActivityBody.safeParse({ ...base, liaReference }).success, liaReference).toBe(true);
  const refused = ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "ftp://files.example.com/lia", "https://", "LIA\nsecond line", "LIA\tref", "x".repeat(501)];
  for (const liaReference of refused) {
    const result = createActivityBody.safeParse({ ...base, liaReference });
    expect(result.success, liaReference).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["liaReference"]);
  }
  // Only real web addresses render as links.
  expect(isWebAddress("https://intranet.example.com/lia/1")).toBe(true);
  expect(isWebAddress("LIA-2025-04")).toBe(false);
  expect(isWebAddress("C:\\Policies\\LIA.docx")).toBe(false);

  // The checklist: the CNIL model's measures, each once.
  const unknown = createActivityBody.safeParse({ ...base, securityChecklist: ["encryption", "firewall"] });
  expect(unknown.error!.issues.map((issue) => issue.path.join("."))).toEqual(["securityChecklist.1"]);
  // The message names the measures as a person reads them, not by their codes.
  expect(unknown.error!.issues[0]!.message).toContain("Access control; Traceability (logging)");
  expect(unknown.error!.issues[0]!.message).not.toContain("access_control");
  const twice = createActivityBody.safeParse({ ...base, securityChecklist: ["encryption", "encryption"] });
  expect(twice.error!.issues.map((issue) => issue.path.join("."))).toEqual(["securityChecklist"]);
  expect(createActivityBody.safeParse({ ...base, securityChecklist: [...SECURITY_MEASURES] }).success).toBe(true);
});

it("the form's schema puts the deviation-reason and breach-record rules on their own fields, and not when the sibling value holds", async () => {
  const base = { name: "Support", purpose: "Answer tickets", legalBasis: "contract", controllerEntityId: "00000000-0000-4000-8000-000000000000" };
  const resolve = (schema: typeof createActivityBody | typeof updateActivityBody, values: object) =>
    zodResolver(schema as never)(values as never, undefined, { fields: {}, shouldUseNativeValidation: false });
  expect(Object.keys((await resolve(createActivityBody, { ...base, retainedPerPolicy: false })).errors)).toEqual(["policyDeviationReason"]);
  expect(Object.keys((await resolve(createActivityBody, { ...base, retainedPerPolicy: false, policyDeviationReason: "   " })).errors)).toEqual(["policyDeviationReason"]);
  expect((await resolve(createActivityBody, { ...base, retainedPerPolicy: true })).errors).toEqual({});
  expect((await resolve(createActivityBody, { ...base, retainedPerPolicy: null })).errors).toEqual({});
  expect((await resolve(createActivityBody, { ...base, retainedPerPolicy: false, policyDeviationReason: "Legal hold" })).errors).toEqual({});
  expect(Object.keys((await resolve(createActivityBody, { ...base, breachRecordReference: "BR-1" })).errors)).toEqual(["breachRecordReference"]);
  expect((await resolve(createActivityBody, { ...base, breachOccurred: true, breachRecordReference: "BR-1" })).errors).toEqual({});
  // The edit form sends every field: the same rules. A partial change that names only one side leaves it to the service.
  expect(Object.keys((await resolve(updateActivityBody, { version: 1, retainedPerPolicy: false, policyDeviationReason: null })).errors)).toEqual(["policyDeviationReason"]);
  expect((await resolve(updateActivityBody, { version: 1, retainedPerPolicy: false })).errors).toEqual({});
});

describeOnDatabases("activity regulator fields (CNIL checklist, ICO template)", (use) => {
  const tokens = { dpo: "", auditor: "" };
  let controllerId = "";
  const ctx = () => ({ db: use().db, actor: TEST_ACTOR, today: TODAY });

  beforeAll(async () => {
    const { db } = use();
    globalDb.__governanceDb = use();
    for (const role of ["dpo", "auditor"] as const) {
      const system = { db, actor: SYSTEM_ACTOR, today: TODAY };
      const { record: user } = await createUser({ ctx: system, input: { email: `${role}@regulator-fields.test`, name: `Fields ${role}`, role } });
      tokens[role] = (await createApiToken({ ctx: system, input: { userId: user.id, name: "tests" } })).token;
    }
    controllerId = (await makeEntity(db, { name: "Fields Controller Ltd", country: "GB" })).id;
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  it("an activity with only the required fields gets empty regulator fields (a company starting without the demo)", async () => {
    const { record } = await createActivity({ ctx: ctx(), input: { name: "Payroll", controllerEntityId: controllerId, purpose: "Pay staff", legalBasis: "contract" } });
    expect(record).toMatchObject(NO_REGULATOR_FIELDS);
  });

  it("the service creates and updates the fields, audits the change and checks the rules on the stored activity with the change applied", async () => {
    const { record } = await createActivity({
      ctx: ctx(),
      input: { name: "Customer support", controllerEntityId: controllerId, purpose: "Answer tickets", legalBasis: "legitimate_interests", ...REGULATOR_FIELDS },
    });
    expect(record).toMatchObject(REGULATOR_FIELDS);
    // The response schema (the OpenAPI document's) describes the stored row.
    expect(activityRecord.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true);

    // Retained per policy after all: the reason may stay or go; the breach is closed with its record removed.
    const { record: updated } = await updateActivity({
      ctx: ctx(),
      input: { id: record.id, changes: { version: 1, retainedPerPolicy: true, securityChecklist: ["encryption", "backup"], breachOccurred: false, breachRecordReference: null } },
    });
    expect(updated).toMatchObject({ version: 2, retainedPerPolicy: true, securityChecklist: ["encryption", "backup"], breachOccurred: false, breachRecordReference: null, applications: REGULATOR_FIELDS.applications });

    const [event] = await use()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "activity"), eq(auditEvents.recordId, record.id), eq(auditEvents.action, "update")));
    expect(event!.before).toMatchObject({ securityChecklist: REGULATOR_FIELDS.securityChecklist, breachOccurred: true, retainedPerPolicy: false });
    expect(event!.after).toMatchObject({ securityChecklist: ["encryption", "backup"], breachOccurred: false, retainedPerPolicy: true });

    // Not retained per policy again, with no reason on file: the rule fires on the merged activity.
    const noReason = await updateActivity({ ctx: ctx(), input: { id: record.id, changes: { version: 2, retainedPerPolicy: false, policyDeviationReason: null } } }).catch((error: unknown) => error);
    expect(((noReason as AppError).details?.fields as { path: string }[]).map((field) => field.path)).toEqual(["policyDeviationReason"]);
    // The reason still stored from the create: "false" alone is consistent.
    const { record: again } = await updateActivity({ ctx: ctx(), input: { id: record.id, changes: { version: 2, retainedPerPolicy: false } } });
    expect(again).toMatchObject({ version: 3, retainedPerPolicy: false, policyDeviationReason: REGULATOR_FIELDS.policyDeviationReason });
    // A breach record for an activity whose breach is undone in the same change, or stored earlier, is refused on its field.
    await updateActivity({ ctx: ctx(), input: { id: record.id, changes: { version: 3, breachOccurred: true, breachRecordReference: "BR-2026-002" } } });
    expect(await failedPaths(updateActivity({ ctx: ctx(), input: { id: record.id, changes: { version: 4, breachOccurred: false } } }))).toEqual(["breachRecordReference"]);
    const stored = (await use().db.select().from(processingActivities).where(eq(processingActivities.id, record.id)))[0]!;
    expect(stored).toMatchObject({ version: 4, breachOccurred: true, breachRecordReference: "BR-2026-002" });

    // On create, the rule fires without a reason and not with retainedPerPolicy true.
    const base = { controllerEntityId: controllerId, purpose: "Keep records", legalBasis: "legal_obligation" } as const;
    expect(await failedPaths(createActivity({ ctx: ctx(), input: { ...base, name: "HR files", retainedPerPolicy: false } }))).toEqual(["policyDeviationReason"]);
    const { record: kept } = await createActivity({ ctx: ctx(), input: { ...base, name: "HR files", retainedPerPolicy: true } });
    expect(kept).toMatchObject({ retainedPerPolicy: true, policyDeviationReason: null });
  });

  it("the REST API creates, reads and patches the fields, answers 422 naming the field, and 409 on a stale version", async () => {
    const post = (body: unknown) => call(activityCollection.POST, { method: "POST", url: "/api/v1/activities", token: tokens.dpo, body });
    const body = { name: "Newsletter", controllerEntityId: controllerId, purpose: "Send news", legalBasis: "consent" };
    const refused = await post({ ...body, retainedPerPolicy: false, consentRecordReference: "javascript:alert(1)" });
    expect(refused.status).toBe(422);
    // Every invalid field at once: the link, and the reason the policy flag asks for.
    expect((await refused.json()).errors.map((error: { path: string }) => error.path).sort()).toEqual(["consentRecordReference", "policyDeviationReason"]);
    // An unknown legal basis: the message lists the labels, the codes a client may send are in `allowed`.
    const badBasis = await post({ ...body, legalBasis: "whim" });
    expect(badBasis.status).toBe(422);
    const [basisError] = (await badBasis.json()).errors;
    expect(basisError).toMatchObject({ path: "legalBasis", allowed: expect.arrayContaining(["legitimate_interests"]) });
    expect(basisError.message).toContain("Legitimate interests");
    expect(basisError.message).not.toContain("legitimate_interests");
    const noReason = await post({ ...body, retainedPerPolicy: false });
    expect(noReason.status).toBe(422);
    const problem = await noReason.json();
    expect(problem.errors).toEqual([expect.objectContaining({ path: "policyDeviationReason" })]);

    const created = await post({ ...body, securityChecklist: ["access_control", "staff_awareness"], consentRecordReference: "https://consent.example.com/records", applications: "Mailing platform" });
    expect(created.status).toBe(201);
    const activity = (await created.json()).data;
    expect(activity).toMatchObject({ version: 1, securityChecklist: ["access_control", "staff_awareness"], consentRecordReference: "https://consent.example.com/records", breachOccurred: false, retainedPerPolicy: null });
    const item = (init: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string }) =>
      call(init.method === "PATCH" ? activityItem.PATCH : activityItem.GET, { url: `/api/v1/activities/${activity.id}`, token: init.token ?? tokens.dpo, params: { id: activity.id }, ...init });
    expect((await (await item({ token: tokens.auditor })).json()).data).toMatchObject({ applications: "Mailing platform", securityChecklist: ["access_control", "staff_awareness"] });

    const patched = await item({ method: "PATCH", body: { schedule1Condition: "None required: explicit consent", policyDocumentReference: "POL-7", breachOccurred: true, breachRecordReference: "BR-9" }, headers: { "if-match": '"1"' } });
    expect(patched.status).toBe(200);
    expect((await patched.json()).data).toMatchObject({ version: 2, schedule1Condition: "None required: explicit consent", policyDocumentReference: "POL-7", breachOccurred: true, breachRecordReference: "BR-9" });
    const badPatch = await item({ method: "PATCH", body: { version: 2, retainedPerPolicy: false } });
    expect(badPatch.status).toBe(422);
    expect((await badPatch.json()).errors).toEqual([expect.objectContaining({ path: "policyDeviationReason" })]);
    // A stale version is still a 409 naming the current one, before the fields are judged.
    const stale = await item({ method: "PATCH", body: { version: 1, securityChecklist: ["backup"] } });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: "version_conflict", currentVersion: 2 });
  });
});

describeOnDatabases("the demo seed's activities (CNIL checklist, ICO template)", (use) => {
  it("every demo activity carries its checklist, LIA or consent record as its legal basis asks, no breach, and Schedule 1 only with an Art. 9 condition", async () => {
    const { db } = use();
    await seedDemoData(db, { today: TODAY });
    const activities = await db.select().from(processingActivities).orderBy(asc(processingActivities.name));
    expect(activities.length).toBeGreaterThan(5);
    for (const activity of activities) {
      expect(activity.securityChecklist.length, activity.name).toBeGreaterThan(0);
      expect(activity.applications, activity.name).toBeTruthy();
      expect(activity.breachOccurred, activity.name).toBe(false);
      expect(activity.breachRecordReference, activity.name).toBeNull();
      if (activity.legalBasis === "legitimate_interests") expect(activity.liaReference, activity.name).toBeTruthy();
      else expect(activity.liaReference, activity.name).toBeNull();
      if (activity.legalBasis === "consent") expect(activity.consentRecordReference, activity.name).toBeTruthy();
      if (activity.schedule1Condition !== null) expect(activity.art9Condition, activity.name).not.toBeNull();
      // What the seed holds is what the API would accept.
      const { id: _id, status: _status, version: _version, createdAt: _created, updatedAt: _updated, createdByUserId: _by, submittedAt: _sub, reviewedByUserId: _rev, reviewedAt: _at, reviewComment: _comment, ...fields } = activity;
      expect(createActivityBody.safeParse(fields).error?.issues ?? [], activity.name).toEqual([]);
    }
    // The checklist shows the gaps the register flags: Hengtong's helpdesk is not controlled.
    expect(activities.find((activity) => activity.name === "Product maintenance and troubleshooting")!.securityChecklist).not.toContain("subprocessor_control");
    expect(activities.some((activity) => activity.schedule1Condition !== null)).toBe(true);
  });
});
