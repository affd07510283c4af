import { sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { todayIso } from "@/lib/clock";
import { SYNTHETIC_REFERENCES, generateImportFile } from "@/lib/import/synthetic";
import { addDays } from "@/lib/rules/iso-date";
import { createApiToken, createUser } from "@/lib/users/service";
import * as importRoute from "../app/api/v1/import/route";
import * as templateRoute from "../app/api/v1/import/template/route";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeEntity, makeProcessor } from "./factories";

/*
 * Bulk import through the REST API, the way Next.js calls the handlers: dry run, all-or-nothing commit,
 * idempotent re-import, problems by row and column, and the downloadable template.
 */

const BASE = "http://localhost:3000";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

function call(handler: unknown, { method = "GET", url, token, body, contentType }: { method?: string; url: string; token: string; body?: BodyInit; contentType?: string }) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (contentType) headers["content-type"] = contentType;
  return (handler as Handler)(new Request(`${BASE}${url}`, { method, headers, body }), { params: Promise.resolve({}) });
}

type Sheet = Record<string, string>[];

async function workbookOf(sheets: { entities?: Sheet; processors?: Sheet; transfers?: Sheet }): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    sheet.addRow(header);
    for (const row of rows) sheet.addRow(header.map((column) => row[column] ?? ""));
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function csvOf(rows: Sheet): string {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return stringify([header, ...rows.map((row) => header.map((column) => row[column] ?? ""))]);
}

const processorRow = (externalId: string, name: string, country = "DE"): Record<string, string> => ({
  externalId,
  name,
  legalName: `${name} Ltd.`,
  website: "https://vendor.example",
  role: "processor",
  service: "hosting",
  country,
  dpfCertified: "no",
  coveredPerson: "false",
  notes: "",
});

