import { beforeAll, describe, expect, it } from "vitest";
import { findUnstorableText } from "@/lib/api/contracts/common";
import { activityPageQuery } from "@/lib/api/contracts/activities";
import { agreementPageQuery } from "@/lib/api/contracts/agreements";
import { dataCategoryPageQuery } from "@/lib/api/contracts/data-categories";
import { entityPageQuery } from "@/lib/api/contracts/entities";
import { flagPageQuery } from "@/lib/api/contracts/flags";
import { processorPageQuery } from "@/lib/api/contracts/processors";
import { transferPageQuery } from "@/lib/api/contracts/transfers";
import { userListPageQuery } from "@/lib/api/contracts/users";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createApiToken, createUser } from "@/lib/users/service";
import * as activityCollection from "../app/api/v1/activities/route";
import * as agreementCollection from "../app/api/v1/agreements/route";
import * as categoryCollection from "../app/api/v1/data-categories/route";
import * as entityCollection from "../app/api/v1/entities/route";
import * as flagCollection from "../app/api/v1/flags/route";
import * as processorDuplicates from "../app/api/v1/processors/duplicates/route";
import * as processorItem from "../app/api/v1/processors/[id]/route";
import * as processorCollection from "../app/api/v1/processors/route";
import * as transferCollection from "../app/api/v1/transfers/route";
import { describeOnDatabases, useAsAppDatabase } from "./databases";

/*
 * Issue 14, item 7: text PostgreSQL cannot store, refused at the edge with a 422 naming the field. U+0000 cannot be
 * held by text or jsonb (the database answers an error: a 500 before), and a lone UTF-16 surrogate (U+D800..U+DFFF
 * without its pair, which JSON's "\uD800" escape can carry) has no UTF-8 form: the driver would store U+FFFD in its
 * place, silently changing what the client sent.
 */

