import { beforeAll, describe, expect, it } from "vitest";
import { agreementKeys } from "@/components/agreements/register-query";
import { queryString } from "@/components/registers/fetch-page";
import { activityContract, activityFilters, activityPageQuery } from "@/lib/api/contracts/activities";
import { agreementContract, agreementFilters, agreementPageQuery } from "@/lib/api/contracts/agreements";
import { listActivityRegister, listActivityCategories } from "@/db/queries/activities-register";
import { listAgreementRegister, listCurrentFlagsOfTransfers, listTransfersCoveredByAgreement } from "@/db/queries/agreements-register";
import { getCategoryDetail, listCategoryRegister } from "@/db/queries/categories-register";
import { listProcessors } from "@/db/queries/processors";
import { agreementTransfers, flags } from "@/db/schema";
import { colsParam, visibleColumnIds } from "@/components/registers/columns";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeAgreement, makeEntity, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";

describeOnDatabases("agreement register", (use) => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = use();
    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id);
    const alpha = await makeProcessor(db, { name: "Alpha Cloud" });
    const beta = await makeProcessor(db, { name: "Beta Support" });
    ids.alpha = alpha.id;
    ids.beta = beta.id;
    const base = { today: TODAY, exporterEntityId: exporter.id, activityId: activity.id };
    ids.alphaT1 = (await makeTransfer(db, { ...base, processorId: alpha.id, destinationCountry: "DE" })).transfer.id;
    ids.alphaT2 = (await makeTransfer(db, { ...base, processorId: alpha.id, destinationCountry: "FR" })).transfer.id;
    ids.betaT1 = (await makeTransfer(db, { ...base, processorId: beta.id, destinationCountry: "CN" })).transfer.id;

    ids.active = (await makeAgreement(db, alpha.id, { type: "dpa", expiryDate: "2027-06-30", documentRef: "DPA-ALPHA-2025" })).id;
    ids.expiringSoon = (await makeAgreement(db, alpha.id, { type: "scc", sccModule: "module_2", expiryDate: "2026-12-10" })).id;
    ids.expired = (await makeAgreement(db, beta.id, { type: "scc", expiryDate: "2026-01-31" })).id;
    ids.unsigned = (await makeAgreement(db, beta.id, { type: "pipl_standard_contract", signedDate: null, effectiveDate: null })).id;
    ids.notYetEffective = (await makeAgreement(db, beta.id, { type: "dpa", effectiveDate: "2027-01-01", coversAllTransfers: false })).id;
    await db.insert(agreementTransfers).values({ agreementId: ids.notYetEffective, transferId: ids.betaT1 });
  });

  async function idsOf(filters: Omit<Parameters<typeof listAgreementRegister>[0], "db" | "page" | "pageSize" | "today">) {
    const { rows, total } = await listAgreementRegister({ db: use().db, page: 1, pageSize: 50, today: TODAY, ...filters });
    expect(total).toBe(rows.length);
    return rows.map((row) => row.id).sort();
  }

  it("computes each agreement's state on the day, as the rules define it, and filters on it", async () => {
    const { rows } = await listAgreementRegister({ db: use().db, page: 1, pageSize: 50, today: TODAY });
    const stateOf = Object.fromEntries(rows.map((row) => [row.id, row.state]));
    expect(stateOf[ids.active!]).toBe("active");
    expect(stateOf[ids.expiringSoon!]).toBe("active");
    expect(stateOf[ids.expired!]).toBe("expired");
    expect(stateOf[ids.unsigned!]).toBe("unsigned");
    expect(stateOf[ids.notYetEffective!]).toBe("not_yet_effective");
    expect(await idsOf({ state: "expired" })).toEqual([ids.expired]);
    expect(await idsOf({ state: "active" })).toEqual([ids.active, ids.expiringSoon].sort());
  });

  it("keeps agreements expiring within N days, not those already expired", async () => {
    expect(await idsOf({ expiresWithinDays: 30 })).toEqual([ids.expiringSoon]);
    expect(await idsOf({ expiresWithinDays: 365 })).toEqual([ids.active, ids.expiringSoon].sort());
  });

  it("filters on type and processor, and searches the processor's name and the document reference", async () => {
    expect(await idsOf({ type: "scc" })).toEqual([ids.expiringSoon, ids.expired].sort());
    expect(await idsOf({ processorId: ids.beta })).toEqual([ids.expired, ids.unsigned, ids.notYetEffective].sort());
    expect(await idsOf({ q: "beta supp" })).toEqual([ids.expired, ids.unsigned, ids.notYetEffective].sort());
    expect(await idsOf({ q: "dpa-alpha" })).toEqual([ids.active]);
    // LIKE wildcards are searched literally.
    expect(await idsOf({ q: "%" })).toEqual([]);
  });

  it("counts the transfers an agreement covers: all of its processor's, or those it lists", async () => {
    const { rows } = await listAgreementRegister({ db: use().db, page: 1, pageSize: 50, today: TODAY });
    const count = Object.fromEntries(rows.map((row) => [row.id, row.transferCount]));
    expect(count[ids.active!]).toBe(2);
    expect(count[ids.notYetEffective!]).toBe(1);
    const covered = await listTransfersCoveredByAgreement({ db: use().db, agreement: { id: ids.active!, processorId: ids.alpha!, coversAllTransfers: true } });
    expect(covered.rows.map((row) => row.id).sort()).toEqual([ids.alphaT1, ids.alphaT2].sort());
    const listed = await listTransfersCoveredByAgreement({ db: use().db, agreement: { id: ids.notYetEffective!, processorId: ids.beta!, coversAllTransfers: false } });
    expect(listed.rows.map((row) => row.id)).toEqual([ids.betaT1]);
    expect(listed.total).toBe(1);
  });

  it("sorts by expiry with open-ended agreements last, both ways, and pages with a stable total", async () => {
    const ascending = await listAgreementRegister({ db: use().db, page: 1, pageSize: 50, today: TODAY, sort: "expiry", direction: "asc" });
    expect(ascending.rows.map((row) => row.expiryDate)).toEqual(["2026-01-31", "2026-12-10", "2027-06-30", null, null]);
    const descending = await listAgreementRegister({ db: use().db, page: 1, pageSize: 50, today: TODAY, sort: "expiry", direction: "desc" });
    expect(descending.rows.map((row) => row.expiryDate)).toEqual(["2027-06-30", "2026-12-10", "2026-01-31", null, null]);
    const byProcessor = await listAgreementRegister({ db: use().db, page: 1, pageSize: 50, today: TODAY, sort: "processor", direction: "desc" });
    expect(byProcessor.rows.map((row) => row.processorName)).toEqual(["Beta Support", "Beta Support", "Beta Support", "Alpha Cloud", "Alpha Cloud"]);

    const first = await listAgreementRegister({ db: use().db, page: 1, pageSize: 2, today: TODAY, sort: "type" });
    const third = await listAgreementRegister({ db: use().db, page: 3, pageSize: 2, today: TODAY, sort: "type" });
    expect(first.total).toBe(5);
    expect(first.rows).toHaveLength(2);
    expect(third.rows).toHaveLength(1);
    const second = await listAgreementRegister({ db: use().db, page: 2, pageSize: 2, today: TODAY, sort: "type" });
    expect(new Set([...first.rows, ...second.rows, ...third.rows].map((row) => row.id)).size).toBe(5);
  });

  it("lists the current flags of the covered transfers, worst first, without the resolved ones", async () => {
    const { db } = use();
    const base = { subjectType: "transfer" as const, processorId: ids.alpha!, citation: "GDPR Art. 46", remediation: "Sign SCCs" };
    await db.insert(flags).values([
      { ...base, ruleId: "test.medium", subjectId: ids.alphaT1!, severity: "medium", message: "medium finding" },
      { ...base, ruleId: "test.critical", subjectId: ids.alphaT2!, severity: "critical", message: "critical finding" },
      { ...base, ruleId: "test.resolved", subjectId: ids.alphaT2!, severity: "high", message: "old finding", status: "resolved" },
    ]);
    const current = await listCurrentFlagsOfTransfers({ db, transferIds: [ids.alphaT1!, ids.alphaT2!] });
    const ours = current.filter((flag) => flag.ruleId.startsWith("test."));
    expect(ours.map((flag) => flag.ruleId)).toEqual(["test.critical", "test.medium"]);
    expect(await listCurrentFlagsOfTransfers({ db, transferIds: [] })).toEqual([]);
  });
});

