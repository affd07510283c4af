import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { iterateRopa, type RopaRow } from "@/db/queries/exports-ropa";
import { auditEvents } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { parseManifest, sha256OfBytes, verifyExportBytes, type ExportManifest } from "@/lib/exports/manifest";
import { MISSING, ROPA_CNIL_COLUMNS, ROPA_GENERIC_COLUMNS, ROPA_ICO_COLUMNS } from "@/lib/exports/ropa";
import { runExport } from "@/lib/exports/run";
import type { ExportFormat, ExportReport } from "@/lib/exports/request";
import type { RopaTemplate } from "@/lib/exports/ropa";
import { countryName } from "@/lib/jurisdictions/countries";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases, useAsAppDatabase } from "./databases";
import { bufferSink, collect } from "./exports-helpers";
import { makeActivity, makeAgreement, makeEntity, makeProcessor, makeTransfer } from "./factories";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => session.current),
}));

const TODAY = "2026-03-01";
const HYPERLINK = '=HYPERLINK("http://x","y")';
const CHINESE = "深圳测试有限公司";
const ACCENTS = "Réclame Numérique";

/** DOMAIN.md §5: the ICO controller template's order, one pattern per column. */
const ICO_ORDER = [
  /^Business function/,
  /^Purpose of processing/,
  /joint controller/i,
  /^Categories of individuals/,
  /^Categories of personal data/,
  /^Categories of recipients/,
  /^Link to contract with processor/,
  /third countries/i,
  /^Safeguards for exceptional transfers/,
  /^Retention schedule/,
  /security measures/i,
  /^Article 6 lawful basis/,
  /^Article 9 basis/,
  /^Legitimate interests/,
  /^Rights available/,
  /automated decision-making/i,
  /source of the personal data/i,
  /^Location of personal data/,
  /Impact Assessment required/,
  /Impact Assessment progress/,
  /Link to the Data Protection Impact Assessment/,
];

const CNIL_HEADINGS = [
  "Finalités",
  "Catégories de personnes concernées",
  "Catégories de données",
  "Données sensibles",
  "Durées de conservation",
  "Destinataires — sous-traitants",
  "Transferts hors UE — pays",
  "Transferts hors UE — garanties",
  "Mesures de sécurité",
];


