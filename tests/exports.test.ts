import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { iterateTransferRegister, type TransferRegisterRow } from "@/db/queries/exports";
import { agreementTransfers, auditEvents, flags } from "@/db/schema";
import { dataCategoryName } from "@/lib/exports/category-names";
import { writeTransferRegisterCsv } from "@/lib/exports/csv";
import { enumLabel } from "@/lib/labels";
import { TRANSFER_REGISTER_COLUMNS } from "@/lib/exports/transfer-register";
import { writeTransferRegisterXlsx } from "@/lib/exports/xlsx";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
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
const HEADERS = TRANSFER_REGISTER_COLUMNS.map((column) => column.header);

async function csvOf(rows: AsyncIterable<TransferRegisterRow>) {
  const sink = bufferSink();
  const count = await writeTransferRegisterCsv(rows, sink.out);
  const bytes = sink.buffer();
  const records = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
  return { count, bytes, records };
}

async function xlsxOf(rows: AsyncIterable<TransferRegisterRow>, includePending = false) {
  const sink = bufferSink();
  const count = await writeTransferRegisterXlsx(rows, sink.out, { generatedAt: new Date("2026-03-01T10:00:00Z"), asOf: TODAY, includePending });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(sink.buffer() as unknown as ArrayBuffer);
  return { count, workbook };
}

const column = (header: string) => HEADERS.indexOf(header);