describeOnDatabases("processing activity register", (use) => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = use();
    const controller = await makeEntity(db, { name: "GNCC Inc." });
    ids.support = (await makeActivity(db, controller.id, { name: "Customer support", purpose: "Answer tickets", legalBasis: "contract", securityMeasures: "TLS, SSO" })).id;
    ids.marketing = (await makeActivity(db, controller.id, { name: "Marketing emails", purpose: "Newsletter", legalBasis: "consent", securityMeasures: null })).id;
    ids.fraud = (await makeActivity(db, controller.id, { name: "Fraud prevention", purpose: "Detect abuse", legalBasis: "legitimate_interests", retentionPeriod: null, securityMeasures: "Encryption" })).id;
    const processor = await makeProcessor(db);
    const base = { today: TODAY, exporterEntityId: controller.id, processorId: processor.id };
    await makeTransfer(db, { ...base, activityId: ids.support, dataCategories: ["user.contact.email"] });
    await makeTransfer(db, { ...base, activityId: ids.support, dataCategories: ["user.contact.email", "user.device.imei"] });
    await makeTransfer(db, { ...base, activityId: ids.fraud });
  });

  async function idsOf(filters: Omit<Parameters<typeof listActivityRegister>[0], "db" | "page" | "pageSize">) {
    const { rows, total } = await listActivityRegister({ db: use().db, page: 1, pageSize: 50, ...filters });
    expect(total).toBe(rows.length);
    return rows.map((row) => row.id).sort();
  }

  it("filters on the legal basis and on whether the Art. 30 record is complete", async () => {
    expect(await idsOf({ legalBasis: "consent" })).toEqual([ids.marketing]);
    expect(await idsOf({ record: "complete" })).toEqual([ids.support]);
    expect(await idsOf({ record: "incomplete" })).toEqual([ids.marketing, ids.fraud].sort());
    expect(await idsOf({ record: "incomplete", legalBasis: "consent" })).toEqual([ids.marketing]);
  });

  it("searches the name and the purpose", async () => {
    expect(await idsOf({ q: "newsletter" })).toEqual([ids.marketing]);
    expect(await idsOf({ q: "FRAUD" })).toEqual([ids.fraud]);
  });

  it("counts the transfers serving each activity, sorts on that count, and pages", async () => {
    const { rows } = await listActivityRegister({ db: use().db, page: 1, pageSize: 50, sort: "transfers", direction: "desc" });
    expect(rows.map((row) => [row.name, row.transferCount])).toEqual([
      ["Customer support", 2],
      ["Fraud prevention", 1],
      ["Marketing emails", 0],
    ]);
    expect(rows[0]!.controllerName).toBe("GNCC Inc.");
    expect(rows[0]!.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const byName = await listActivityRegister({ db: use().db, page: 2, pageSize: 2, sort: "name" });
    expect(byName.total).toBe(3);
    expect(byName.rows.map((row) => row.name)).toEqual(["Marketing emails"]);
  });

  it("lists the categories an activity's transfers carry, with how many carry each", async () => {
    const categories = await listActivityCategories({ db: use().db, activityId: ids.support! });
    expect(categories.map((row) => [row.key, row.transferCount])).toEqual([
      ["user.contact.email", 2],
      ["user.device.imei", 1],
    ]);
  });
});