describeOnDatabases("bulk import", (use) => {
  const tokens = { dpo: "", engineer: "", auditor: "" };
  const refs = { exporterName: "Import Exporter Inc.", activityName: "Import activity" };

  const count = async (query: ReturnType<typeof sql>) => Number(((await use().db.execute(query)) as unknown as { rows: { n: number | string }[] }).rows[0]!.n);

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const { db } = use();
    for (const role of ["dpo", "engineer", "auditor"] as const) {
      const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${role}@import.test`, name: `Import ${role}`, role } });
      tokens[role] = (await createApiToken({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: user.id, name: "tests" } })).token;
    }
    const exporter = await makeEntity(db, { name: refs.exporterName });
    await makeActivity(db, exporter.id, { name: refs.activityName });
    const synthetic = await makeEntity(db, { name: SYNTHETIC_REFERENCES.exporterName });
    await makeActivity(db, synthetic.id, { name: SYNTHETIC_REFERENCES.activityName });
    for (const name of SYNTHETIC_REFERENCES.processorNames) await makeProcessor(db, { name });
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  const file = () => ({
    processors: [processorRow("imp-p1", "Alpha Hosting GmbH"), processorRow("imp-p2", "Beta Analytics SAS", "FR"), processorRow("", "Gamma Support Ltd", "IE")],
    transfers: [1, 2, 3, 4, 5].map((n) => ({
      externalId: `imp-t${n}`,
      processorExternalId: n <= 2 ? "imp-p1" : n === 3 ? "imp-p2" : "",
      processorName: n >= 4 ? "gamma support" : "",
      activityName: refs.activityName,
      exporterName: refs.exporterName,
      originCountry: "US",
      destinationCountry: n === 3 ? "FR" : "DE",
      dataCategories: "user.contact.email;user.name",
      subjectRegions: "EU; US-CA",
      estimatedSubjects: "1,000",
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      mechanism: "scc",
      tiaDate: "2026-01-15",
      status: "submitted",
    })),
  });

  it("a file with more problems than the check reports lists the first 1,000 and counts them all", async () => {
    // 600 processor rows, each with two wrong cells: 1,200 problems.
    const rows = Array.from({ length: 600 }, (_, n) => ({ ...processorRow(`bad-${n}`, `Bad Vendor ${n}`), role: "owner", country: "Atlantis" }));
    const dry = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=true&kind=processors", token: tokens.dpo, body: csvOf(rows), contentType: "text/csv" });
    expect(dry.status).toBe(200);
    const answer = (await dry.json()) as { valid: boolean; problems: { row: number }[]; problemCount: number };
    expect(answer.valid).toBe(false);
    expect(answer.problems).toHaveLength(1_000);
    expect(answer.problemCount).toBe(1_200);
    expect(answer.problems[0]!.row).toBe(2);

    const committed = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false&kind=processors", token: tokens.dpo, body: csvOf(rows), contentType: "text/csv" });
    expect(committed.status).toBe(422);
    expect(((await committed.json()) as { detail: string }).detail).toMatch(/^1200 problems in the file; nothing was imported\./);
  });

  it("dry-runs, then commits a valid XLSX of 3 processors and 5 transfers; re-importing it changes nothing", async () => {
    const body = await workbookOf(file());
    const dry = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=true", token: tokens.engineer, body, contentType: XLSX });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ valid: true, problems: [], plan: { create: 8, update: 0, unchanged: 0 } });
    expect(await count(sql`select count(*) as n from transfers where external_id like 'imp-t%'`)).toBe(0);

    const committed = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false", token: tokens.engineer, body, contentType: XLSX });
    expect(committed.status).toBe(200);
    expect(await committed.json()).toMatchObject({ created: 8, updated: 0, unchanged: 0 });
    expect(await count(sql`select count(*) as n from transfers t join processors p on p.id = t.processor_id where t.external_id in ('imp-t4','imp-t5') and p.name = 'Gamma Support Ltd'`)).toBe(2);
    expect(await count(sql`select count(*) as n from transfer_data_categories c join transfers t on t.id = c.transfer_id where t.external_id like 'imp-t%'`)).toBe(10);
    expect(await count(sql`select count(*) as n from audit_events where action = 'import'`)).toBe(1);

    const again = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false", token: tokens.dpo, body: await workbookOf(file()), contentType: XLSX });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 8 });

    // One changed cell is one update, nothing else.
    const changed = file();
    changed.transfers[0]!.estimatedSubjects = "2000";
    const third = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false", token: tokens.dpo, body: await workbookOf(changed), contentType: XLSX });
    expect(await third.json()).toMatchObject({ created: 0, updated: 1, unchanged: 7 });
    expect(await verifyAuditChain({ db: use().db })).toMatchObject({ ok: true });
  });

  it("refuses a CSV with one bad row (unknown country in row 7): exactly that row and column, nothing written", async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((n) => processorRow(`bad-p${n}`, `Bad Batch Vendor ${n}`, n === 6 ? "XX" : "DE"));
    const body = csvOf(rows);
    const response = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false&kind=processors", token: tokens.engineer, body, contentType: "text/csv" });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = await response.json();
    expect(problem.errors).toEqual([{ path: "processors[7].country", message: expect.stringContaining("ISO 3166-1") }]);
    expect(problem.problems).toEqual([{ sheet: "processors", row: 7, column: "country", message: expect.any(String) }]);
    expect(await count(sql`select count(*) as n from processors where external_id like 'bad-p%'`)).toBe(0);

    const dry = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?kind=processors", token: tokens.engineer, body, contentType: "text/csv" });
    expect(await dry.json()).toMatchObject({ valid: false, problems: [{ sheet: "processors", row: 7, column: "country" }], plan: { create: 5 } });
  });

  it("reports the one bad row of a 10,000-row transfers file and imports nothing; the valid file commits", async () => {
    const records = parse(generateImportFile(10_000)) as string[][];
    const column = records[0]!.indexOf("destinationCountry");
    const bad = records.map((record) => [...record]);
    bad[7499]![column] = "ZZ"; // spreadsheet row 7500
    const response = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false&kind=transfers", token: tokens.dpo, body: stringify(bad), contentType: "text/csv" });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.problems).toEqual([{ sheet: "transfers", row: 7500, column: "destinationCountry", message: expect.any(String) }]);
    expect(await count(sql`select count(*) as n from transfers where external_id like 'syn-%'`)).toBe(0);

    const started = performance.now();
    const ok = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false&kind=transfers", token: tokens.dpo, body: stringify(records), contentType: "text/csv" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ created: 10_000, updated: 0 });
    console.info(`[import] 10,000 transfers committed in ${Math.round(performance.now() - started)} ms`);
    expect(await count(sql`select count(*) as n from transfers where external_id like 'syn-%'`)).toBe(10_000);
  }, 120_000);

  it("round-trips the template: download the XLSX, fill it, import it", async () => {
    const csv = await call(templateRoute.GET, { url: "/api/v1/import/template?format=csv&kind=transfers", token: tokens.engineer });
    expect(csv.status).toBe(200);
    expect((await csv.text()).split("\n")[0]).toContain("externalId,processorExternalId,processorName,activityName");

    const download = await call(templateRoute.GET, { url: "/api/v1/import/template?format=xlsx", token: tokens.dpo });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download.arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["entities", "processors", "transfers", "Read me"]);

    const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const set = (sheet: ExcelJS.Worksheet, column: string, value: string) => {
      sheet.getRow(2).getCell(header(sheet).indexOf(column) + 1).value = value;
    };
    const entitiesSheet = workbook.getWorksheet("entities")!;
    set(entitiesSheet, "name", "Template Entity GmbH");
    set(entitiesSheet, "country", "DE");
    const processorsSheet = workbook.getWorksheet("processors")!;
    set(processorsSheet, "externalId", "tpl-p1");
    set(processorsSheet, "name", "Template Vendor Oy");
    const transfersSheet = workbook.getWorksheet("transfers")!;
    set(transfersSheet, "externalId", "tpl-t1");
    set(transfersSheet, "processorExternalId", "tpl-p1");
    set(transfersSheet, "activityName", refs.activityName);
    // The exporter is the entity of the same workbook.
    set(transfersSheet, "exporterName", "Template Entity GmbH");
    const body = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

    // The entities sheet is the DPO's: an engineer's file that would create one is refused on that row, whole.
    const byEngineer = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false", token: tokens.engineer, body, contentType: XLSX });
    expect(byEngineer.status).toBe(422);
    expect((await byEngineer.json()).problems).toEqual([{ sheet: "entities", row: 2, column: "name", message: expect.stringContaining("Only the DPO") }]);
    expect(await count(sql`select count(*) as n from processors where external_id = 'tpl-p1'`)).toBe(0);

    const response = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false", token: tokens.dpo, body, contentType: XLSX });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ created: 3, updated: 0, unchanged: 0, bySheet: { entities: { create: 1 }, processors: { create: 1 }, transfers: { create: 1 } } });
    expect(
      await count(sql`select count(*) as n from transfers t join entities e on e.id = t.exporter_entity_id where t.external_id = 'tpl-t1' and e.name = 'Template Entity GmbH' and e.country = 'DE'`),
    ).toBe(1);
  });

  it("lets an engineer's file create and submit drafts but not approve, nor change or extend someone else's approved vendor", async () => {
    const [registered] = SYNTHETIC_REFERENCES.processorNames;
    const transfer = (externalId: string, processorName: string, status: string) => ({
      ...file().transfers[0]!,
      externalId,
      processorExternalId: "",
      processorName,
      status,
    });
    const body = await workbookOf({
      processors: [processorRow("eng-p1", "Engineer Own Vendor"), { ...processorRow("", registered!), notes: "changed by an engineer" }],
      transfers: [transfer("eng-t1", "Engineer Own Vendor", "approved"), transfer("eng-t2", "Engineer Own Vendor", "submitted"), transfer("eng-t3", registered!, "draft")],
    });
    const dry = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=true", token: tokens.engineer, body, contentType: XLSX });
    const report = (await dry.json()) as { valid: boolean; problems: { sheet: string; row: number; column: string; message: string }[] };
    expect(report.valid).toBe(false);
    expect(report.problems.map(({ sheet, row, column }) => `${sheet}:${row}:${column}`)).toEqual(["processors:3:name", "transfers:2:status", "transfers:4:processorName"]);
    expect(report.problems[1]!.message).toContain("the DPO reviews and approves");

    const committed = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false", token: tokens.engineer, body, contentType: XLSX });
    expect(committed.status).toBe(422);
    expect(await count(sql`select count(*) as n from processors where external_id = 'eng-p1'`)).toBe(0);

    // The same file is the DPO's to import.
    const byDpo = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=true", token: tokens.dpo, body, contentType: XLSX });
    expect(await byDpo.json()).toMatchObject({ valid: true, problems: [] });
  });

  it("imports entities from a CSV (kind=entities) keyed by name: created, then updated or unchanged, all or nothing, DPO only", async () => {
    const entityRow = (name: string, country: string, extra: Record<string, string> = {}) => ({
      name,
      legalName: `${name} (registered)`,
      country,
      role: "controller",
      address: "1 Example Road",
      dpoContact: "Jane Doe, dpo@entities.example",
      representativeContact: "",
      ukRepresentativeContact: "",
      ciio: "no",
      ...extra,
    });
    const rows = [entityRow("CSV Parent Inc.", "US"), entityRow("CSV Shenzhen Ltd", "CN", { role: "processor", ciio: "yes" })];
    const post = (body: string, token = tokens.dpo, dryRun = false) =>
      call(importRoute.POST, { method: "POST", url: `/api/v1/import?kind=entities&dryRun=${dryRun}`, token, body, contentType: "text/csv" });

    const dry = await post(csvOf(rows), tokens.dpo, true);
    expect(await dry.json()).toMatchObject({ valid: true, plan: { create: 2, bySheet: { entities: { create: 2, update: 0, unchanged: 0 } } } });
    const created = await post(csvOf(rows));
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await count(sql`select count(*) as n from entities where name = 'CSV Shenzhen Ltd' and ciio and role = 'processor' and country = 'CN'`)).toBe(1);
    expect(await count(sql`select count(*) as n from audit_events where record_type = 'entity' and action = 'create'`)).toBeGreaterThanOrEqual(2);

    // Keyed by name: a changed cell updates that entity, the other is unchanged.
    const changed = [rows[0]!, { ...rows[1]!, ukRepresentativeContact: "UK Rep Ltd, London" }];
    expect(await (await post(csvOf(changed))).json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await count(sql`select count(*) as n from entities where name = 'CSV Shenzhen Ltd' and uk_representative_contact = 'UK Rep Ltd, London' and version = 2`)).toBe(1);

    // One bad row (unknown country, unknown role): nothing written, each problem by row and column.
    const bad = [entityRow("CSV New One BV", "NL"), entityRow("CSV Broken", "ZZ", { role: "owner" }), rows[0]!, rows[0]!];
    const refused = await post(csvOf(bad));
    expect(refused.status).toBe(422);
    expect((await refused.json()).problems.map(({ row, column }: { row: number; column: string }) => `${row}:${column}`)).toEqual(["3:country", "3:role", "5:name"]);
    expect(await count(sql`select count(*) as n from entities where name = 'CSV New One BV'`)).toBe(0);

    // An engineer may repeat entities unchanged (a shared workbook), never create or change one.
    expect(await (await post(csvOf(changed), tokens.engineer, true)).json()).toMatchObject({ valid: true, plan: { unchanged: 2 } });
    const byEngineer = await (await post(csvOf([entityRow("CSV Engineer Entity", "FR")]), tokens.engineer, true)).json();
    expect(byEngineer).toMatchObject({ valid: false, problems: [{ sheet: "entities", row: 2, column: "name" }] });
  });

  it("imports the law's facts (DOJ exemption, PIPL facts, DPF UK Extension) and names the row and column of each inconsistent one", async () => {
    const today = todayIso();
    const china = (externalId: string, extra: Record<string, string> = {}) => ({
      ...file().transfers[0]!,
      externalId,
      processorExternalId: "law-p1",
      originCountry: "CN",
      destinationCountry: "US",
      subjectRegions: "CN",
      mechanism: "pipl_standard_contract",
      ...extra,
    });
    const facts = {
      dojExemption: "corporate_group",
      dojExemptionJustification: "Support by our own affiliate (202.506).",
      importantData: "yes",
      piplExemption: "emergency",
      piplSeparateConsent: "true",
      pipiaDate: "2026-01-10",
    };
    const body = await workbookOf({
      processors: [{ ...processorRow("law-p1", "Law Facts Vendor Inc.", "US"), dpfCertified: "yes", dpfExpiry: "2027-06-30", dpfUkExtension: "yes" }],
      transfers: [china("law-t1", facts), china("law-t2")],
    });
    const committed = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false", token: tokens.dpo, body, contentType: XLSX });
    expect(committed.status).toBe(200);
    expect(await committed.json()).toMatchObject({ created: 3 });
    expect(await count(sql`select count(*) as n from processors where external_id = 'law-p1' and dpf_uk_extension`)).toBe(1);
    expect(
      await count(sql`select count(*) as n from transfers where external_id = 'law-t1' and doj_exemption = 'corporate_group'
        and doj_exemption_justification = 'Support by our own affiliate (202.506).' and important_data and pipl_exemption = 'emergency'
        and pipl_separate_consent and pipia_date = '2026-01-10'`),
    ).toBe(1);
    // Cells left empty take the defaults: no exemption, no PIPL fact.
    expect(
      await count(sql`select count(*) as n from transfers where external_id = 'law-t2' and doj_exemption is null and not important_data
        and pipl_exemption is null and not pipl_separate_consent and pipia_date is null`),
    ).toBe(1);
    // The same file again changes nothing.
    expect(await (await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false", token: tokens.dpo, body, contentType: XLSX })).json()).toMatchObject({ unchanged: 3 });

    const tomorrow = addDays(today, 1);
    const bad = await workbookOf({
      transfers: [
        china("law-t3", { dojExemption: "corporate_group" }),
        china("law-t4", { pipiaDate: tomorrow }),
        china("law-t5", { dojExemption: "friendship", dojExemptionJustification: "x" }),
        china("law-t6", { piplExemption: "small_volume", importantData: "maybe" }),
        china("law-t7", { pipiaDate: today, dojExemption: "travel", dojExemptionJustification: "Booking a hotel for the traveller (202.503)." }),
      ],
    });
    const refused = await call(importRoute.POST, { method: "POST", url: "/api/v1/import?dryRun=false", token: tokens.dpo, body: bad, contentType: XLSX });
    expect(refused.status).toBe(422);
    const { problems } = (await refused.json()) as { problems: { sheet: string; row: number; column: string; message: string }[] };
    expect(problems.map(({ sheet, row, column }) => `${sheet}:${row}:${column}`)).toEqual([
      "transfers:2:dojExemptionJustification",
      "transfers:3:pipiaDate",
      "transfers:4:dojExemption",
      "transfers:5:importantData",
      "transfers:5:piplExemption",
    ]);
    expect(problems[0]!.message).toContain("28 CFR 202.501-202.511");
    expect(problems[1]!.message).toContain("future");
    expect(await count(sql`select count(*) as n from transfers where external_id in ('law-t3', 'law-t4', 'law-t5', 'law-t6', 'law-t7')`)).toBe(0);
  });

  it("documents the new columns in the template's Read me with what each value means", async () => {
    const download = await call(templateRoute.GET, { url: "/api/v1/import/template?format=xlsx", token: tokens.dpo });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download.arrayBuffer()) as never);
    const readme = workbook.getWorksheet("Read me")!;
    const rows = new Map<string, string>();
    readme.eachRow((row) => {
      const [, sheet, column, , values] = row.values as unknown[];
      rows.set(`${String(sheet)}.${String(column)}`, String(values ?? ""));
    });
    expect(rows.get("transfers.dojExemption")).toContain("corporate_group: Corporate group transaction (28 CFR 202.506)");
    expect(rows.get("transfers.piplExemption")).toContain("emergency: Emergency: protecting life, health or property (2024 Provisions Art. 5(3))");
    expect(rows.get("transfers.pipiaDate")).toBe("YYYY-MM-DD");
    expect(rows.get("processors.dpfUkExtension")).toContain("true, false");
    // A column without labels keeps its plain list of values.
    expect(rows.get("transfers.mechanism")).toContain("gba_standard_contract");
    const csv = await call(templateRoute.GET, { url: "/api/v1/import/template?format=csv&kind=transfers", token: tokens.engineer });
    expect((await csv.text()).split("\n")[0]).toContain("dojExemption,dojExemptionJustification,importantData,piplExemption,piplSeparateConsent,pipiaDate");
  });

  it("refuses auditors, other media types and a CSV without kind", async () => {
    const auditor = await call(importRoute.POST, { method: "POST", url: "/api/v1/import", token: tokens.auditor, body: "a", contentType: "text/csv" });
    expect(auditor.status).toBe(403);
    const json = await call(importRoute.POST, { method: "POST", url: "/api/v1/import", token: tokens.dpo, body: "{}", contentType: "application/json" });
    expect(json.status).toBe(415);
    const noKind = await call(importRoute.POST, { method: "POST", url: "/api/v1/import", token: tokens.dpo, body: "name\nx", contentType: "text/csv" });
    expect(noKind.status).toBe(422);
  });
});
