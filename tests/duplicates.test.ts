import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createApiToken, createUser } from "@/lib/users/service";
import * as duplicatesRoute from "../app/api/v1/processors/duplicates/route";
import { compareNormalizedNames, findPossibleDuplicates, websiteDomain } from "@/lib/processors/duplicates";
import { normalizeProcessorName } from "@/lib/processors/normalize-name";
import { describeOnDatabases } from "./databases";
import { makeProcessor } from "./factories";

describe("websiteDomain", () => {
  it("keeps the registrable domain, with or without scheme, www, sub-domain or path", () => {
    expect(websiteDomain("https://www.Example.com/privacy")).toBe("example.com");
    expect(websiteDomain("eu.api.example.com")).toBe("example.com");
    expect(websiteDomain("http://shop.example.co.uk")).toBe("example.co.uk");
    expect(websiteDomain("https://www.vendor.com.cn/")).toBe("vendor.com.cn");
  });

  it("is undefined for blank or unparsable values", () => {
    expect(websiteDomain("")).toBeUndefined();
    expect(websiteDomain(null)).toBeUndefined();
    expect(websiteDomain("localhost")).toBeUndefined();
    expect(websiteDomain("http://exa mple.com")).toBeUndefined();
  });
});

describe("compareNormalizedNames", () => {
  const compare = (a: string, b: string) => compareNormalizedNames(normalizeProcessorName(a), normalizeProcessorName(b));

  it("treats spellings that normalise alike as the same name", () => {
    expect(compare("Amazon Web Services, Inc.", "amazon web services")).toBe("same_name");
  });

  it("finds a typo or extra words, but not unrelated or very short names", () => {
    expect(compare("Amazon Web Service", "Amazon Web Services")).toBe("similar_name");
    expect(compare("Mixpanel", "Mixpanel Europe Ltd")).toBe("similar_name");
    expect(compare("Sentry", "Segment")).toBeUndefined();
    expect(compare("SAP", "SAS Institute")).toBeUndefined();
    expect(compare("AI", "AI Labs")).toBeUndefined();
  });
});

describeOnDatabases("findPossibleDuplicates", (use) => {
  it("lists processors with the same or a similar name, or the same website domain, exact names first", async () => {
    const { db } = use();
    const make = (name: string, website: string | null) => makeProcessor(db, { name, normalizedName: normalizeProcessorName(name), website });
    const exact = await make("Dup Test Analytics GmbH", "https://dup-analytics.example");
    const typo = await make("Dup Test Analytic", null);
    const sameDomain = await make("Completely Other Name", "https://eu.dup-analytics.example/dpa");
    await make("Unrelated Vendor", "https://unrelated.example");

    const found = await findPossibleDuplicates(db, { name: "Dup Test Analytics", website: "www.dup-analytics.example" });
    expect(found.map((duplicate) => [duplicate.id, duplicate.reasons])).toEqual([
      [exact.id, ["same_name", "same_domain"]],
      [sameDomain.id, ["same_domain"]],
      [typo.id, ["similar_name"]],
    ]);

    expect(await findPossibleDuplicates(db, { name: "Dup Test Analytics", excludeId: exact.id })).toEqual([
      expect.objectContaining({ id: typo.id, reasons: ["similar_name"] }),
    ]);
    expect(await findPossibleDuplicates(db, { name: "Nothing Like It", website: "https://nothing.example" })).toEqual([]);
    expect(await findPossibleDuplicates(db, { name: "  ", website: "" })).toEqual([]);
  });
});

// The route handler uses the process-wide db(), so the suite points it at its own database (as tests/api.test.ts does).
const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

describeOnDatabases("GET /api/v1/processors/duplicates", (use) => {
  const tokens = { engineer: "", auditor: "" };
  const get = (query: string, token: string) =>
    duplicatesRoute.GET(new Request(`http://localhost:3000/api/v1/processors/duplicates?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({}),
    } as never);

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    for (const role of ["engineer", "auditor"] as const) {
      const { record: user } = await createUser({ ctx: { db: use().db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${role}@dup.test`, name: `Dup ${role}`, role } });
      tokens[role] = (await createApiToken({ ctx: { db: use().db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: user.id, name: "tests" } })).token;
    }
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  it("answers the engineer with the possible duplicates, 422 naming `name` without name or website, 403 for the auditor", async () => {
    const existing = await makeProcessor(use().db, { name: "Route Dup Vendor", normalizedName: normalizeProcessorName("Route Dup Vendor") });
    const found = await get("name=Route%20Dup%20Vendor%20Inc.", tokens.engineer);
    expect(found.status).toBe(200);
    expect((await found.json()).data).toEqual([expect.objectContaining({ id: existing.id, name: "Route Dup Vendor", reasons: ["same_name"] })]);

    const empty = await get("", tokens.engineer);
    expect(empty.status).toBe(422);
    expect((await empty.json()).errors).toEqual([expect.objectContaining({ path: "name" })]);

    expect((await get("name=x", tokens.auditor)).status).toBe(403);
  });
});