describeOnDatabases("data category register", (use) => {
  beforeAll(async () => {
    const { db } = use();
    const processor = await makeProcessor(db);
    await makeTransfer(db, { today: TODAY, processorId: processor.id, dataCategories: ["user.device.imei"] });
    await makeTransfer(db, { today: TODAY, processorId: processor.id, dataCategories: ["user.device.imei", "user.contact.email"] });
  });

  it("counts the transfers carrying a category or one of its descendants", async () => {
    const { rows } = await listCategoryRegister({ db: use().db, page: 1, pageSize: 100, q: "user.device" });
    const count = Object.fromEntries(rows.map((row) => [row.key, row.transferCount]));
    expect(count["user.device"]).toBe(2);
    expect(count["user.device.imei"]).toBe(2);
  });

  it("reads one category with its transfer count and its narrower categories", async () => {
    const detail = await getCategoryDetail({ db: use().db, key: "user.device" });
    expect(detail?.transferCount).toBe(2);
    expect(detail?.children.map((child) => child.key)).toContain("user.device.imei");
    expect(await getCategoryDetail({ db: use().db, key: "user.nothing_here" })).toBeUndefined();
  });

  it("filters on sensitivity and on one regime's classification", async () => {
    const { db } = use();
    const sensitive = await listCategoryRegister({ db, page: 1, pageSize: 100, sensitive: true });
    expect(sensitive.rows.length).toBeGreaterThan(0);
    for (const row of sensitive.rows) expect(row.gdprSpecial || row.ccpaSensitive || row.piplSensitive || row.dojCategory !== "none").toBe(true);
    const plain = await listCategoryRegister({ db, page: 1, pageSize: 100, sensitive: false });
    for (const row of plain.rows) expect(row.gdprSpecial || row.ccpaSensitive || row.piplSensitive || row.dojCategory !== "none").toBe(false);
    const gdpr = await listCategoryRegister({ db, page: 1, pageSize: 100, classification: "gdpr_special" });
    expect(gdpr.rows.length).toBeGreaterThan(0);
    expect(gdpr.rows.every((row) => row.gdprSpecial)).toBe(true);
    expect(gdpr.rows.map((row) => row.key)).toContain("user.biometric.face");
  });

  it("keeps key order (a parent before its children), sorts by transfers, and pages in SQL", async () => {
    const { db } = use();
    const all = await listCategoryRegister({ db, page: 1, pageSize: 100 });
    const keys = all.rows.map((row) => row.key);
    expect(keys).toEqual([...keys].sort());
    const byTransfers = await listCategoryRegister({ db, page: 1, pageSize: 3, sort: "transfers", direction: "desc" });
    expect(byTransfers.rows[0]!.transferCount).toBeGreaterThanOrEqual(byTransfers.rows[1]!.transferCount);
    expect(byTransfers.total).toBe(all.total);
    expect(byTransfers.rows).toHaveLength(3);
  });
});