const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: unknown, { method = "GET", url, token, body, params = {} }: { method?: string; url: string; token: string; body?: string; params?: Record<string, string> }) {
  const request = new Request(`${BASE}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });
  return (handler as Handler)(request, { params: Promise.resolve(params) });
}

/** Every list endpoint with a free-text search. */
const LISTS = [
  ["/api/v1/activities", activityCollection.GET],
  ["/api/v1/agreements", agreementCollection.GET],
  ["/api/v1/data-categories", categoryCollection.GET],
  ["/api/v1/entities", entityCollection.GET],
  ["/api/v1/flags", flagCollection.GET],
  ["/api/v1/processors", processorCollection.GET],
  ["/api/v1/transfers", transferCollection.GET],
] as const;

async function expectFieldRefused(response: Response, field: string) {
  expect(response.status).toBe(422);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as { errors?: { path: string; message: string }[] };
  expect(problem.errors?.map((error) => error.path)).toContain(field);
}

describe("findUnstorableText", () => {
  it("names the path of a NUL or a lone surrogate, keys included, and passes well-formed text", () => {
    expect(findUnstorableText({ a: [{ b: "ok" }, { c: "x\u0000" }] })).toEqual({ path: "a.1.c", message: "must not contain the NUL character" });
    expect(findUnstorableText({ name: "\uD800" })?.path).toBe("name");
    expect(findUnstorableText({ name: "tail \uDC00" })?.path).toBe("name");
    expect(findUnstorableText({ ["bad\uD800key"]: 1 })?.path).toBe("bad\uFFFDkey");
    expect(findUnstorableText("\u0000")?.path).toBe("(body)");
    // A surrogate pair is one character (an emoji), not a lone half.
    expect(findUnstorableText({ name: "Café 😀 深圳 \u{10FFFF}", list: ["a", 1, null, true] })).toBeUndefined();
  });

  it("walks a deeply nested value without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let depth = 0; depth < 100_000; depth++) deep = [deep];
    expect(findUnstorableText(deep)?.path.startsWith("0.0.0")).toBe(true);
  });
});

describe("the register pages' queries", () => {
  it("drop a search or any text parameter with a NUL or a lone surrogate, so that the page renders its default view", () => {
    const pages = [activityPageQuery, agreementPageQuery, dataCategoryPageQuery, entityPageQuery, flagPageQuery, processorPageQuery, transferPageQuery, userListPageQuery];
    for (const page of pages) {
      expect(page.parse({ q: "a\u0000b" }).q).toBeUndefined();
      expect(page.parse({ q: "a\uD800b" }).q).toBeUndefined();
      expect(page.parse({ q: "Café 😀" }).q).toBe("Café 😀");
    }
  });
});

describeOnDatabases("input the database cannot store", (use) => {
  useAsAppDatabase(use);
  const tokens = { dpo: "", engineer: "" };

  beforeAll(async () => {
    const { db } = use();
    for (const role of ["dpo", "engineer"] as const) {
      const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${role}@hardening.test`, name: `Hardening ${role}`, role } });
      tokens[role] = (await createApiToken({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: user.id, name: "tests" } })).token;
    }
  });

  for (const [path, handler] of LISTS) {
    it(`GET ${path}?q=%00 is a 422 naming q, and a plain search is a 200`, async () => {
      await expectFieldRefused(await call(handler, { url: `${path}?q=%00`, token: tokens.dpo }), "q");
      await expectFieldRefused(await call(handler, { url: `${path}?q=abc%00def`, token: tokens.dpo }), "q");
      expect((await call(handler, { url: `${path}?q=caf%C3%A9`, token: tokens.dpo })).status).toBe(200);
    });
  }

  it("refuses a NUL in any text parameter of a query, not only the search", async () => {
    await expectFieldRefused(await call(processorDuplicates.GET, { url: "/api/v1/processors/duplicates?name=Acme%00", token: tokens.dpo }), "name");
    await expectFieldRefused(await call(processorDuplicates.GET, { url: "/api/v1/processors/duplicates?website=%00", token: tokens.dpo }), "website");
    expect((await call(processorDuplicates.GET, { url: "/api/v1/processors/duplicates?name=Acme", token: tokens.dpo })).status).toBe(200);
  });

  const processor = (name: string, notes = '"Hosts the EU tenant."') =>
    `{"name":${name},"website":"https://vendor.example","role":"processor","service":"hosting","country":"DE","dpfCertified":false,"coveredPerson":false,"notes":${notes}}`;

  it("refuses a lone surrogate in a JSON body with a 422 naming the field, and stores a surrogate pair as sent", async () => {
    // The JSON escapes are sent as written: JSON.parse turns "\uD800" into a lone surrogate.
    await expectFieldRefused(await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body: processor('"Acme \\uD800 Cloud"') }), "name");
    await expectFieldRefused(await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body: processor('"Acme"', '"\\uDFFF"') }), "notes");
    await expectFieldRefused(await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body: processor('"Acme\\u0000"') }), "name");

    const created = await call(processorCollection.POST, { method: "POST", url: "/api/v1/processors", token: tokens.engineer, body: processor('"Acme \\uD83D\\uDE00 Cloud"') });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string; name: string; version: number } };
    expect(data.name).toBe("Acme 😀 Cloud");

    const patch = (body: string) => call(processorItem.PATCH, { method: "PATCH", url: `/api/v1/processors/${data.id}`, token: tokens.engineer, body, params: { id: data.id } });
    await expectFieldRefused(await patch(`{"version":${data.version},"legalName":"Acme \\uDBFF Ltd"}`), "legalName");
    const read = await call(processorItem.GET, { url: `/api/v1/processors/${data.id}`, token: tokens.engineer, params: { id: data.id } });
    expect(((await read.json()) as { data: { name: string; legalName: string | null } }).data).toMatchObject({ name: "Acme 😀 Cloud", legalName: null });
  });
});