describeOnDatabases("transfer register exports", (use) => {
  const ids = { hyperlink: "", chinese: "", accents: "", draft: "", pendingImporter: "" };
  const docs = { listed: "DOC-LISTED", other: "DOC-NOT-LISTED", all: "DOC-ALL" };

  beforeAll(async () => {
    const { db } = use();
    const exporter = await makeEntity(db, { name: "Acme Inc", country: "US" });
    const activity = await makeActivity(db, exporter.id, { name: "Customer support" });
    const base = { today: TODAY, exporterEntityId: exporter.id, activityId: activity.id };

    const hyperlink = await makeProcessor(db, { name: HYPERLINK });
    ids.hyperlink = (await makeTransfer(db, { ...base, processorId: hyperlink.id })).transfer.id;

    const chinese = await makeProcessor(db, { name: CHINESE, legalName: CHINESE, country: "CN" });
    await makeAgreement(db, chinese.id, { type: "pipl_standard_contract", expiryDate: "2027-12-31", documentRef: "CN-001" });
    ids.chinese = (
      await makeTransfer(db, {
        ...base,
        processorId: chinese.id,
        destinationCountry: "CN",
        mechanism: "pipl_standard_contract",
        tiaDate: "2025-06-01",
        dataCategories: ["user.contact.email", "user.behavior.usage_log"],
        estimatedSubjects: 12_345,
      })
    ).transfer.id;

    const accents = await makeProcessor(db, { name: ACCENTS, country: "FR" });
    await makeAgreement(db, accents.id, { type: "dpa", documentRef: docs.all });
    const listed = await makeAgreement(db, accents.id, { type: "scc", sccModule: "module_2", coversAllTransfers: false, documentRef: docs.listed });
    await makeAgreement(db, accents.id, { type: "scc", sccModule: "module_3", coversAllTransfers: false, documentRef: docs.other });
    ids.accents = (await makeTransfer(db, { ...base, processorId: accents.id, destinationCountry: "FR", mechanism: "adequacy" })).transfer.id;
    await db.insert(agreementTransfers).values({ agreementId: listed.id, transferId: ids.accents });

    // Pending: a draft transfer to an approved importer, an approved transfer to an importer under review.
    ids.draft = (await makeTransfer(db, { ...base, processorId: hyperlink.id, destinationCountry: "DE", status: "draft" })).transfer.id;
    const underReview = await makeProcessor(db, { name: "Pending Vendor", status: "submitted" });
    ids.pendingImporter = (await makeTransfer(db, { ...base, processorId: underReview.id })).transfer.id;
  });

  it("CSV: BOM, CRLF, the header, one row per transfer of record, inert formulas, Unicode intact", async () => {
    const { db } = use();
    const { count, bytes, records } = await csvOf(iterateTransferRegister({ db, includePending: false }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n");
    expect(bytes.toString("utf8").replace(/\r\n/g, "")).not.toMatch(/\n/);

    const [header, ...rows] = records;
    expect(header).toEqual(HEADERS);
    expect(count).toBe(3);
    expect(rows.map((row) => row[column("Transfer ID")]).sort()).toEqual([ids.hyperlink, ids.chinese, ids.accents].sort());

    const byId = new Map(rows.map((row) => [row[column("Transfer ID")]!, row]));
    expect(byId.get(ids.hyperlink)![column("Importer")]).toBe(`'${HYPERLINK}`);
    const chinese = byId.get(ids.chinese)!;
    expect(chinese[column("Importer")]).toBe(CHINESE);
    expect(chinese[column("Importer legal name")]).toBe(CHINESE);
    expect(chinese[column("Destination country")]).toBe("CN");
    // Labels and dates as a person reads them; the codes and keys stay in the JSON export.
    expect(chinese[column("Transfer mechanism")]).toBe(enumLabel("transferMechanism", "pipl_standard_contract"));
    expect(chinese[column("Agreements")]).toBe(enumLabel("agreementType", "pipl_standard_contract"));
    expect(chinese[column("Agreement expiry")]).toBe("31 Dec 2027");
    expect(chinese[column("Agreement document")]).toBe("CN-001");
    expect(chinese[column("TIA date")]).toBe("1 Jun 2025");
    expect(chinese[column("Data categories")]).toBe(`${dataCategoryName("user.behavior.usage_log", "en")}; ${dataCategoryName("user.contact.email", "en")}`);
    expect(chinese[column("Volume (per 12 months)")]).toBe("12345");
    expect(byId.get(ids.accents)![column("Importer")]).toBe(ACCENTS);
  });

  it("lists the agreements covering each transfer, aligned column by column", async () => {
    const { db } = use();
    const rows = await collect(iterateTransferRegister({ db, includePending: false }));
    const accents = rows.find((row) => row.id === ids.accents)!;
    // dpa covers all transfers; the module 2 SCCs list this transfer; the module 3 SCCs list none.
    expect(accents.agreementTypes).toBe("dpa; scc module_2");
    expect(accents.agreementDocumentRefs).toBe(`${docs.all}; ${docs.listed}`);
    expect(accents.agreementExpiryDates).toBe("—; —");
    expect(accents.agreementSignedDates).toBe("2025-01-01; 2025-01-01");
    expect(rows.find((row) => row.id === ids.hyperlink)!.agreementTypes).toBeNull();
  });

  it("counts the open flags of each transfer, with the worst severity and the rules", async () => {
    const { db } = use();
    const rows = await collect(iterateTransferRegister({ db, includePending: true }));
    const severities = ["low", "medium", "high", "critical"];
    for (const row of rows) {
      const open = await db
        .select({ ruleId: flags.ruleId, severity: flags.severity })
        .from(flags)
        .where(and(eq(flags.subjectType, "transfer"), eq(flags.subjectId, row.id), eq(flags.status, "open")));
      expect(row.openFlagCount).toBe(open.length);
      expect(row.openFlagRuleIds).toBe(open.length ? open.map((flag) => flag.ruleId).sort().join("; ") : null);
      const worst = open.map((flag) => flag.severity).sort((a, b) => severities.indexOf(b) - severities.indexOf(a))[0] ?? null;
      expect(row.worstOpenSeverity).toBe(worst);
    }
    expect(rows.some((row) => row.openFlagCount > 0), "the fixture should raise at least one open flag").toBe(true);
  });

  it("XLSX: a cover and a register sheet, frozen header, autofilter, inert formulas, numbers as numbers", async () => {
    const { db } = use();
    const { count, workbook } = await xlsxOf(iterateTransferRegister({ db, includePending: false }));
    expect(count).toBe(3);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Cover", "Transfer register"]);

    const sheet = workbook.getWorksheet("Transfer register")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(1 + 3);

    const importers: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) importers.push(row.getCell(column("Importer") + 1).value);
    });
    expect(importers.sort()).toEqual([`'${HYPERLINK}`, ACCENTS, CHINESE].sort());
    const chineseRow = sheet.getRows(2, 3)!.find((row) => row.getCell(column("Importer") + 1).value === CHINESE)!;
    expect(chineseRow.getCell(column("Volume (per 12 months)") + 1).value).toBe(12_345);
    expect(chineseRow.getCell(column("Open flags") + 1).type).toBe(ExcelJS.ValueType.Number);

    const cover = workbook.getWorksheet("Cover")!;
    expect(cover.getCell("A1").value).toBe("Chapter V transfer register");
    const facts = new Map<string, unknown>();
    cover.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get("Rows")).toBe(3);
    // The cover's dates read as the cells do; the manifest and the JSON header keep them ISO.
    expect(facts.get("As of")).toBe("1 Mar 2026");
    expect(facts.get("Generated at")).toBe("1 Mar 2026 10:00 UTC");
    expect(String(facts.get("Scope"))).toMatch(/approved/);
  });

  it("excludes pending transfers and importers by default and includes them, with their status, on request", async () => {
    const { db } = use();
    const ofRecord = await collect(iterateTransferRegister({ db, includePending: false }));
    expect(ofRecord.every((row) => row.status === "approved" && row.importerStatus === "approved")).toBe(true);
    expect(ofRecord.map((row) => row.id)).not.toContain(ids.draft);
    expect(ofRecord.map((row) => row.id)).not.toContain(ids.pendingImporter);

    const all = await collect(iterateTransferRegister({ db, includePending: true }));
    expect(all).toHaveLength(5);
    expect(all.find((row) => row.id === ids.draft)!.status).toBe("draft");
    expect(all.find((row) => row.id === ids.pendingImporter)!.importerStatus).toBe("submitted");

    const { count, workbook } = await xlsxOf(iterateTransferRegister({ db, includePending: true }), true);
    expect(count).toBe(5);
    expect(workbook.getWorksheet("Transfer register")!.rowCount).toBe(6);
  });

  it("keyset paging returns every transfer exactly once, whatever the batch size", async () => {
    const { db } = use();
    const expected = (await collect(iterateTransferRegister({ db, includePending: true, batchSize: 1000 }))).map((row) => row.id);
    for (const batchSize of [1, 2, 3, 5]) {
      const ids = (await collect(iterateTransferRegister({ db, includePending: true, batchSize }))).map((row) => row.id);
      expect(ids, `batchSize ${batchSize}`).toEqual(expected);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(expected).toEqual([...expected].sort());
    await expect(collect(iterateTransferRegister({ db, includePending: true, batchSize: 0 }))).rejects.toThrow(RangeError);
  });

  it("keyset paging with batchSize 2 reads in batches of two, two statements each", async () => {
    const { db } = use();
    let statements = 0;
    const counting = new Proxy(db, {
      get(target, property, receiver) {
        if (property === "select" || property === "execute") statements += 1;
        return Reflect.get(target, property, receiver);
      },
    });
    const ids = (await collect(iterateTransferRegister({ db: counting, includePending: true, batchSize: 2 }))).map((row) => row.id);
    // Five transfers: 2 + 2 + 1, the short batch ending the iteration.
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    // The batch, then its aggregates.
    expect(statements).toBe(3 * 2);
  });

  describeRoute(use, ids);
});