describe("the register pages' query strings for the API", () => {
  it("parse back, under the API's strict schema, into the filters the server page used", () => {
    const agreementParams = agreementPageQuery.parse({
      q: "cloud",
      type: "scc",
      processorId: "0b0a6f0e-4a59-4c55-9f59-2f1a8f0f3c11",
      state: "active",
      expiresWithinDays: "90",
      sort: "processor",
      direction: "desc",
      page: "2",
      cols: "agreement,state",
    });
    const agreement = agreementContract.listQuery.parse(Object.fromEntries(new URLSearchParams(queryString(agreementFilters(agreementParams)))));
    expect(agreement).toEqual({
      page: 2,
      pageSize: 20,
      q: "cloud",
      type: "scc",
      processorId: "0b0a6f0e-4a59-4c55-9f59-2f1a8f0f3c11",
      state: "active",
      expiresWithinDays: 90,
      sort: "processor",
      direction: "desc",
    });

    const activityParams = activityPageQuery.parse({ legalBasis: "consent", record: "incomplete", sort: "nonsense" });
    expect(activityParams.sort).toBe("name");
    const activity = activityContract.listQuery.parse(Object.fromEntries(new URLSearchParams(queryString(activityFilters(activityParams)))));
    expect(activity).toEqual({ page: 1, pageSize: 20, legalBasis: "consent", record: "incomplete", sort: "name", direction: "asc" });
  });

  it("still reads the agreement page's former parameter names (processor, expires), so old links keep their filter", () => {
    const legacy = agreementFilters(agreementPageQuery.parse({ processor: "0b0a6f0e-4a59-4c55-9f59-2f1a8f0f3c11", expires: "60" }));
    expect(legacy).toMatchObject({ processorId: "0b0a6f0e-4a59-4c55-9f59-2f1a8f0f3c11", expiresWithinDays: 60 });
    expect(legacy).not.toHaveProperty("processor");
    expect(legacy).not.toHaveProperty("expires");
    // The API's own names win over the former ones when a URL has both.
    const both = agreementFilters(agreementPageQuery.parse({ processor: "0b0a6f0e-4a59-4c55-9f59-2f1a8f0f3c11", processorId: "1c1b7f1f-5b6a-4d66-8f6a-3f2b9f1f4d22" }));
    expect(both.processorId).toBe("1c1b7f1f-5b6a-4d66-8f6a-3f2b9f1f4d22");
  });

  it("keeps the column choice out of the query key: showing a column does not refetch", () => {
    const a = agreementFilters(agreementPageQuery.parse({ type: "dpa", cols: "agreement,state" }));
    const b = agreementFilters(agreementPageQuery.parse({ type: "dpa" }));
    expect(agreementKeys.list(a)).toEqual(agreementKeys.list(b));
  });
});

