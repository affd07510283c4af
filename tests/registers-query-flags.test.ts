import { afterAll, beforeAll, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { listCategoryRegister } from "@/db/queries/categories-register";
import { listFlagRegister } from "@/lib/flags/register";
import { flags } from "@/db/schema";
import { categoryKeys } from "@/components/categories/register-query";
import { flagKeys } from "@/components/flags/register-query";
import { queryString } from "@/components/registers/fetch-page";
import { dataCategoryFilters, dataCategoryPageQuery, dataCategoryQueryString } from "@/lib/api/contracts/data-categories";
import { flagFilters, flagListInput, flagPageQuery } from "@/lib/api/contracts/flags";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createApiToken, createUser } from "@/lib/users/service";
import * as categoryCollection from "../app/api/v1/data-categories/route";
import * as flagCollection from "../app/api/v1/flags/route";
import { describeOnDatabases } from "./databases";
import { makeProcessor, makeTransfer } from "./factories";

/*
 * The flag and data-category registers read through the query cache: the server page prefetches with the
 * db query, the browser refetches from the list endpoint with the page's filters as its query string (one
 * contract, one read model). Both must give the same rows for the same URL, or a refetch would change the
 * table under the reader.
 */

const TODAY = "2026-11-24";
const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

/** The page's rows as they reach the browser: JSON, dates as ISO strings. */
function overTheWire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describeOnDatabases("flag and data-category registers through the API", (use) => {
  let token = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const { db } = use();
    const ctx = { db, actor: SYSTEM_ACTOR, today: TODAY };
    const { record: auditor } = await createUser({ ctx, input: { email: "auditor@registers-query.test", name: "Query auditor", role: "auditor" } });
    token = (await createApiToken({ ctx, input: { userId: auditor.id, name: "tests" } })).token;

    // Unencrypted transfers raise flags of several rules and severities, on two processors.
    const quokka = await makeProcessor(db, { name: "Quokka Telemetry" });
    const wombat = await makeProcessor(db, { name: "Wombat Storage" });
    ids.quokka = quokka.id;
    ids.quokkaTransfer = (await makeTransfer(db, { today: TODAY, processorId: quokka.id, encryptionInTransit: "none", encryptionAtRest: "none" })).transfer.id;
    await makeTransfer(db, { today: TODAY, processorId: wombat.id, encryptionInTransit: "none", destinationCountry: "CN" });
    await makeTransfer(db, { today: TODAY, processorId: wombat.id, encryptionAtRest: "none", destinationCountry: "IN" });

    // One flag accepted: it leaves the open list and shows under "accepted" and "all".
    const [accepted] = await db
      .update(flags)
      .set({ status: "accepted", acceptedUntil: "2027-03-01" })
      .where(and(eq(flags.subjectId, ids.quokkaTransfer), eq(flags.ruleId, "transfer.no-encryption-in-transit")))
      .returning();
    ids.accepted = accepted!.id;
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  const get = (handler: unknown, url: string) =>
    (handler as Handler)(new Request(`${BASE}${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

  /** What the flag page prefetches for a URL, and what the browser's refetch of the same URL answers. */
  async function flagPageAndApi(search: Record<string, string>) {
    const filters = flagFilters(flagPageQuery.parse(search));
    const page = await listFlagRegister({ db: use().db, ...flagListInput(filters) });
    const response = await get(flagCollection.GET, `/api/v1/flags?${queryString(filters)}`);
    expect(response.status).toBe(200);
    return { page, api: await response.json(), key: flagKeys.list(filters) };
  }

  it("answers the flag register's rows exactly as the page reads them, for every filter", async () => {
    const views: Record<string, string>[] = [
      {},
      { status: "all" },
      { status: "accepted" },
      { status: "resolved" },
      { status: "all", severity: "high" },
      { rule: "transfer.no-encryption-at-rest" },
      { subject: "transfer", status: "all" },
      { q: "wombat", status: "all" },
      { q: "encryption in transit", status: "all" },
    ];
    for (const view of views) {
      const { page, api, key } = await flagPageAndApi(view);
      expect(key[0]).toBe("flags");
      expect(api).toEqual({ data: overTheWire(page.rows), page: page.page, pageSize: page.pageSize, total: page.total });
    }

    const open = await flagPageAndApi({});
    expect(open.api.data.length).toBeGreaterThan(2);
    expect(open.api.data.every((flag: { status: string }) => flag.status === "open")).toBe(true);
    expect(open.api.data.map((flag: { id: string }) => flag.id)).not.toContain(ids.accepted);
    // Worst first, with what the table shows: the rule's title and the subject's processor.
    const severities = open.api.data.map((flag: { severity: string }) => ["low", "medium", "high", "critical"].indexOf(flag.severity));
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(open.api.data[0]).toMatchObject({ ruleTitle: expect.any(String), lastSeenAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    // The one read model carries the stored flag too (what the API's list always answered), without the fingerprint.
    expect(open.api.data[0]).toMatchObject({ citation: expect.any(String), remediation: expect.any(String), facts: expect.any(Object), firstSeenAt: expect.stringMatching(/^\d{4}-/) });
    expect(open.api.data[0]).not.toHaveProperty("fingerprint");

    const accepted = await flagPageAndApi({ status: "accepted" });
    expect(accepted.api).toMatchObject({ total: 1, data: [{ id: ids.accepted, status: "accepted", acceptedUntil: "2027-03-01", subjectProcessorName: "Quokka Telemetry" }] });
    const all = await flagPageAndApi({ status: "all" });
    expect(all.api.total).toBe(open.api.total + 1);
  });

  it("searches the flags by rule title and by the subject's processor", async () => {
    const byProcessor = (await flagPageAndApi({ q: "quokka", status: "all" })).api.data as { subjectProcessorName: string; ruleId: string }[];
    expect(byProcessor.length).toBeGreaterThan(1);
    expect(new Set(byProcessor.map((flag) => flag.subjectProcessorName))).toEqual(new Set(["Quokka Telemetry"]));
    const byTitle = (await flagPageAndApi({ q: "No encryption at rest", status: "all" })).api.data as { ruleId: string }[];
    expect(byTitle.length).toBe(2);
    expect(new Set(byTitle.map((flag) => flag.ruleId))).toEqual(new Set(["transfer.no-encryption-at-rest"]));
    // Both at once: a rule title on one processor's records is narrowed by the other filters.
    expect((await flagPageAndApi({ q: "wombat", rule: "transfer.no-encryption-at-rest" })).api.total).toBe(1);
    // LIKE wildcards are searched literally.
    expect((await flagPageAndApi({ q: "%", status: "all" })).api.total).toBe(0);
  });

  it("pages the flag register: the pages follow one another without gaps or repeats", async () => {
    const { api: whole } = await flagPageAndApi({ status: "all", pageSize: "100" });
    const order = whole.data.map((flag: { id: string }) => flag.id);
    expect(order.length).toBeGreaterThan(5);
    const pages: string[] = [];
    for (let page = 1; (page - 1) * 5 < whole.total; page += 1) {
      const response = await get(flagCollection.GET, `/api/v1/flags?status=all&pageSize=5&page=${page}`);
      const body = await response.json();
      expect(body).toMatchObject({ page, pageSize: 5, total: whole.total });
      pages.push(...body.data.map((flag: { id: string }) => flag.id));
    }
    expect(pages).toEqual(order);
    // Without a status the page shows the open flags: its default travels to the API as status=open.
    const { api: pageDefaults } = await flagPageAndApi({});
    expect(pageDefaults).toMatchObject({ page: 1, pageSize: 20, total: whole.total - 1 });
    expect(flagFilters(flagPageQuery.parse({})).status).toBe("open");
    // The API without a status answers every status (its documented default); the old `view=register` is ignored.
    const apiDefaults = await (await get(flagCollection.GET, "/api/v1/flags")).json();
    expect(apiDefaults).toMatchObject({ page: 1, pageSize: 20, total: whole.total });
    expect(await (await get(flagCollection.GET, "/api/v1/flags?view=register")).json()).toEqual(apiDefaults);
  });

  it("refuses a bad flag register parameter with a 422 naming it", async () => {
    const cases = [
      ["status=closed", "status"],
      ["ruleId=transfer.nothing", "ruleId"],
      ["severity=catastrophic", "severity"],
      ["subjectType=entity", "subjectType"],
      ["pageSize=500", "pageSize"],
      ["page=0", "page"],
      [`q=${"x".repeat(201)}`, "q"],
    ] as const;
    for (const [query, path] of cases) {
      const response = await get(flagCollection.GET, `/api/v1/flags?${query}`);
      expect(response.status, query).toBe(422);
      expect((await response.json()).errors, query).toEqual([expect.objectContaining({ path })]);
    }
  });

  /** What the data-category page prefetches for a URL, and what the browser's refetch of the same URL answers. */
  async function categoryPageAndApi(search: Record<string, string>) {
    const filters = dataCategoryFilters(dataCategoryPageQuery.parse(search));
    const page = await listCategoryRegister({ db: use().db, ...filters });
    const response = await get(categoryCollection.GET, `/api/v1/data-categories?${queryString(dataCategoryQueryString(filters))}`);
    expect(response.status).toBe(200);
    return { page, api: await response.json(), key: categoryKeys.list(filters) };
  }

  it("answers the data-category register's rows exactly as the page reads them, and pages them", async () => {
    const views: Record<string, string>[] = [
      {},
      { q: "biometric" },
      { sensitive: "1" },
      { sensitive: "0", pageSize: "10", page: "2" },
      { classification: "gdpr_special" },
      { classification: "doj_covered", sort: "name", direction: "desc" },
      { sort: "transfers", direction: "desc" },
    ];
    for (const view of views) {
      const { page, api, key } = await categoryPageAndApi(view);
      expect(key[0]).toBe("data-categories");
      expect(api).toEqual({ data: overTheWire(page.rows), page: page.page, pageSize: page.pageSize, total: page.total });
      expect(api.data.length).toBeGreaterThan(0);
    }

    const { api: whole } = await categoryPageAndApi({ pageSize: "100" });
    const first = await categoryPageAndApi({ pageSize: "5" });
    const second = await categoryPageAndApi({ pageSize: "5", page: "2" });
    expect([...first.api.data, ...second.api.data].map((row: { key: string }) => row.key)).toEqual(whole.data.slice(0, 10).map((row: { key: string }) => row.key));
    expect(second.api.total).toBe(whole.total);

    // Without page or pageSize the API answers the whole taxonomy, unpaged, as it always has.
    const unpaged = await (await get(categoryCollection.GET, "/api/v1/data-categories")).json();
    expect(unpaged.total).toBe(whole.total);
    expect(unpaged.data).toHaveLength(unpaged.total);
    expect(unpaged).not.toHaveProperty("page");
    expect(unpaged.data.map((row: { key: string }) => row.key).slice(0, 100)).toEqual(whole.data.map((row: { key: string }) => row.key));

    // The categories our transfers carry are counted, and the count sorts them.
    const { api: busiest } = await categoryPageAndApi({ sort: "transfers", direction: "desc", pageSize: "5" });
    expect(busiest.data[0]).toMatchObject({ transferCount: 3 });
  });

  it("refuses a bad data-category register parameter with a 422 naming it", async () => {
    const cases = [
      ["classification=secret", "classification"],
      ["sensitive=1", "sensitive"],
      ["sort=size", "sort"],
      ["direction=up", "direction"],
      ["pageSize=abc", "pageSize"],
    ] as const;
    for (const [query, path] of cases) {
      const response = await get(categoryCollection.GET, `/api/v1/data-categories?${query}`);
      expect(response.status, query).toBe(422);
      expect((await response.json()).errors, query).toEqual([expect.objectContaining({ path })]);
    }
  });
});
