import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { processors } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { isValidCountryCode } from "@/lib/jurisdictions/countries";
import { createApiToken, createUser } from "@/lib/users/service";
import * as processorItem from "../app/api/v1/processors/[id]/route";
import * as processorCollection from "../app/api/v1/processors/route";
import * as openapi from "../app/api/v1/openapi.json/route";
import * as transferItem from "../app/api/v1/transfers/[id]/route";
import * as transferCollection from "../app/api/v1/transfers/route";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeEntity } from "./factories";

/*
 * The REST API, called the way Next.js calls a route handler: a Request and a params promise, with a
 * bearer token. The handlers use the process-wide db(), so the suite points it at its own database.
 */

const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

function call(
  handler: unknown,
  { method = "GET", url, token, body, headers = {}, id }: { method?: string; url: string; token: string; body?: unknown; headers?: Record<string, string>; id?: string },
): Promise<Response> {
  const request = new Request(`${BASE}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const params: Record<string, string> = id ? { id } : {};
  return (handler as Handler)(request, { params: Promise.resolve(params) });
}

const validProcessor = (name: string) => ({
  name,
  legalName: `${name} Ltd.`,
  website: "https://vendor.example",
  role: "processor",
  service: "hosting",
  country: "de",
  dpfCertified: false,
  coveredPerson: false,
  notes: "Hosts the EU tenant.",
});

describeOnDatabases("REST API v1", (use) => {
  const tokens = { dpo: "", engineer: "", auditor: "" };

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const { db } = use();
    for (const role of ["dpo", "engineer", "auditor"] as const) {
      const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${role}@api.test`, name: `API ${role}`, role } });
      tokens[role] = (await createApiToken({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: user.id, name: "tests" } })).token;
    }
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  it("creates, reads, refuses a stale update, updates with If-Match and lists processors with filters", async () => {
    const created = await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body: validProcessor("Acme Cloud GmbH") });
    expect(created.status).toBe(201);
    const { data, flags } = await created.json();
    expect(data).toMatchObject({ name: "Acme Cloud GmbH", country: "DE", status: "draft", version: 1 });
    expect(data).not.toHaveProperty("normalizedName");
    expect(Array.isArray(flags)).toBe(true);
    expect(created.headers.get("location")).toBe(`/api/v1/processors/${data.id}`);
    expect(created.headers.get("etag")).toBe('"1"');

    const read = await call(processorItem.GET, { url: `/api/v1/processors/${data.id}`, token: tokens.auditor, id: data.id });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"1"');
    expect((await read.json()).data).toMatchObject({ id: data.id, legalName: "Acme Cloud GmbH Ltd." });

    const updated = await call(processorItem.PATCH, {
      method: "PATCH",
      url: `/api/v1/processors/${data.id}`,
      token: tokens.dpo,
      id: data.id,
      body: { version: 1, dpfCertified: true, dpfExpiry: "2027-06-30" },
    });
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).toBe('"2"');
    expect((await updated.json()).data).toMatchObject({ version: 2, dpfCertified: true, dpfExpiry: "2027-06-30", notes: "Hosts the EU tenant." });

    const stale = await call(processorItem.PATCH, {
      method: "PATCH",
      url: `/api/v1/processors/${data.id}`,
      token: tokens.engineer,
      id: data.id,
      body: { notes: "late edit" },
      headers: { "if-match": 'W/"1"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    expect(await stale.json()).toMatchObject({ code: "version_conflict", currentVersion: 2 });

    const viaIfMatch = await call(processorItem.PATCH, {
      method: "PATCH",
      url: `/api/v1/processors/${data.id}`,
      token: tokens.engineer,
      id: data.id,
      body: { notes: "fresh edit" },
      headers: { "if-match": '"2"' },
    });
    expect(viaIfMatch.status).toBe(200);
    expect((await viaIfMatch.json()).data).toMatchObject({ version: 3, notes: "fresh edit" });

    await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.dpo, body: { ...validProcessor("Shenzhen Support"), country: "CN", service: "technical_support" } });
    const list = await call(processorCollection.GET, { url: "/api/v1/processors?country=de&status=draft&q=acme&page=1&pageSize=10", token: tokens.auditor });
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page).toMatchObject({ page: 1, pageSize: 10, total: 1 });
    expect(page.data.map((row: { name: string }) => row.name)).toEqual(["Acme Cloud GmbH"]);

    const tooBig = await call(processorCollection.GET, { url: "/api/v1/processors?pageSize=101", token: tokens.auditor });
    expect(tooBig.status).toBe(422);
    expect((await tooBig.json()).errors).toEqual([expect.objectContaining({ path: "pageSize" })]);
  });

  it("refuses writes for the auditor role (403) and answers 401 without a valid token", async () => {
    const denied = await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.auditor, body: validProcessor("Auditor Vendor") });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: "forbidden" });
    const anonymous = await call(processorCollection.GET, { url: "/api/v1/processors", token: "tgv_not-a-token" });
    expect(anonymous.status).toBe(401);
  });

  it("answers bad requests with problem+json naming the problem", async () => {
    const post = (body: unknown, headers?: Record<string, string>) =>
      call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body, headers });

    const wrongType = await post("name=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get("content-type")).toBe("application/problem+json");

    const invalidJson = await post('{"name": "Acme",');
    expect(invalidJson.status).toBe(400);
    expect(await invalidJson.json()).toMatchObject({ code: "invalid_json", detail: expect.stringContaining("not valid JSON") });

    const huge = await post(JSON.stringify({ ...validProcessor("Huge"), notes: "x".repeat(1024 * 1024) }));
    expect(huge.status).toBe(413);

    const unknownField = await post({ ...validProcessor("Typo Vendor"), dpfCertifed: true });
    expect(unknownField.status).toBe(422);
    expect((await unknownField.json()).errors).toEqual([{ path: "dpfCertifed", message: "is not a known field" }]);

    await post(validProcessor("Amazon Web Services, Inc."));
    const duplicate = await post(validProcessor("amazon web services"));
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).errors).toEqual([expect.objectContaining({ path: "name" })]);

    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await call(processorItem.GET, { url: `/api/v1/processors/${id}`, token: tokens.auditor, id })).status).toBe(404);
      expect((await call(transferItem.GET, { url: `/api/v1/transfers/${id}`, token: tokens.auditor, id })).status).toBe(404);
    }

    const created = await (await post(validProcessor("Versioned Vendor"))).json();
    const noVersion = await call(processorItem.PATCH, { method: "PATCH", url: `/api/v1/processors/${created.data.id}`, token: tokens.dpo, id: created.data.id, body: { notes: "x" } });
    expect(noVersion.status).toBe(428);
    expect((await noVersion.json()).errors).toEqual([expect.objectContaining({ path: "version" })]);
  });

  it("answers 409 naming `name` when two clients create the same processor at once", async () => {
    const post = () => call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body: validProcessor("Racing Vendor") });
    const responses = await Promise.all([post(), post()]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const loser = responses.find((response) => response.status === 409)!;
    expect((await loser.json()).errors).toEqual([expect.objectContaining({ path: "name" })]);
  });

  it("refuses a parent that is the processor itself or one of its sub-processors", async () => {
    const post = (body: unknown) => call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body });
    const parent = (await (await post(validProcessor("Parent Hosting"))).json()).data;
    const child = (await (await post({ ...validProcessor("Child Support"), role: "sub_processor", parentProcessorId: parent.id })).json()).data;
    expect(child.parentProcessorId).toBe(parent.id);
    const cycle = await call(processorItem.PATCH, { method: "PATCH", url: `/api/v1/processors/${parent.id}`, token: tokens.dpo, id: parent.id, body: { version: 1, parentProcessorId: child.id } });
    expect(cycle.status).toBe(422);
    expect((await cycle.json()).errors).toEqual([expect.objectContaining({ path: "parentProcessorId" })]);
  });

  it("creates, patches (keeping absent fields) and lists transfers", async () => {
    const { db } = use();
    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id);
    const processor = (await (await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body: validProcessor("Transfer Target") })).json()).data;
    const created = await call(transferCollection.POST, {
      method: "POST",
      url: "/api/v1/transfers",
      token: tokens.engineer,
      body: {
        activityId: activity.id,
        exporterEntityId: exporter.id,
        processorId: processor.id,
        originCountry: "US",
        destinationCountry: "DE",
        subjectRegions: ["EU"],
        estimatedSubjects: 2000,
        mechanism: "scc",
        status: "submitted",
        dataCategories: ["user.contact.email"],
      },
    });
    expect(created.status).toBe(201);
    const transfer = (await created.json()).data;
    expect(created.headers.get("etag")).toBe('"1"');

    const patched = await call(transferItem.PATCH, { method: "PATCH", url: `/api/v1/transfers/${transfer.id}`, token: tokens.dpo, id: transfer.id, body: { notes: "checked" }, headers: { "if-match": "1" } });
    expect(patched.status).toBe(200);
    // A PATCH changes only what it sends: status, mechanism and categories stay as they were.
    expect((await patched.json()).data).toMatchObject({ version: 2, notes: "checked", status: "submitted", mechanism: "scc", dataCategories: ["user.contact.email"] });

    const stale = await call(transferItem.PATCH, { method: "PATCH", url: `/api/v1/transfers/${transfer.id}`, token: tokens.dpo, id: transfer.id, body: { version: 1, notes: "late" } });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: "version_conflict", currentVersion: 2 });

    const unknown = await call(transferItem.PATCH, { method: "PATCH", url: `/api/v1/transfers/${transfer.id}`, token: tokens.dpo, id: transfer.id, body: { version: 2, destination: "CN" } });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors).toEqual([{ path: "destination", message: "is not a known field" }]);

    const list = await call(transferCollection.GET, { url: `/api/v1/transfers?processorId=${processor.id}&destination=DE&mechanism=scc&status=submitted`, token: tokens.auditor });
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ total: 1, data: [expect.objectContaining({ id: transfer.id })] });

    const badFilter = await call(transferCollection.GET, { url: "/api/v1/transfers?mechanism=telepathy", token: tokens.auditor });
    expect(badFilter.status).toBe(422);
  });

  it("serves an OpenAPI 3.1 document listing every /api/v1 route", async () => {
    const response = await call(openapi.GET, { url: "/api/v1/openapi.json", token: tokens.auditor });
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.schemas.ProcessorCreate).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(["name", "role", "service", "country"]) });
    expect(document.components.schemas.ProcessorUpdate.required).toEqual(["version"]);

    // The routes of this slice, each documented; and every documented path is served by a route file.
    const expected = ["/api/v1/me", "/api/v1/openapi.json", "/api/v1/processors", "/api/v1/processors/{id}", "/api/v1/transfers", "/api/v1/transfers/{id}"];
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(expected));
    for (const documented of Object.keys(document.paths)) {
      const file = path.join("app", documented.replace(/^\//, "").replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
      expect(fs.existsSync(file), `${documented} is documented but ${file} does not exist`).toBe(true);
    }
    for (const [documented, operations] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
      expect(Object.keys(operations).length, documented).toBeGreaterThan(0);
    }
  });

  it("answers ~300 generated bad processor payloads with 4xx only and stores none of them", async () => {
    const { db } = use();
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(processors))[0]!.n;
    const before = await count();

    const hostile = fc.constantFrom(
      "<script>alert(1)</script>",
      "'; DROP TABLE processors; --",
      "1 OR 1=1",
      "javascript:alert(document.cookie)",
      "../../etc/passwd",
      "${jndi:ldap://x}",
      "\u202Egnp.exe",
    );
    const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
    const notABoolean = fc.oneof(fc.string(), fc.integer(), fc.constant(null), hostile);
    const longText = (min: number) => fc.integer({ min: min + 1, max: min + 5000 }).map((n) => "x".repeat(n));
    const notInEnum = (values: readonly string[]) => fc.oneof(fc.string(), hostile).filter((value) => !values.includes(value.trim()));
    const badCountry = fc.oneof(fc.string({ maxLength: 5 }), hostile, fc.constantFrom("XX", "ZZ", "UK", "EU", "USA", "u$")).filter(
      (value) => !isValidCountryCode(value.trim().toUpperCase()),
    );
    const badUuid = fc.oneof(hostile, fc.string({ maxLength: 40 }), fc.integer());
    const badDate = fc.oneof(hostile, fc.constantFrom("2026-02-30", "2026-13-01", "31/12/2026", "tomorrow"), fc.integer());
    const extraKey = fc.oneof(hostile, fc.constantFrom("status", "id", "version", "normalizedName", "__proto__x", "constructor", "createdByUserId"));

    // Each mutation alone makes the payload invalid; several may be combined.
    const mutation = fc.oneof(
      fc.record({ key: fc.constant("name"), value: fc.oneof(notAString, longText(200), fc.constant("   ")) }),
      fc.record({ key: fc.constant("legalName"), value: fc.oneof(fc.integer(), longText(300)) }),
      fc.record({ key: fc.constant("website"), value: fc.oneof(hostile, longText(500).map((x) => `https://${x}.example`), fc.constantFrom("ftp://x.example", "http://", "//no-scheme")) }),
      fc.record({ key: fc.constant("role"), value: fc.oneof(notInEnum(["processor", "sub_processor", "controller", "joint_controller", "affiliate"]), fc.integer()) }),
      fc.record({ key: fc.constant("service"), value: notInEnum(["hosting", "technical_support", "advertising", "push_messaging", "analytics", "ecommerce_platform", "payments", "customer_support", "other"]) }),
      fc.record({ key: fc.constant("country"), value: fc.oneof(badCountry, fc.integer(), fc.constant(null)) }),
      fc.record({ key: fc.constant("parentProcessorId"), value: badUuid }),
      fc.record({ key: fc.constant("ownerUserId"), value: fc.oneof(badUuid, fc.constant("00000000-0000-4000-8000-000000000000")) }),
      fc.record({ key: fc.constant("dpfCertified"), value: notABoolean }),
      fc.record({ key: fc.constant("coveredPerson"), value: notABoolean }),
      fc.record({ key: fc.constant("dpfExpiry"), value: badDate }),
      fc.record({ key: fc.constant("notes"), value: fc.oneof(longText(5000), fc.integer()) }),
      fc.record({ key: fc.constant("externalId"), value: fc.oneof(longText(200), fc.boolean()) }),
      fc.record({ key: extraKey, value: fc.oneof(fc.string(), fc.integer(), hostile) }),
    );
    const payload = fc.oneof(
      { weight: 10, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 30 }), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([suffix, mutations]) => {
        const body: Record<string, unknown> = validProcessor(`Fuzz ${suffix}`);
        for (const { key, value } of mutations) body[key] = value;
        return JSON.stringify(body);
      }) },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom("[]", "null", "42", '"text"', "{", "{'a':1}", "", "\u0000"), fc.string()) },
    );

    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        const response = await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body });
        expect(response.status, body.slice(0, 200)).toBeGreaterThanOrEqual(400);
        expect(response.status, body.slice(0, 200)).toBeLessThan(500);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
      }),
      { numRuns: 300 },
    );
    expect(await count()).toBe(before);
  });
});