describe("column choice in the URL", () => {
  const columns = [
    { id: "name", label: "Name", required: true },
    { id: "country", label: "Country" },
    { id: "notes", label: "Notes", hiddenByDefault: true },
  ];

  it("shows the defaults without cols, the chosen ones with it, and always the required column", () => {
    expect(visibleColumnIds(undefined, columns)).toEqual(["name", "country"]);
    expect(visibleColumnIds("notes", columns)).toEqual(["name", "notes"]);
    // An old link naming only unknown columns falls back to the defaults.
    expect(visibleColumnIds("gone,<script>", columns)).toEqual(["name", "country"]);
  });

  it("writes cols only when the choice differs from the defaults, in the register's order", () => {
    expect(colsParam(["country", "name"], columns)).toBeUndefined();
    expect(colsParam(["notes", "name", "country"], columns)).toBe("name,country,notes");
    expect(colsParam(["name"], columns)).toBe("name");
  });
});

describeOnDatabases("processor register", (use) => {
  it("filters on service and country of establishment together, and pages in SQL", async () => {
    const { db } = use();
    const tag = `Svc ${crypto.randomUUID().slice(0, 6)}`;
    await makeProcessor(db, { name: `${tag} CDN DE`, service: "hosting", country: "DE" });
    await makeProcessor(db, { name: `${tag} Desk DE`, service: "customer_support", country: "DE" });
    await makeProcessor(db, { name: `${tag} CDN US`, service: "hosting", country: "US" });
    const hostingInDe = await listProcessors({ db, page: 1, pageSize: 20, q: tag, service: "hosting", country: "DE" });
    expect(hostingInDe).toMatchObject({ total: 1, rows: [{ name: `${tag} CDN DE` }] });
    const hosting = await listProcessors({ db, page: 1, pageSize: 1, q: tag, service: "hosting" });
    expect(hosting.total).toBe(2);
    expect(hosting.rows).toHaveLength(1);
  });
});