describeOnDatabases("Art. 30(1) record exports", (use) => {
  const ids = { support: "", china: "", bare: "", hyperlink: "", pending: "" };

  async function exportBytes(report: ExportReport, format: ExportFormat, template: RopaTemplate = "generic", includePending = false) {
    const sink = bufferSink();
    const { rowCount: count } = await runExport({
      db: use().db,
      report,
      format,
      template,
      includePending,
      out: sink.out,
      generatedAt: new Date(`${TODAY}T10:00:00Z`),
      generatedBy: "test",
    });
    return { count, bytes: sink.buffer() };
  }

  async function csvRecords(template: RopaTemplate) {
    const { bytes } = await exportBytes("ropa", "csv", template);
    const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
    return { header: header!, rows, cell: (row: string[], name: string) => row[header!.indexOf(name)] };
  }

  beforeAll(async () => {
    const { db } = use();
    const controller = await makeEntity(db, {
      name: ACCENTS,
      country: "FR",
      address: "1 rue de l'Économie, Paris",
      dpoContact: "dpo@example.fr",
      representativeContact: "EU Rep GmbH",
    });
    const support = await makeActivity(db, controller.id, {
      name: "Customer support",
      businessFunction: "Support",
      purpose: "Answer customers' questions",
      dataSubjectCategories: ["customers", "prospects"],
      retentionPeriod: "3 years after the last contact",
      securityMeasures: "Access control; logging",
      jointController: "Partner SA",
    });
    ids.support = support.id;
    const china = await makeProcessor(db, { name: CHINESE, country: "CN", service: "technical_support" });
    await makeAgreement(db, china.id, { type: "pipl_standard_contract", documentRef: "CN-001" });
    await makeTransfer(db, {
      today: TODAY,
      exporterEntityId: controller.id,
      activityId: support.id,
      processorId: china.id,
      originCountry: "FR",
      destinationCountry: "CN",
      mechanism: "scc",
      dataCategories: ["user.contact.email", "user.demographic.race_ethnicity"],
    });
    const pendingVendor = await makeProcessor(db, { name: "Pending Vendor", country: "IN", status: "submitted" });
    await makeTransfer(db, {
      today: TODAY,
      exporterEntityId: controller.id,
      activityId: support.id,
      processorId: pendingVendor.id,
      originCountry: "FR",
      destinationCountry: "IN",
    });

    // Art. 30(1)(f), (g) not recorded: the record says so.
    const bare = await makeActivity(db, controller.id, { name: "Bare activity", retentionPeriod: null, securityMeasures: null });
    ids.bare = bare.id;

    const us = await makeEntity(db, { name: "Acme Inc", country: "US" });
    const hyperlinkActivity = await makeActivity(db, us.id, { name: "Hosting", securityMeasures: "ISO 27001" });
    ids.hyperlink = hyperlinkActivity.id;
    const hyperlink = await makeProcessor(db, { name: HYPERLINK });
    await makeTransfer(db, { today: TODAY, exporterEntityId: us.id, activityId: hyperlinkActivity.id, processorId: hyperlink.id });
  });

  it("lists every processing activity with every Art. 30(1) item, or the MISSING mark", async () => {
    const { db } = use();
    const rows = await collect(iterateRopa({ db, includePending: false }));
    expect(rows.map((row) => row.id).sort()).toEqual([ids.support, ids.bare, ids.hyperlink].sort());

    const { header, rows: records, cell } = await csvRecords("generic");
    expect(header).toEqual(ROPA_GENERIC_COLUMNS.map((column) => column.header));
    expect(records).toHaveLength(3);
    for (const record of records) {
      for (const value of record) expect(value, `${record[1]}`).not.toBe("");
    }
    const byId = new Map(records.map((record) => [cell(record, "Activity ID")!, record]));
    const bare = byId.get(ids.bare)!;
    expect(cell(bare, "Erasure time limits")).toBe(MISSING);
    expect(cell(bare, "Security measures")).toBe(MISSING);

    const support = byId.get(ids.support)!;
    expect(cell(support, "Controller")).toBe(`${ACCENTS}; France; 1 rue de l'Économie, Paris`);
    expect(cell(support, "Joint controller")).toBe("Partner SA");
    expect(cell(support, "Representative (Art. 27)")).toBe("EU Rep GmbH");
    expect(cell(support, "Data protection officer")).toBe("dpo@example.fr");
    expect(cell(support, "Categories of data subjects")).toBe("customers; prospects");
    expect(cell(support, "Data category keys")).toBe("user.contact.email; user.demographic.race_ethnicity");
    expect(cell(support, "Special categories (Art. 9)")).toBe("Racial or ethnic origin");
    expect(cell(support, "Recipients")).toBe(CHINESE);
    expect(cell(support, "Recipients in third countries")).toBe("technical_support (processor)");
    expect(cell(support, "Third countries")).toBe(countryName("CN"));
    expect(cell(support, "Safeguards")).toBe("mechanisms: scc; agreements: pipl_standard_contract");
    expect(cell(support, "Erasure time limits")).toBe("3 years after the last contact");
    expect(cell(support, "Security measures")).toBe("Access control; logging; encryption in transit: tls1_3; encryption at rest: provider_keys");
  });

  it("leaves pending transfers out of the aggregates unless asked", async () => {
    const { db } = use();
    const find = (rows: RopaRow[]) => rows.find((row) => row.id === ids.support)!;
    expect(find(await collect(iterateRopa({ db, includePending: false }))).thirdCountryCodes).toBe("CN");
    const all = find(await collect(iterateRopa({ db, includePending: true })));
    expect(all.thirdCountryCodes).toBe("CN,IN");
    expect(all.recipientNames!.split("; ").sort()).toEqual([CHINESE, "Pending Vendor"].sort());
  });

  it("keyset paging returns every activity once, whatever the batch size", async () => {
    const { db } = use();
    const expected = (await collect(iterateRopa({ db, includePending: true }))).map((row) => row.id);
    for (const batchSize of [1, 2]) {
      expect((await collect(iterateRopa({ db, includePending: true, batchSize }))).map((row) => row.id)).toEqual(expected);
    }
  });

  it("ICO template: the controller sheet's column order, contracts from the agreements' references", async () => {
    const { header, rows, cell } = await csvRecords("ico");
    expect(header).toEqual(ROPA_ICO_COLUMNS.map((column) => column.header));
    ICO_ORDER.forEach((pattern, index) => expect(header[index], String(pattern)).toMatch(pattern));
    const support = rows.find((row) => row.includes(ids.support))!;
    expect(cell(support, "Link to contract with processor")).toBe("CN-001");
    expect(cell(support, "Business function")).toBe("Support");
    const bare = rows.find((row) => row.includes(ids.bare))!;
    expect(cell(bare, "Retention schedule (if possible)")).toBe(MISSING);
  });

  it("CNIL template: French headings", async () => {
    const { header, rows, cell } = await csvRecords("cnil");
    expect(header).toEqual(ROPA_CNIL_COLUMNS.map((column) => column.header));
    for (const heading of CNIL_HEADINGS) expect(header).toContain(heading);
    const support = rows.find((row) => row.includes(ids.support))!;
    expect(cell(support, "Destinataires — sous-traitants")).toBe(CHINESE);
    expect(cell(support, "Mesures de sécurité")).toContain("chiffrement en transit: tls1_3");
    expect(cell(support, "Mesures de sécurité")).toContain("contrôle des sous-traitants : CN-001");
  });

  it("CSV and XLSX: a formula-like processor name is inert; Chinese and accents survive", async () => {
    const { rows, cell } = await csvRecords("generic");
    const hosting = rows.find((row) => row.includes(ids.hyperlink))!;
    expect(cell(hosting, "Recipients")).toBe(`'${HYPERLINK}`);
    const support = rows.find((row) => row.includes(ids.support))!;
    expect(cell(support, "Controller")).toContain(ACCENTS);

    for (const template of ["generic", "cnil"] as const) {
      const { count, bytes } = await exportBytes("ropa", "xlsx", template);
      expect(count).toBe(3);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[1]!;
      const values: unknown[] = [];
      sheet.eachRow((row) => row.eachCell((c) => values.push(c.value)));
      expect(values).toContain(`'${HYPERLINK}`);
      expect(values).not.toContain(HYPERLINK);
      expect(values).toContain(CHINESE);
      expect(values.some((value) => typeof value === "string" && value.includes(ACCENTS))).toBe(true);
      expect(sheet.rowCount).toBe(4);
    }
  });

  it("JSON: a versioned document with every row, for both reports", async () => {
    for (const report of ["ropa", "transfers"] as const) {
      const { count, bytes } = await exportBytes(report, "json");
      const document = JSON.parse(bytes.toString("utf8")) as { schema: string; schemaVersion: number; report: string; asOf: string; rows: unknown[] };
      expect(document.schema).toBe(`urn:transfer-governance:export:${report}:v1`);
      expect(document.schemaVersion).toBe(1);
      expect(document.report).toBe(report);
      expect(document.asOf).toBe(TODAY);
      expect(document.rows).toHaveLength(count);
    }
    const { bytes } = await exportBytes("ropa", "json");
    const rows = (JSON.parse(bytes.toString("utf8")) as { rows: { id: string; recipients: { names: string[] }; warnings: string[] }[] }).rows;
    expect(rows.find((row) => row.id === ids.hyperlink)!.recipients.names).toEqual([HYPERLINK]);
    expect(rows.find((row) => row.id === ids.bare)!.warnings).toHaveLength(2);
  });

  it("manifest verification detects a changed byte", async () => {
    const { count, bytes } = await exportBytes("ropa", "json");
    const manifest: ExportManifest = {
      report: "ropa",
      format: "json",
      template: "generic",
      generatedAt: "2026-03-01T10:00:00.000Z",
      generatedBy: "test",
      asOf: TODAY,
      rowCount: count,
      auditChainHead: null,
      byteLength: bytes.length,
      sha256: sha256OfBytes(bytes),
    };
    expect(verifyExportBytes(bytes, manifest)).toEqual({ ok: true });
    const changed = Buffer.from(bytes);
    changed[changed.length - 5] = changed[changed.length - 5]! ^ 1;
    const result = verifyExportBytes(changed, manifest);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/SHA-256 mismatch/);
    expect(verifyExportBytes(bytes, { ...manifest, rowCount: count + 1 })).toMatchObject({ ok: false });
    expect(parseManifest("{}").ok).toBe(false);
  });

  describeRoute(use);
});

