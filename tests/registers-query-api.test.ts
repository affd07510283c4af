import { afterEach, beforeAll, expect, it } from "vitest";
import { fetchProcessorRegister } from "@/components/processors/register-query";
import { processorFilters, processorPageQuery } from "@/lib/api/contracts/processors";
import { transferFilters, transferListInput, transferPageQuery } from "@/lib/api/contracts/transfers";
import { queryString } from "@/components/registers/fetch-page";
import { fetchTransferRegister } from "@/components/transfers/register-query";
import { listProcessors } from "@/db/queries/processors";
import { listTransfers } from "@/db/queries/transfers";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createApiToken, createUser } from "@/lib/users/service";
import * as processorCollection from "../app/api/v1/processors/route";
import * as transferCollection from "../app/api/v1/transfers/route";
import { describeOnDatabases, useAsAppDatabase } from "./databases";
import { makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * The transfer and processor registers read through the query cache: the server page prefetches with the db
 * query, and a refetch asks GET /api/v1/<register> with the page's filters. Both must give the same rows for the same
 * URL, or the table would change under the reader when the cache refetches.
 */

const BASE = "http://localhost:3000";
const TODAY = "2026-11-24";
/** Part of every processor name of this suite, so that its searches see only its own records. */
const TAG = "Harbourline";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** JSON on the wire: what the browser's cache holds after a refetch. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describeOnDatabases("register pages and their view=register API", (use) => {
  useAsAppDatabase(use);
  let token = "";
  const ids: Record<string, string> = {};
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    const { db } = use();
    const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: "auditor@registers-query.test", name: "Register reader", role: "auditor" } });
    token = (await createApiToken({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: user.id, name: "tests" } })).token;

    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id);
    const cloud = await makeProcessor(db, { name: `${TAG} Cloud`, country: "HK", service: "hosting" });
    const support = await makeProcessor(db, { name: `${TAG} Support`, country: "DE", service: "technical_support", status: "submitted" });
    await makeProcessor(db, { name: `${TAG} Analytics`, country: "HK", service: "advertising" });
    ids.cloud = cloud.id;
    ids.support = support.id;
    const base = { today: TODAY, exporterEntityId: exporter.id, activityId: activity.id };
    ids.hkFace = (await makeTransfer(db, { ...base, processorId: cloud.id, destinationCountry: "HK", dataCategories: ["user.biometric.face"] })).transfer.id;
    ids.hkPlain = (await makeTransfer(db, { ...base, processorId: cloud.id, destinationCountry: "HK", encryptionInTransit: "none", estimatedSubjects: 90 })).transfer.id;
    ids.hkSupport = (await makeTransfer(db, { ...base, processorId: support.id, destinationCountry: "HK", estimatedSubjects: 12_000 })).transfer.id;
    ids.cnSupport = (await makeTransfer(db, { ...base, processorId: support.id, destinationCountry: "CN", dataCategories: ["user.device.imei"] })).transfer.id;
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  const get = (handler: unknown, url: string) =>
    (handler as Handler)(new Request(`${BASE}${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

  /** The browser's fetch, answered by the route handler with the test's token. */
  function fetchThrough(handler: unknown, seen: string[]) {
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      const url = String(input);
      seen.push(url);
      return get(handler, url);
    }) as typeof fetch;
  }

  it("answers the transfer page's rows for the page's URL, every filter included", async () => {
    const { db } = use();
    const urls = [
      `destination=HK&q=${TAG}`,
      `destination=hk&q=${TAG}&sensitive=1`,
      `destination=HK&q=${TAG}&encryption=none`,
      `destination=HK&q=${TAG}&encryption=any&sort=volume&direction=desc`,
      `q=${TAG}&category=user.device&mechanism=none&status=approved`,
      `processorId=${ids.support}&sort=destination&direction=desc`,
      `q=${TAG}&severity=critical&sort=severity`,
      `q=${TAG}&pageSize=5&page=2`,
    ];
    for (const search of urls) {
      const filters = transferFilters(transferPageQuery.parse(Object.fromEntries(new URLSearchParams(search))));
      const onPage = await listTransfers({ db, ...transferListInput(filters) });
      const response = await get(transferCollection.GET, `/api/v1/transfers?${queryString(filters)}`);
      expect(response.status, search).toBe(200);
      expect(await response.json(), search).toEqual(wire({ data: onPage.rows, page: onPage.page, pageSize: onPage.pageSize, total: onPage.total }));
    }

    // The filters do select: Hong Kong only, and only the unencrypted one.
    const hk = transferFilters(transferPageQuery.parse({ destination: "HK", q: TAG }));
    expect((await listTransfers({ db, ...transferListInput(hk) })).rows.map((row) => row.id).sort()).toEqual([ids.hkFace, ids.hkPlain, ids.hkSupport].sort());
    const unencrypted = await (await get(transferCollection.GET, `/api/v1/transfers?${queryString({ ...hk, encryption: "none" })}`)).json();
    expect(unencrypted.data.map((row: { id: string }) => row.id)).toEqual([ids.hkPlain]);
  });

  it("reads the transfer register through the client's fetch: the page's filters in the API's names, then the next page", async () => {
    const seen: string[] = [];
    fetchThrough(transferCollection.GET, seen);
    const filters = transferFilters(transferPageQuery.parse({ destination: "HK", q: TAG, processorId: ids.cloud, sort: "volume", pageSize: "5" }));
    const first = await fetchTransferRegister(filters);
    expect(seen[0]).toContain("processorId=");
    expect(first).toMatchObject({ total: 2, page: 1, pageSize: 5 });
    expect(first.rows.map((row) => row.id)).toEqual([ids.hkPlain, ids.hkFace]);

    // Two rows a page through the API itself (the page's own minimum is 5): disjoint pages, the same total.
    const paged = async (page: number) => (await get(transferCollection.GET, `/api/v1/transfers?q=${TAG}&sort=processor&pageSize=2&page=${page}`)).json();
    const [one, two, three] = [await paged(1), await paged(2), await paged(3)];
    expect([one.total, two.total, three.total]).toEqual([4, 4, 4]);
    expect(three.data).toEqual([]);
    const all = [...one.data, ...two.data].map((row: { id: string }) => row.id);
    expect(new Set(all).size).toBe(4);
    expect(all.sort()).toEqual([ids.hkFace, ids.hkPlain, ids.hkSupport, ids.cnSupport].sort());
  });

  it("answers the processor page's rows for the page's URL, sorts included", async () => {
    const { db } = use();
    const urls = [`q=${TAG}`, `q=${TAG}&country=HK`, `q=${TAG}&service=technical_support&status=submitted`, `q=${TAG}&sort=country&direction=desc`, `q=${TAG}&sort=updatedAt`, `pageSize=5&page=2`];
    for (const search of urls) {
      const filters = processorFilters(processorPageQuery.parse(Object.fromEntries(new URLSearchParams(search))));
      const onPage = await listProcessors({ db, ...filters });
      const response = await get(processorCollection.GET, `/api/v1/processors?${queryString(filters)}`);
      expect(response.status, search).toBe(200);
      expect(await response.json(), search).toEqual(wire({ data: onPage.rows, page: onPage.page, pageSize: onPage.pageSize, total: onPage.total }));
    }

    const seen: string[] = [];
    fetchThrough(processorCollection.GET, seen);
    const hk = await fetchProcessorRegister(processorFilters(processorPageQuery.parse({ q: TAG, country: "HK", sort: "name", direction: "desc" })));
    expect(hk.rows.map((row) => row.name)).toEqual([`${TAG} Cloud`, `${TAG} Analytics`]);
    // Dates cross the wire as ISO text, the same on the server page and after a refetch.
    expect(hk.rows[0]!.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(new Date(hk.rows[0]!.updatedAt).toISOString()).toBe(hk.rows[0]!.updatedAt);

    const paged = async (page: number) => (await get(processorCollection.GET, `/api/v1/processors?q=${TAG}&pageSize=2&page=${page}`)).json();
    const [one, two] = [await paged(1), await paged(2)];
    expect([one.total, two.total]).toEqual([3, 3]);
    expect([...one.data, ...two.data].map((row: { name: string }) => row.name)).toEqual([`${TAG} Analytics`, `${TAG} Cloud`, `${TAG} Support`]);
    // One read model: an old link's `view=register` is an unknown parameter, ignored, and answers the same rows.
    const old = await (await get(processorCollection.GET, `/api/v1/processors?view=register&q=${TAG}&pageSize=2&page=1`)).json();
    expect(old).toEqual(one);
  });

  it("refuses a bad parameter with a 422 naming it, and the client says so in words", async () => {
    const cases: [unknown, string, string][] = [
      [transferCollection.GET, "/api/v1/transfers?destination=ZZ", "destination"],
      [transferCollection.GET, "/api/v1/transfers?encryption=maybe", "encryption"],
      [transferCollection.GET, "/api/v1/transfers?sort=colour", "sort"],
      [transferCollection.GET, "/api/v1/transfers?processorId=42", "processorId"],
      [transferCollection.GET, "/api/v1/transfers?pageSize=500", "pageSize"],
      [processorCollection.GET, "/api/v1/processors?sort=colour", "sort"],
      [processorCollection.GET, "/api/v1/processors?status=dormant", "status"],
      [processorCollection.GET, "/api/v1/processors?direction=sideways", "direction"],
    ];
    for (const [handler, url, parameter] of cases) {
      const response = await get(handler, url);
      expect(response.status, url).toBe(422);
      const problem = await response.json();
      expect(problem.errors.map((error: { path: string }) => error.path), url).toEqual([parameter]);
      expect(problem.detail, url).toContain(parameter);
    }

    fetchThrough(transferCollection.GET, []);
    const bad = { ...transferFilters(transferPageQuery.parse({})), severity: "catastrophic" } as unknown as Parameters<typeof fetchTransferRegister>[0];
    // The error carries the failure, which the page words in the reader's language (registers.fetch.*).
    await expect(fetchTransferRegister(bad)).rejects.toMatchObject({ failure: { kind: "invalidFilters", detail: expect.stringContaining("severity") } });
  });

  it("keeps out of a page's URL what the API would refuse, so that a refetch of the same view is never a 422", async () => {
    const transfers = transferFilters(transferPageQuery.parse({ destination: "ZZ", q: "a\u0000b", encryption: "maybe", pageSize: "2" }));
    expect(transfers).toMatchObject({ destination: undefined, q: undefined, encryption: undefined, pageSize: 20 });
    expect((await get(transferCollection.GET, `/api/v1/transfers?${queryString(transfers)}`)).status).toBe(200);
    const processors = processorFilters(processorPageQuery.parse({ country: "ZZ", sort: "colour" }));
    expect(processors).toMatchObject({ country: undefined, sort: "name" });
    expect((await get(processorCollection.GET, `/api/v1/processors?${queryString(processors)}`)).status).toBe(200);
  });
});
