import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { todayIso } from "@/lib/clock";
import { addDays } from "@/lib/rules/iso-date";
import { createApiToken, createUser } from "@/lib/users/service";
import * as processorItem from "../app/api/v1/processors/[id]/route";
import * as processorCollection from "../app/api/v1/processors/route";
import * as transferItem from "../app/api/v1/transfers/[id]/route";
import * as transferCollection from "../app/api/v1/transfers/route";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeEntity } from "./factories";

/*
 * Issue 15's facts through the REST API, as Next.js calls the route handlers: a transfer's US DOJ exemption
 * (28 CFR 202.501-202.511) with its justification, its PIPL facts (important data, Art. 5 exemption, separate
 * consent, PIPIA date) and a processor's DPF UK Extension are stored, read back and listed; what the law makes
 * inconsistent is a 422 naming the field.
 */

const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

function call(
  handler: unknown,
  { method = "GET", url, token, body, id }: { method?: string; url: string; token: string; body?: unknown; id?: string },
): Promise<Response> {
  const request = new Request(`${BASE}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const params: Record<string, string> = id ? { id } : {};
  return (handler as Handler)(request, { params: Promise.resolve(params) });
}

/** The paths a 422 names. */
async function errorPaths(response: Response): Promise<string[]> {
  expect(response.status).toBe(422);
  const problem = (await response.json()) as { errors?: { path: string }[] };
  return (problem.errors ?? []).map((error) => error.path);
}

describeOnDatabases("REST API v1: the law's facts of issue 15", (use) => {
  let token = "";
  const today = todayIso();
  const refs = { activityId: "", exporterEntityId: "", processorId: "" };

  /** A transfer from the Shenzhen affiliate's data in China to the processor, plus `extra`. */
  const transferBody = (extra: Record<string, unknown> = {}) => ({
    ...refs,
    originCountry: "CN",
    destinationCountry: "US",
    subjectRegions: ["CN"],
    estimatedSubjects: 5000,
    mechanism: "pipl_standard_contract",
    ...extra,
  });
  const createTransfer = (extra: Record<string, unknown> = {}) =>
    call(transferCollection.POST, { method: "POST", url: "/api/v1/transfers", token, body: transferBody(extra) });
  const patchTransfer = (id: string, body: Record<string, unknown>) =>
    call(transferItem.PATCH, { method: "PATCH", url: `/api/v1/transfers/${id}`, token, id, body });

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const { db } = use();
    const ctx = { db, actor: SYSTEM_ACTOR, today: "2026-01-01" };
    const { record: user } = await createUser({ ctx, input: { email: "dpo@law-facts.test", name: "Law facts DPO", role: "dpo" } });
    token = (await createApiToken({ ctx, input: { userId: user.id, name: "tests" } })).token;
    const exporter = await makeEntity(db, { name: "Shenzhen R&D", country: "CN" });
    refs.exporterEntityId = exporter.id;
    refs.activityId = (await makeActivity(db, exporter.id)).id;
    const processor = await call(processorCollection.POST, {
      method: "POST",
      url: "/api/v1/processors",
      token,
      body: { name: "Law Facts Cloud", role: "processor", service: "hosting", country: "US" },
    });
    refs.processorId = (await processor.json()).data.id;
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  it("stores, returns and lists a transfer's DOJ exemption and PIPL facts", async () => {
    const created = await createTransfer({
      dojExemption: "corporate_group",
      dojExemptionJustification: "Customer support by our own Hong Kong affiliate, ancillary to business operations (202.506).",
      importantData: true,
      piplExemption: "cross_border_hr",
      piplSeparateConsent: true,
      pipiaDate: today,
    });
    expect(created.status).toBe(201);
    const { data } = await created.json();
    const facts = {
      dojExemption: "corporate_group",
      dojExemptionJustification: "Customer support by our own Hong Kong affiliate, ancillary to business operations (202.506).",
      importantData: true,
      piplExemption: "cross_border_hr",
      piplSeparateConsent: true,
      pipiaDate: today,
    };
    expect(data).toMatchObject(facts);

    const read = await call(transferItem.GET, { url: `/api/v1/transfers/${data.id}`, token, id: data.id });
    expect((await read.json()).data).toMatchObject(facts);

    const list = await call(transferCollection.GET, { url: `/api/v1/transfers?processorId=${refs.processorId}`, token });
    const row = ((await list.json()).data as { id: string }[]).find((candidate) => candidate.id === data.id);
    expect(row).toMatchObject({ dojExemption: "corporate_group", piplExemption: "cross_border_hr" });
  });

  it("defaults to no exemption and no PIPL fact when the body leaves them out", async () => {
    const created = await createTransfer();
    expect(created.status).toBe(201);
    expect((await created.json()).data).toMatchObject({
      dojExemption: null,
      dojExemptionJustification: null,
      importantData: false,
      piplExemption: null,
      piplSeparateConsent: false,
      pipiaDate: null,
    });
  });

  it("refuses an exemption without a justification, naming dojExemptionJustification", async () => {
    expect(await errorPaths(await createTransfer({ dojExemption: "corporate_group" }))).toEqual(["dojExemptionJustification"]);
    // Blank is no justification: the text is trimmed.
    expect(await errorPaths(await createTransfer({ dojExemption: "travel", dojExemptionJustification: "   " }))).toEqual(["dojExemptionJustification"]);
    // A justification alone claims nothing and is accepted.
    expect((await createTransfer({ dojExemptionJustification: "Kept for the record." })).status).toBe(201);
  });

  it("refuses an unknown exemption by its field", async () => {
    expect(await errorPaths(await createTransfer({ dojExemption: "friendship", dojExemptionJustification: "x" }))).toEqual(["dojExemption"]);
    expect(await errorPaths(await createTransfer({ piplExemption: "small_volume" }))).toEqual(["piplExemption"]);
  });

  it("refuses a PIPIA date in the future and accepts today's", async () => {
    expect(await errorPaths(await createTransfer({ pipiaDate: addDays(today, 1) }))).toEqual(["pipiaDate"]);
    expect((await createTransfer({ pipiaDate: today })).status).toBe(201);
    expect(await errorPaths(await createTransfer({ pipiaDate: "2026-02-30" }))).toEqual(["pipiaDate"]);
  });

  it("checks a change against the stored transfer: an exemption needs the justification stored or sent", async () => {
    const { data: transfer } = await (await createTransfer()).json();
    // The stored transfer has no justification: claiming an exemption alone is refused.
    expect(await errorPaths(await patchTransfer(transfer.id, { version: 1, dojExemption: "financial_services" }))).toEqual(["dojExemptionJustification"]);
    // Sending both is accepted.
    const claimed = await patchTransfer(transfer.id, { version: 1, dojExemption: "financial_services", dojExemptionJustification: "Payment processing incident to a purchase (202.505)." });
    expect(claimed.status).toBe(200);
    expect((await claimed.json()).data).toMatchObject({ version: 2, dojExemption: "financial_services" });
    // Clearing the justification of a claimed exemption is refused; withdrawing the claim first is not.
    expect(await errorPaths(await patchTransfer(transfer.id, { version: 2, dojExemptionJustification: null }))).toEqual(["dojExemptionJustification"]);
    const withdrawn = await patchTransfer(transfer.id, { version: 2, dojExemption: null, dojExemptionJustification: null });
    expect(withdrawn.status).toBe(200);
    expect((await withdrawn.json()).data).toMatchObject({ dojExemption: null, dojExemptionJustification: null });
    // A future PIPIA date is refused on a change too.
    expect(await errorPaths(await patchTransfer(transfer.id, { version: 3, pipiaDate: addDays(today, 30) }))).toEqual(["pipiaDate"]);
    const assessed = await patchTransfer(transfer.id, { version: 3, pipiaDate: addDays(today, -10), piplSeparateConsent: true, importantData: true });
    expect(assessed.status).toBe(200);
    expect((await assessed.json()).data).toMatchObject({ pipiaDate: addDays(today, -10), piplSeparateConsent: true, importantData: true });
  });

  it("stores a processor's DPF UK Extension, returns it and lists it", async () => {
    const created = await call(processorCollection.POST, {
      method: "POST",
      url: "/api/v1/processors",
      token,
      body: { name: "UK Extension Inc.", role: "processor", service: "analytics", country: "US", dpfCertified: true, dpfExpiry: addDays(today, 200), dpfUkExtension: true },
    });
    expect(created.status).toBe(201);
    const { data } = await created.json();
    expect(data).toMatchObject({ dpfCertified: true, dpfUkExtension: true });

    const withoutExtension = await call(processorItem.PATCH, { method: "PATCH", url: `/api/v1/processors/${data.id}`, token, id: data.id, body: { version: 1, dpfUkExtension: false } });
    expect(withoutExtension.status).toBe(200);
    expect((await withoutExtension.json()).data).toMatchObject({ dpfCertified: true, dpfUkExtension: false });

    const list = await call(processorCollection.GET, { url: "/api/v1/processors?q=UK%20Extension", token });
    expect((await list.json()).data).toEqual([expect.objectContaining({ id: data.id, dpfUkExtension: false })]);

    const notBoolean = await call(processorCollection.POST, {
      method: "POST",
      url: "/api/v1/processors",
      token,
      body: { name: "Stringly Inc.", role: "processor", service: "analytics", country: "US", dpfUkExtension: "yes" },
    });
    expect(await errorPaths(notBoolean)).toEqual(["dpfUkExtension"]);
  });
});