/** The route: its own checks (report, format) and a full download with its audit event. */
function describeRoute(use: () => DatabaseHandle, ids: { hyperlink: string; chinese: string }) {
  let dpoId = "";
  useAsAppDatabase(use);

  beforeAll(async () => {
    const { record: dpo } = await createUser({
      ctx: { db: use().db, actor: SYSTEM_ACTOR, today: "2026-01-01" },
      input: { email: "dpo@exports.test", name: "Dana DPO", role: "dpo", password: "a-long-password-1" },
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

  it("route: unknown report is 404, unknown format is 422 naming format", async () => {
    expect((await get("processors")).status).toBe(404);
    const invalid = await get("transfers", "?format=docx");
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ code: "validation_failed", errors: [{ path: "format" }] });
    expect((await get("transfers", "?pending=maybe")).status).toBe(422);
  });

  it("route: streams the CSV as an attachment and audits the export with its row count", async () => {
    const response = await get("transfers");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="transfer-register-\d{4}-\d{2}-\d{2}\.csv"$/);
    const records = parse(Buffer.from(await response.arrayBuffer()), { bom: true }) as string[][];
    expect(records).toHaveLength(1 + 3);
    expect(records.some((row) => row[column("Transfer ID")] === ids.hyperlink)).toBe(true);

    const events = await use().db.select().from(auditEvents).where(eq(auditEvents.action, "export"));
    expect(events.at(-1)).toMatchObject({
      recordType: "export",
      recordId: "transfers",
      actorUserId: dpoId,
      after: { format: "csv", pending: "exclude", rows: 3 },
    });
  });

  it("route: English unless asked; language=fr writes French headings and words, named in the manifest and the audit event", async () => {
    const english = parse(Buffer.from(await (await get("transfers")).arrayBuffer()), { bom: true }) as string[][];
    expect(english[0]).toEqual(HEADERS);
    const french = parse(Buffer.from(await (await get("transfers", "?language=fr")).arrayBuffer()), { bom: true }) as string[][];
    expect(french[0]![0]).toBe("Identifiant du transfert");
    const chinese = french.find((row) => row[0] === ids.chinese)!;
    expect(chinese).toContain(enumLabel("transferMechanism", "pipl_standard_contract", "fr"));
    expect(chinese).toContain("1 juin 2025");
    const events = await use().db.select().from(auditEvents).where(eq(auditEvents.action, "export"));
    expect(events.at(-1)).toMatchObject({ after: { language: "fr", manifest: { language: "fr" } } });
    const manifest = (await (await get("transfers", "?language=fr&manifest=1")).json()) as { language: string };
    expect(manifest.language).toBe("fr");
    const invalid = await get("transfers", "?language=de");
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ code: "validation_failed", errors: [{ path: "language" }] });
  });

  it("route: XLSX with pending included", async () => {
    const response = await get("transfers", "?format=xlsx&pending=include");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet("Transfer register")!.rowCount).toBe(1 + 5);
    const events = await use().db.select().from(auditEvents).where(eq(auditEvents.action, "export"));
    expect(events.at(-1)).toMatchObject({ after: { format: "xlsx", pending: "include", rows: 5 } });
  });
}