/** The route: ropa in every format, and a manifest whose hash matches a CSV download of the same data. */
function describeRoute(use: () => DatabaseHandle) {
  let dpoId = "";
  useAsAppDatabase(use);

  beforeAll(async () => {
    const { record: dpo } = await createUser({
      ctx: { db: use().db, actor: SYSTEM_ACTOR, today: "2026-01-01" },
      input: { email: "dpo@ropa.test", name: "Dana DPO", role: "dpo", password: "a-long-password-1" },
    });
    dpoId = dpo.id;
  });
  afterAll(() => {
    session.current = null;
  });

  async function get(report: string, query = "") {
    const { GET } = await import("@/app/api/v1/exports/[report]/route");
    session.current = { user: { id: dpoId } };
    return GET(new Request(`http://localhost:3000/api/v1/exports/${report}${query}`), { params: Promise.resolve({ report }) });
  }

  it("route: the ICO CSV as an attachment; an unknown template is 422", async () => {
    const response = await get("ropa", "?template=ico");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="ropa-ico-\d{4}-\d{2}-\d{2}\.csv"$/);
    const records = parse(Buffer.from(await response.arrayBuffer()), { bom: true }) as string[][];
    expect(records[0]).toEqual(ROPA_ICO_COLUMNS.map((column) => column.header));
    expect(records).toHaveLength(1 + 3);
    expect((await get("ropa", "?template=pdf")).status).toBe(422);
  });

  it("route: manifest=1 returns a manifest whose sha256 matches the CSV download, and the download's audit event", async () => {
    const response = await get("ropa", "?format=csv&template=cnil&manifest=1");
    expect(response.status).toBe(200);
    const parsed = parseManifest(await response.text());
    expect(parsed.ok).toBe(true);
    const manifest = (parsed as { manifest: ExportManifest }).manifest;
    expect(manifest).toMatchObject({ report: "ropa", format: "csv", template: "cnil", rowCount: 3, generatedBy: "Dana DPO" });
    expect(manifest.auditChainHead).toMatch(/^[0-9a-f]{64}$/);

    // CSV bytes carry no timestamp: the same data exports to the same bytes.
    const file = Buffer.from(await (await get("ropa", "?format=csv&template=cnil")).arrayBuffer());
    expect(sha256OfBytes(file)).toBe(manifest.sha256);
    expect(verifyExportBytes(file, manifest)).toEqual({ ok: true });
    const events = await use().db.select().from(auditEvents).where(eq(auditEvents.action, "export"));
    expect(events.at(-1)).toMatchObject({ recordId: "ropa", after: { format: "csv", template: "cnil", rows: 3, sha256: manifest.sha256 } });
  });

  it("route: JSON for the transfer register", async () => {
    const response = await get("transfers", "?format=json&pending=include");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const document = (await response.json()) as { schema: string; rows: unknown[] };
    expect(document.schema).toBe("urn:transfer-governance:export:transfers:v1");
    expect(document.rows).toHaveLength(3);
  });
}
