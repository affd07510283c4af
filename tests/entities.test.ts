import { and, desc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, entities } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";
import { createEntity, deleteEntity, updateEntity } from "@/lib/entities/service";
import { createApiToken, createUser } from "@/lib/users/service";
import * as entityCollection from "../app/api/v1/entities/route";
import * as entityItem from "../app/api/v1/entities/[id]/route";
import { describeOnDatabases, useAsAppDatabase } from "./databases";
import { TEST_ACTOR, makeActivity, makeEntity, makeTransfer } from "./factories";

/*
 * The organisation's legal entities (DOMAIN.md §2): /api/v1/entities and /api/v1/entities/{id}, called the way
 * Next.js calls a route handler with bearer tokens, and the service behind them. The DPO writes; engineers and
 * auditors read; a delete is refused while activities or transfers depend on the entity, naming them.
 */

const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: unknown, { method, url, token, id, body, headers = {} }: { method: string; url: string; token: string; id?: string; body?: unknown; headers?: Record<string, string> }) {
  const request = new Request(`${BASE}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (handler as Handler)(request, { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
}

const HK_ENTITY = {
  name: "Example Trading (HK) Ltd",
  legalName: "Example Trading (Hong Kong) Limited",
  country: "hk",
  role: "controller",
  address: "1 Harbour Road, Wan Chai, Hong Kong",
  phone: "+852 0000 0000",
  dpoContact: "Jane Doe, dpo@example.test",
  representativeContact: "EU Rep GmbH, Berlin",
  ukRepresentativeContact: "UK Rep Ltd, London",
  ciio: false,
};

describeOnDatabases("entities of the organisation", (use) => {
  useAsAppDatabase(use);
  const tokens = { dpo: "", engineer: "", auditor: "" };

  beforeAll(async () => {
    const { db } = use();
    const ctx = { db, actor: TEST_ACTOR, today: "2026-01-01" };
    for (const role of ["dpo", "engineer", "auditor"] as const) {
      const { record: user } = await createUser({ ctx, input: { email: `${role}@entities.test`, name: `Entities ${role}`, role } });
      tokens[role] = (await createApiToken({ ctx, input: { userId: user.id, name: "tests" } })).token;
    }
  });

  async function lastEventOf(recordId: string) {
    const [event] = await use()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "entity"), eq(auditEvents.recordId, recordId)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    return event;
  }

  it("lets the DPO create an entity (201, ETag, Location, audit event) and everyone read it", async () => {
    const response = await call(entityCollection.POST, { method: "POST", url: "/api/v1/entities", token: tokens.dpo, body: HK_ENTITY });
    expect(response.status).toBe(201);
    const { data } = await response.json();
    expect(data).toMatchObject({ ...HK_ENTITY, country: "HK", version: 1 });
    expect(response.headers.get("etag")).toBe('"1"');
    expect(response.headers.get("location")).toBe(`/api/v1/entities/${data.id}`);
    expect(await lastEventOf(data.id)).toMatchObject({ action: "create", before: null, actorLabel: expect.stringContaining("Entities dpo") });

    for (const token of [tokens.engineer, tokens.auditor]) {
      const read = await call(entityItem.GET, { method: "GET", url: `/api/v1/entities/${data.id}`, token, id: data.id });
      expect(read.status).toBe(200);
      expect((await read.json()).data).toMatchObject({ name: HK_ENTITY.name, ciio: false });
    }
    const missing = await call(entityItem.GET, { method: "GET", url: "/api/v1/entities/x", token: tokens.auditor, id: "not-a-uuid" });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses writes by engineers and auditors (403), through the API and the service", async () => {
    const { db } = use();
    const entity = await makeEntity(db);
    for (const token of [tokens.engineer, tokens.auditor]) {
      expect((await call(entityCollection.POST, { method: "POST", url: "/api/v1/entities", token, body: { ...HK_ENTITY, name: "Not allowed" } })).status).toBe(403);
      expect((await call(entityItem.PATCH, { method: "PATCH", url: `/api/v1/entities/${entity.id}`, token, id: entity.id, body: { version: 1, phone: "1" } })).status).toBe(403);
      expect((await call(entityItem.DELETE, { method: "DELETE", url: `/api/v1/entities/${entity.id}`, token, id: entity.id, headers: { "if-match": '"1"' } })).status).toBe(403);
    }
    const engineer = { kind: "user" as const, userId: crypto.randomUUID(), tokenId: null, label: "An engineer", role: "engineer" as const };
    await expect(createEntity({ ctx: { db, actor: engineer, today: "2026-01-01" }, input: { ...HK_ENTITY, name: "Nope" } })).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.select().from(entities).where(eq(entities.id, entity.id)))[0]).toMatchObject({ version: 1 });
  });

  it("validates the body with the contract: unknown fields, a bad country, a missing name, a taken name", async () => {
    const invalid = await call(entityCollection.POST, { method: "POST", url: "/api/v1/entities", token: tokens.dpo, body: { name: "", country: "ZZ", role: "owner", colour: "blue" } });
    expect(invalid.status).toBe(422);
    const paths = (await invalid.json()).errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(["colour", "country", "name", "role"]);
    const taken = await call(entityCollection.POST, { method: "POST", url: "/api/v1/entities", token: tokens.dpo, body: { ...HK_ENTITY } });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ errors: [{ path: "name", message: "another entity already has this name" }] });
  });

  it("lists entities one page at a time, filtered by q, country and role, sorted, with their dependents' counts", async () => {
    const { db } = use();
    const shenzhen = await makeEntity(db, { name: "Listing Shenzhen R&D", legalName: "Listing Shenzhen Technology Co., Ltd.", country: "CN", role: "processor", ciio: true });
    const parent = await makeEntity(db, { name: "Listing Parent Inc.", country: "US", role: "controller" });
    await makeTransfer(db, { exporterEntityId: parent.id, today: "2026-01-01" });
    await makeActivity(db, parent.id);

    const get = async (query: string) => {
      const response = await call(entityCollection.GET, { method: "GET", url: `/api/v1/entities?${query}`, token: tokens.engineer });
      expect(response.status).toBe(200);
      return response.json();
    };
    const searched = await get("q=listing&sort=name&direction=desc");
    expect(searched.data.map((row: { name: string }) => row.name)).toEqual(["Listing Shenzhen R&D", "Listing Parent Inc."]);
    expect(searched.total).toBe(2);
    expect(searched.data[1]).toMatchObject({ id: parent.id, activityCount: 2, transferCount: 1, version: 1 });
    expect(searched.data[1].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await get("q=technology")).data.map((row: { id: string }) => row.id)).toEqual([shenzhen.id]);
    expect((await get("q=listing&country=cn")).data).toMatchObject([{ id: shenzhen.id, ciio: true, role: "processor" }]);
    expect((await get("q=listing&role=controller")).data.map((row: { id: string }) => row.id)).toEqual([parent.id]);
    const paged = await get("q=listing&pageSize=1&page=2");
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: 2, data: [{ id: shenzhen.id }] });
    const bad = await call(entityCollection.GET, { method: "GET", url: "/api/v1/entities?role=owner", token: tokens.auditor });
    expect(bad.status).toBe(422);
  });

  it("changes an entity at the version edited (If-Match or body), and a stale version is a 409 naming who changed it", async () => {
    const { db } = use();
    const entity = await makeEntity(db, { name: "Versioned Ltd", country: "GB" });
    const url = `/api/v1/entities/${entity.id}`;
    const first = await call(entityItem.PATCH, { method: "PATCH", url, token: tokens.dpo, id: entity.id, body: { ciio: true, address: "London" }, headers: { "if-match": '"1"' } });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"2"');
    expect((await first.json()).data).toMatchObject({ version: 2, ciio: true, address: "London", country: "GB" });
    expect(await lastEventOf(entity.id)).toMatchObject({ action: "update", before: { version: 1, ciio: false }, after: { version: 2, ciio: true } });

    const stale = await call(entityItem.PATCH, { method: "PATCH", url, token: tokens.dpo, id: entity.id, body: { version: 1, phone: "+44" } });
    expect(stale.status).toBe(409);
    const problem = await stale.json();
    expect(problem).toMatchObject({ code: "version_conflict", currentVersion: 2, changedBy: expect.stringContaining("Entities dpo") });
    expect(problem.detail).toContain("Entities dpo");

    const noVersion = await call(entityItem.PATCH, { method: "PATCH", url, token: tokens.dpo, id: entity.id, body: { phone: "+44" } });
    expect(noVersion.status).toBe(428);
    const cleared = await updateEntity({ ctx: { db, actor: TEST_ACTOR, today: "2026-01-01" }, input: { id: entity.id, changes: { version: 2, address: null } } });
    expect(cleared.record).toMatchObject({ version: 3, address: null, ciio: true });
  });

  it("refuses to delete an entity that activities or transfers depend on, naming them (409), and deletes it once free", async () => {
    const { db } = use();
    const ctx = { db, actor: TEST_ACTOR, today: "2026-01-01" };
    const entity = await makeEntity(db, { name: "Busy Exporter Inc." });
    const { transfer } = await makeTransfer(db, { exporterEntityId: entity.id, today: "2026-01-01" });
    const url = `/api/v1/entities/${entity.id}`;

    const refused = await call(entityItem.DELETE, { method: "DELETE", url, token: tokens.dpo, id: entity.id, headers: { "if-match": '"1"' } });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const problem = await refused.json();
    expect(problem.code).toBe("conflict");
    expect(problem.dependents.activities).toEqual([{ id: transfer.activityId, name: expect.stringMatching(/^Activity /) }]);
    // The route as data (processor, origin, destination) for a page to name in its reader's language.
    expect(problem.dependents.transfers).toEqual([
      { id: transfer.id, processorName: expect.stringMatching(/^Vendor /), originCountry: "US", destinationCountry: "US" },
    ]);
    // The message a person reads names the countries, not their codes.
    expect(problem.detail).toContain(": United States of America → United States of America");
    expect(problem.detail).toContain("Busy Exporter Inc. still has 1 processing activity it controls");
    expect(problem.detail).toContain("1 transfer it exports");
    expect(await db.select().from(entities).where(eq(entities.id, entity.id))).toHaveLength(1);

    const free = await createEntity({ ctx, input: { name: "Free Entity BV", country: "NL", role: "controller" } });
    const missingVersion = await call(entityItem.DELETE, { method: "DELETE", url: `/api/v1/entities/${free.record.id}`, token: tokens.dpo, id: free.record.id });
    expect(missingVersion.status).toBe(428);
    const stale = await call(entityItem.DELETE, { method: "DELETE", url: `/api/v1/entities/${free.record.id}?version=2`, token: tokens.dpo, id: free.record.id });
    expect(stale.status).toBe(409);
    const deleted = await call(entityItem.DELETE, { method: "DELETE", url: `/api/v1/entities/${free.record.id}?version=1`, token: tokens.dpo, id: free.record.id });
    expect(deleted.status).toBe(204);
    expect(await db.select().from(entities).where(eq(entities.id, free.record.id))).toEqual([]);
    expect(await lastEventOf(free.record.id)).toMatchObject({ action: "delete", after: null, before: { name: "Free Entity BV", country: "NL" } });
    await expect(deleteEntity({ ctx, input: { id: free.record.id, version: 1 } })).rejects.toMatchObject({ code: "not_found" });
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
  });
});
