import { parse } from "csv-parse/sync";
import { and, desc, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { seedDemoData } from "@/lib/seed/demo";
import { auditEvents, entities, flags, processingActivities, processors, transfers } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { todayIso } from "@/lib/clock";
import { parseManifest, verifyExportBytes, type ExportManifest } from "@/lib/exports/manifest";
import { MISSING, MISSING_FR, type RopaTemplate } from "@/lib/exports/ropa";
import { REVIEW_STATUS_HEADER } from "@/lib/exports/report";
import { EXPORT_FORMATS, EXPORT_REPORTS, type ExportFormat, type ExportReport } from "@/lib/exports/request";
import { reportDefinition } from "@/lib/exports/reports";
import { runExport, type RunExportInput } from "@/lib/exports/run";
import { exportDocument } from "@/lib/exports/schemas";
import { enumLabel, fieldLabel, formatDate } from "@/lib/labels";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { addDays } from "@/lib/rules";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases, useAsAppDatabase } from "./databases";
import { bufferSink, readPdf, readXlsx } from "./exports-helpers";
import { makeProcessor, makeTransfer } from "./factories";

/*
 * Every report, read back with an independent reader (csv-parse, exceljs, pdf-parse, JSON.parse), on the demo
 * company (db/seed/demo.ts): its China and Hong Kong flows, its flags, its pending vendors, plus a vendor
 * whose name is a spreadsheet formula.
 */

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => session.current),
}));

// The demo's dates are relative to today, and the audit events carry the real time.
const TODAY = todayIso();
const HYPERLINK = '=HYPERLINK("http://x","y")';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A sheet's rows as arrays of cell values (exceljs's row.values is 1-based). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Text of a PDF without line breaks and spaces: table cells wrap anywhere. */
const squeezed = (text: string) => text.replace(/\s+/g, "");

describeOnDatabases("exports of the demo register, read back", (use) => {
  const ids = { hyperlinkTransfer: "", dojDraft: "" };
  let activityNames: string[] = [];

  async function exportOf(report: ExportReport, format: ExportFormat, options: Partial<Omit<RunExportInput, "db" | "report" | "format" | "out">> = {}) {
    const sink = bufferSink();
    const result = await runExport({ db: use().db, report, format, includePending: false, generatedBy: "Test DPO", out: sink.out, ...options });
    return { ...result, bytes: sink.buffer() };
  }

  async function csvOf(report: ExportReport, options: Parameters<typeof exportOf>[2] = {}) {
    const { bytes, rowCount } = await exportOf(report, "csv", options);
    const records = parse(bytes, { bom: true }) as string[][];
    // The ICO and CNIL templates start with the organisation's block: the table starts at its own header.
    const first = reportDefinition(report, options.template, options.language).columns[0]!.header;
    const [header, ...rows] = records.slice(Math.max(0, records.findIndex((record) => record[0] === first)));
    const cell = (row: string[], name: string) => {
      const index = header!.indexOf(name);
      if (index < 0) throw new Error(`no column "${name}" in ${report}: ${header!.join(" | ")}`);
      return row[index]!;
    };
    return { header: header!, rows, rowCount, cell };
  }

  beforeAll(async () => {
    const { db } = use();
    await seedDemoData(db, { today: TODAY });
    const [us] = await db.select().from(entities).where(eq(entities.name, "GNCC Inc."));
    const [account] = await db.select().from(processingActivities).where(eq(processingActivities.name, "Account management"));
    const hyperlink = await makeProcessor(db, { name: HYPERLINK, country: "US" });
    ids.hyperlinkTransfer = (
      await makeTransfer(db, { today: TODAY, exporterEntityId: us!.id, activityId: account!.id, processorId: hyperlink.id, subjectRegions: ["EU", "US-CA"] })
    ).transfer.id;
    // A draft flow to the covered Shenzhen support vendor: pending, and counted by the DOJ rule.
    const [hengtong] = await db.select().from(processors).where(eq(processors.name, "Hengtong Technical Services"));
    ids.dojDraft = (
      await makeTransfer(db, {
        today: TODAY,
        exporterEntityId: us!.id,
        activityId: account!.id,
        processorId: hengtong!.id,
        destinationCountry: "CN",
        mechanism: "scc",
        status: "draft",
        estimatedSubjects: 2_000,
        dataCategories: ["user.location.precise.gps"],
      })
    ).transfer.id;
    await runFullEvaluation({ db, today: TODAY });
    activityNames = (await db.select({ name: processingActivities.name }).from(processingActivities)).map((row) => row.name).sort();
  });

  it("Art. 30(1) record: every processing activity, in every template, with every item or a missing mark", async () => {
    expect(activityNames.length).toBeGreaterThanOrEqual(9);
    const [analyticsActivity] = await use()
      .db.select({ purpose: processingActivities.purpose })
      .from(processingActivities)
      .where(eq(processingActivities.name, "Product analytics"));
    for (const template of ["generic", "ico", "cnil"] as RopaTemplate[]) {
      const { rows, cell } = await csvOf("ropa", { template });
      // The ICO template's 30 columns name no activity (tests/exports-ropa.test.ts): its rows are told by their purpose.
      const nameColumn = template === "cnil" ? "Activité de traitement" : template === "ico" ? null : "Processing activity";
      if (nameColumn) expect(rows.map((row) => cell(row, nameColumn)).sort(), template).toEqual(activityNames);
      else expect(rows, template).toHaveLength(activityNames.length);
      // No Art. 30(1) item is silently blank: a value, "None" where nothing applies, or the missing mark.
      for (const row of rows) for (const value of row) expect(value, `${template}: ${row.join(" | ")}`).not.toBe("");
      const analytics = rows.find((row) =>
        nameColumn ? cell(row, nameColumn) === "Product analytics" : cell(row, "Purpose of processing") === analyticsActivity!.purpose,
      )!;
      const retention = { generic: "Erasure time limits", ico: "Retention schedule (if possible)", cnil: "Durées de conservation" }[template];
      expect(cell(analytics, retention)).toBe(template === "cnil" ? MISSING_FR : MISSING);
    }

    const { bytes } = await exportOf("ropa", "json");
    const document = JSON.parse(bytes.toString("utf8")) as { rows: { name: string; warnings: string[]; retentionPeriod: string | null }[] };
    expect(document.rows.map((row) => row.name).sort()).toEqual(activityNames);
    expect(document.rows.find((row) => row.name === "Product analytics")!.warnings).toEqual([`retentionPeriod: ${MISSING}`]);
  });

  it("Art. 30(1) record, XLSX: cover first, frozen header and filter; CNIL: a summary sheet and one sheet per activity", async () => {
    const generic = await readXlsx((await exportOf("ropa", "xlsx")).bytes);
    expect(generic.worksheets.map((sheet) => sheet.name)).toEqual(["Cover", "Record"]);
    const record = generic.getWorksheet("Record")!;
    expect(record.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(record.autoFilter).toBeTruthy();
    expect(record.rowCount).toBe(1 + activityNames.length);
    const cover = sheetRows(generic.getWorksheet("Cover")!);
    expect(cover[0]).toEqual(["Record of processing activities (GDPR Art. 30(1))"]);
    const facts = new Map(cover.map((row) => [row[0], row[1]]));
    // Dated as the cells are ("3 Dec 2026"), not ISO: the JSON header and the manifest keep ISO.
    expect(facts.get("As of")).toBe(formatDate(TODAY));
    expect(String(facts.get("Generated at"))).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} UTC$/);
    expect(facts.get("Rows")).toBe(activityNames.length);
    expect(facts.get("Generated by")).toBe("Test DPO");
    // The controllers with their DPOs: the US parent and the Shenzhen affiliate (its legal name in Chinese).
    expect(cover.some((row) => row[0] === "GNCC Inc." && String(row[2]).includes("privacy@gncc-demo.example"))).toBe(true);
    expect(cover.some((row) => String(row[0]).includes("深圳市吉恩希希智能科技有限公司"))).toBe(true);

    const cnil = await readXlsx((await exportOf("ropa", "xlsx", { template: "cnil" })).bytes);
    const names = cnil.worksheets.map((sheet) => sheet.name);
    expect(names.slice(0, 2)).toEqual(["Page de garde", "Registre"]);
    expect(names).toHaveLength(2 + activityNames.length);
    for (const sheet of cnil.worksheets.slice(1)) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
    }
    const fiche = cnil.worksheets.find((sheet) => sheet.name.includes("Device cloud"))!;
    const items = new Map(sheetRows(fiche).map((row) => [row[0], row[1]]));
    expect(items.get("Rubrique")).toBe("Contenu");
    expect(items.get("Finalités")).toMatch(/camera events/);
    expect(String(items.get("Données sensibles"))).toMatch(/^Oui : .*reconnaissance faciale/);
    expect(items.get("Catégories de données — Données de localisation")).toBe("Non");
    expect(String(items.get("Catégories de données — Données de connexion"))).toMatch(/^Oui : .*Identifiant de l'appareil/);
    expect(String(items.get("Transferts hors UE — pays"))).toBe("Aucun");
    const maintenance = cnil.worksheets.find((sheet) => sheet.name.includes("Product maintenance"))!;
    const maintenanceItems = new Map(sheetRows(maintenance).map((row) => [row[0], row[1]]));
    expect(String(maintenanceItems.get("Transferts hors UE — pays"))).toMatch(/Chine.*Hong Kong/);
  });

  it("Art. 30(1) record, PDF: cover, contents, one section per activity, page numbers, Chinese and French names", async () => {
    const { bytes, rowCount } = await exportOf("ropa", "pdf");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = await readPdf(bytes);
    expect(rowCount).toBe(activityNames.length);
    const cover = pdf.pages[0]!.text;
    expect(cover).toContain("Record of processing activities (GDPR Art. 30(1))");
    expect(cover).toMatch(new RegExp(`As of\\s+${formatDate(TODAY)}`));
    expect(cover).toMatch(/Generated at\s+\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} UTC/);
    expect(cover).not.toContain(TODAY);
    expect(cover).toContain("privacy@gncc-demo.example");
    expect(cover).toContain("深圳市吉恩希希智能科技有限公司");
    expect(squeezed(cover)).toContain(`Rows${activityNames.length}`);
    expect(pdf.pages[1]!.text).toContain("Contents");
    for (const name of activityNames) expect(squeezed(pdf.text), name).toContain(squeezed(name));
    // Every page says "Page n of m", m being the real number of pages.
    pdf.pages.forEach((page, index) => expect(squeezed(page.text)).toContain(`Page${index + 1}of${pdf.total}`));
    expect(squeezed(pdf.text)).toContain("深圳");
    expect(squeezed(pdf.text)).toContain("RéclameNumérique");
    expect(squeezed(pdf.text)).toContain(squeezed(MISSING));
  });

  it("transfer register: the China and Hong Kong transfers with their mechanism and their open flags, in every format", async () => {
    const { db } = use();
    const cnHk = await db
      .select({ id: transfers.id, mechanism: transfers.mechanism, destination: transfers.destinationCountry })
      .from(transfers)
      .where(and(inArray(transfers.destinationCountry, ["CN", "HK"]), eq(transfers.status, "approved")));
    expect(cnHk.filter((t) => t.destination === "CN").length).toBeGreaterThanOrEqual(4);
    expect(cnHk.filter((t) => t.destination === "HK").length).toBeGreaterThanOrEqual(3);
    const openFlagsOf = async (transferId: string) =>
      (
        await db
          .select({ ruleId: flags.ruleId })
          .from(flags)
          .where(and(eq(flags.subjectType, "transfer"), eq(flags.subjectId, transferId), eq(flags.status, "open")))
      )
        .map((flag) => flag.ruleId)
        .sort();

    const { rows, cell } = await csvOf("transfers");
    const json = JSON.parse((await exportOf("transfers", "json")).bytes.toString("utf8")) as {
      rows: { id: string; mechanism: string; mechanismLabel: string; destinationCountry: string; openFlags: { ruleIds: string[] } }[];
    };
    const workbook = await readXlsx((await exportOf("transfers", "xlsx")).bytes);
    const sheet = sheetRows(workbook.getWorksheet("Transfer register")!);
    const pdfPages = (await readPdf((await exportOf("transfers", "pdf")).bytes)).pages.map((page) => squeezed(page.text));
    const pdf = pdfPages.join("");
    // The register runs over several pages, each starting with the table's header row.
    const registerStart = pdfPages.findIndex((page) => page.startsWith("Transferregister"));
    expect(pdfPages.length - registerStart, "the demo register spans several pages").toBeGreaterThan(1);
    for (const page of pdfPages.slice(registerStart)) expect(page).toContain("ExporterImporterDestinationActivity");
    let flagged = 0;
    for (const transfer of cnHk) {
      const expected = await openFlagsOf(transfer.id);
      flagged += expected.length > 0 ? 1 : 0;
      const row = rows.find((candidate) => cell(candidate, "Transfer ID") === transfer.id)!;
      expect(row, transfer.id).toBeDefined();
      expect(cell(row, "Destination country")).toBe(transfer.destination);
      // A person reads labels and rule titles; the JSON export keeps the codes and ids beside them.
      const mechanism = enumLabel("transferMechanism", transfer.mechanism);
      expect(cell(row, "Transfer mechanism")).toBe(mechanism);
      expect(cell(row, "Open flag rules")).toBe(expected.map((id) => enumLabel("rule", id)).join("; "));
      const record = json.rows.find((candidate) => candidate.id === transfer.id)!;
      expect(record).toMatchObject({ mechanism: transfer.mechanism, mechanismLabel: mechanism, destinationCountry: transfer.destination, openFlags: { ruleIds: expected } });
      const xlsxRow = sheet.find((candidate) => candidate[0] === transfer.id)!;
      expect(xlsxRow[sheet[0]!.indexOf("Transfer mechanism")]).toBe(mechanism);
      for (const ruleId of expected) expect(pdf).toContain(squeezed(enumLabel("rule", ruleId)));
    }
    expect(flagged, "the demo's China and Hong Kong flows carry findings").toBeGreaterThanOrEqual(3);
    // The demo's distinctive ones: the Shenzhen log sync with no mechanism, the monthly consent export to HK.
    const shenzhenLogs = rows.find(
      (row) => cell(row, "Importer") === "GNCC Shenzhen R&D (affiliate)" && cell(row, "Transfer mechanism") === enumLabel("transferMechanism", "none"),
    )!;
    expect(cell(shenzhenLogs, "Open flag rules")).toContain(enumLabel("rule", "transfer.no-mechanism"));
    const contest = rows.find((row) => cell(row, "Transfer mechanism") === enumLabel("transferMechanism", "art49_consent"))!;
    expect(cell(contest, "Destination")).toBe("Hong Kong");
    expect(cell(contest, "Open flag rules")).toContain(enumLabel("rule", "transfer.art49-systematic"));
    expect(
      rows.some(
        (row) =>
          cell(row, "Transfer mechanism") === enumLabel("transferMechanism", "hk_model_clauses") &&
          cell(row, "Agreements").includes(enumLabel("agreementType", "hk_model_clauses")),
      ),
    ).toBe(true);
    expect(pdf).toContain("深圳市恒通技术服务有限公司");
  });

  it("a vendor named like a formula is inert in every CSV and XLSX, and intact in JSON", async () => {
    for (const report of EXPORT_REPORTS) {
      const { rows } = await csvOf(report, { includePending: true });
      for (const row of rows) for (const value of row) expect(value, `${report} CSV`).not.toMatch(FORMULA_START);
      const workbook = await readXlsx((await exportOf(report, "xlsx", { includePending: true })).bytes);
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) =>
          row.eachCell((c) => {
            if (typeof c.value === "string") expect(c.value, `${report} XLSX ${sheet.name}`).not.toMatch(FORMULA_START);
            expect(c.type, `${report} XLSX ${sheet.name}: no formula cells`).not.toBe(ExcelJS.ValueType.Formula);
          }),
        );
      }
    }
    const { rows, cell } = await csvOf("transfers");
    expect(cell(rows.find((row) => cell(row, "Transfer ID") === ids.hyperlinkTransfer)!, "Importer")).toBe(`'${HYPERLINK}`);
    const sub = await csvOf("subprocessors");
    expect(sub.rows.some((row) => sub.cell(row, "Name") === `'${HYPERLINK}`)).toBe(true);
    const ropa = await csvOf("ropa");
    expect(ropa.cell(ropa.rows.find((row) => ropa.cell(row, "Processing activity") === "Account management")!, "Recipients")).toContain(`'${HYPERLINK}`);
    const json = JSON.parse((await exportOf("transfers", "json")).bytes.toString("utf8")) as { rows: { id: string; importer: { name: string } }[] };
    expect(json.rows.find((row) => row.id === ids.hyperlinkTransfer)!.importer.name).toBe(HYPERLINK);
  });

  it("pending records: left out by default, included and marked on request, in every report that has them", async () => {
    const pendingVendors = ["Supportly", "CrashTrace"];
    const ofRecord = await csvOf("transfers");
    expect(ofRecord.header).not.toContain(REVIEW_STATUS_HEADER.en);
    expect(ofRecord.rows.some((row) => pendingVendors.includes(ofRecord.cell(row, "Importer")))).toBe(false);
    expect(ofRecord.rows.some((row) => ofRecord.cell(row, "Transfer ID") === ids.dojDraft)).toBe(false);

    const all = await csvOf("transfers", { includePending: true });
    expect(all.header.at(-1)).toBe(REVIEW_STATUS_HEADER.en);
    const supportly = all.rows.find((row) => all.cell(row, "Importer") === "Supportly")!;
    expect(all.cell(supportly, "Review status")).toBe("PENDING REVIEW — transfer awaiting review; importer awaiting review");
    expect(all.cell(all.rows.find((row) => all.cell(row, "Transfer ID") === ids.dojDraft)!, "Review status")).toBe("PENDING REVIEW — transfer draft");
    expect(all.cell(all.rows.find((row) => all.cell(row, "Transfer ID") === ids.hyperlinkTransfer)!, "Review status")).toBe("Approved");

    const sub = await csvOf("subprocessors");
    expect(sub.rows.some((row) => pendingVendors.includes(sub.cell(row, "Name")))).toBe(false);
    const subAll = await csvOf("subprocessors", { includePending: true });
    expect(subAll.cell(subAll.rows.find((row) => subAll.cell(row, "Name") === "CrashTrace")!, "Review status")).toBe("PENDING REVIEW — processor draft");

    const ropa = await csvOf("ropa", { includePending: true });
    const afterSales = ropa.rows.find((row) => ropa.cell(row, "Processing activity") === "After-sales and warranty service")!;
    expect(ropa.cell(afterSales, "Review status")).toMatch(/^PENDING REVIEW — 1 unapproved transfer\(s\) included: Supportly/);
    expect(ropa.cell(afterSales, "Recipients")).toContain("Supportly");
    const ropaOfRecord = await csvOf("ropa");
    expect(ropaOfRecord.cell(ropaOfRecord.rows.find((row) => ropaOfRecord.cell(row, "Processing activity") === "After-sales and warranty service")!, "Recipients")).not.toContain("Supportly");

    const doj = await csvOf("doj", { includePending: true });
    const hengtongGeo = doj.rows.find((row) => doj.cell(row, "Recipient") === "Hengtong Technical Services" && doj.cell(row, "DOJ category") === "Precise geolocation data")!;
    expect(doj.cell(hengtongGeo, "Review status")).toMatch(/PENDING REVIEW — 1 unapproved transfer\(s\) counted \(draft\)/);
    const dojOfRecord = await csvOf("doj");
    expect(dojOfRecord.rows.some((row) => dojOfRecord.cell(row, "Recipient") === "Hengtong Technical Services" && dojOfRecord.cell(row, "DOJ category") === "Precise geolocation data")).toBe(false);

    const ccpa = await csvOf("ccpa", { includePending: true });
    expect(ccpa.rows.some((row) => ccpa.cell(row, "Review status").includes("CrashTrace"))).toBe(true);
  });

  it("DOJ report: each recipient of concern with its 12-month counts, thresholds, CISA state, as the rules engine has them", async () => {
    const { rows, cell } = await csvOf("doj");
    const recipients = new Set(rows.map((row) => cell(row, "Recipient")));
    for (const name of ["Hengtong Technical Services", "天宇云客服", "GNCC Shenzhen R&D (affiliate)", "GNCC Hong Kong (affiliate)"]) expect(recipients).toContain(name);
    expect(recipients).not.toContain("Amazon Web Services");

    // 1,240 people's faces to Shenzhen, CISA requirements not met: restricted, and flagged.
    const faces = rows.find((row) => cell(row, "Recipient") === "GNCC Shenzhen R&D (affiliate)" && cell(row, "DOJ category") === "Biometric identifiers")!;
    expect(cell(faces, "12-month count")).toBe("1240");
    expect(cell(faces, "Threshold applied (more than)")).toBe("1000");
    expect(cell(faces, "Bulk")).toBe("Yes");
    expect(cell(faces, "CISA security requirements")).toBe("not met");
    expect(cell(faces, "Status")).toBe("RESTRICTED — CISA security requirements NOT met");
    expect(cell(faces, "Rules engine finding")).toBe("Yes");
    expect(cell(faces, "DOJ flags (not resolved)")).toContain("Bulk US sensitive data to a country of concern: open");
    // Precise location of 40,000 devices to Hong Kong, CISA requirements met: restricted but compliant.
    const location = rows.find((row) => cell(row, "Recipient") === "GNCC Hong Kong (affiliate)" && cell(row, "DOJ category") === "Precise geolocation data")!;
    expect(cell(location, "Unit")).toBe("U.S. devices");
    expect(cell(location, "Status")).toBe("Restricted — CISA security requirements met");
    expect(cell(location, "Of concern because")).toContain("destination Hong Kong");

    // With pending records included the report counts what the rules engine counts (drafts too): every
    // stored bulk-restricted flag has its row, marked as an engine finding.
    const { db } = use();
    const all = await csvOf("doj", { includePending: true });
    const stored = await db.select({ subjectId: flags.subjectId }).from(flags).where(and(eq(flags.ruleId, "transfer.doj-bulk-restricted"), eq(flags.status, "open")));
    expect(stored.length).toBeGreaterThan(0);
    for (const flag of stored) {
      expect(all.rows.some((row) => all.cell(row, "Transfers").includes(flag.subjectId) && all.cell(row, "Rules engine finding") === "Yes"), flag.subjectId).toBe(true);
    }
  });

  it("CCPA disclosure: twelve categories, what was collected and disclosed, and the statement that nothing was sold or shared", async () => {
    const { rows, cell } = await csvOf("ccpa");
    expect(rows.map((row) => cell(row, "Category"))).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"]);
    const identifiers = rows[0]!;
    expect(cell(identifiers, "Collected in the preceding 12 months")).toBe("Yes");
    expect(cell(identifiers, "Categories of recipients (business purpose)")).toContain(`${enumLabel("processorService", "hosting")} (${enumLabel("processorRole", "processor").toLowerCase()})`);
    expect(cell(rows.find((row) => cell(row, "Category") === "E")!, "Collected in the preceding 12 months")).toBe("Yes");
    expect(rows.every((row) => cell(row, "Sold") === "No" && cell(row, "Shared (cross-context behavioural advertising)") === "No")).toBe(true);
    const json = JSON.parse((await exportOf("ccpa", "json")).bytes.toString("utf8")) as { notes: Record<string, string> };
    expect(json.notes["Sold or shared"]).toMatch(/^No personal information of California consumers was sold or shared/);
    const pdf = await readPdf((await exportOf("ccpa", "pdf")).bytes);
    expect(squeezed(pdf.pages[0]!.text)).toContain(squeezed("No personal information of California consumers was sold or shared"));
  });

  it("sub-processor list: the chain from the top, and whether the parent's contract flows its obligations down", async () => {
    const { rows, cell } = await csvOf("subprocessors");
    const helpdesk = rows.find((row) => cell(row, "Name") === "天宇云客服")!;
    expect(cell(helpdesk, "Level")).toBe("1");
    expect(cell(helpdesk, "Chain (engaged by › ... › this processor)")).toBe("Hengtong Technical Services › 天宇云客服");
    expect(cell(helpdesk, "Sub-processing under the parent's agreement")).toBe("Permitted, but obligations NOT flowed down (Art. 28(4))");
    // Engagement order: the sub-processor right after the processor that engaged it.
    const names = rows.map((row) => cell(row, "Name"));
    expect(names.indexOf("天宇云客服")).toBe(names.indexOf("Hengtong Technical Services") + 1);
  });

  it("audit trail: the period's events with their hashes, and the chain's head", async () => {
    const { db } = use();
    const events = await db.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents);
    expect(events.length).toBeGreaterThan(0);
    // The demo's history reaches 152 days back (lib/seed/demo.ts): a period from before it holds every event.
    const period = { from: addDays(TODAY, -160), to: TODAY };
    const { rows, cell, rowCount } = await csvOf("audit", { period });
    expect(rowCount).toBe(events.length);
    expect(rows.map((row) => cell(row, "Hash (SHA-256)")).sort()).toEqual(events.map((event) => event.hash).sort());
    // Each change in words (the exact content is the JSON export's): the transfer's creation names its fields and values.
    const created = rows.find((row) => cell(row, "Record ID") === ids.hyperlinkTransfer && cell(row, "Action") === "Created")!;
    expect(cell(created, "Record type")).toBe("Transfer");
    expect(cell(created, "Changes (before → after)")).toContain(`${fieldLabel("transfer", "encryptionInTransit")}: — → ${enumLabel("encryptionInTransit", "tls1_3")}`);
    const head = events.sort((a, b) => b.id - a.id)[0]!;
    const json = JSON.parse((await exportOf("audit", "json", { period })).bytes.toString("utf8")) as {
      auditChainHead: string;
      period: { from: string; to: string };
      notes: Record<string, string>;
    };
    expect(json.auditChainHead).toBe(head.hash);
    expect(json.period).toEqual(period);
    expect(json.notes["Chain verification at export"]).toMatch(/^Intact/);
    expect((await csvOf("audit", { period: { from: addDays(TODAY, -200), to: addDays(TODAY, -153) } })).rowCount).toBe(0);
  });

  it("every report in every format is produced and declares its format", async () => {
    for (const report of EXPORT_REPORTS) {
      for (const format of EXPORT_FORMATS) {
        const { bytes, rowCount } = await exportOf(report, format, { includePending: true });
        expect(bytes.length, `${report} ${format}`).toBeGreaterThan(0);
        if (format === "json") {
          const document = JSON.parse(bytes.toString("utf8")) as { schema: string; schemaVersion: number; rows: unknown[] };
          expect(document.schema).toBe(`urn:transfer-governance:export:${report}:v1`);
          expect(document.rows).toHaveLength(rowCount);
          // The document conforms to its published schema (the same zod schema the JSON Schema is made from).
          const checked = exportDocument(report).safeParse(document);
          expect(checked.success, `${report}: ${checked.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`).toBe(true);
        }
        if (format === "pdf") expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        if (format === "xlsx") expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
      }
    }
  });

  it("as of a past day: read through the point-in-time reader, and said so", async () => {
    const yesterday = addDays(TODAY, -1);
    const { bytes, pointInTime, asOf } = await exportOf("transfers", "json", { asOf: yesterday });
    expect({ pointInTime, asOf }).toEqual({ pointInTime: true, asOf: yesterday });
    const document = JSON.parse(bytes.toString("utf8")) as { asOf: string; pointInTime: boolean; rows: { id: string }[] };
    expect(document).toMatchObject({ asOf: yesterday, pointInTime: true });
    // Created today: not in the register as it stood at the end of yesterday.
    expect(document.rows.map((row) => row.id)).not.toContain(ids.hyperlinkTransfer);
    const cover = sheetRows((await readXlsx((await exportOf("ropa", "xlsx", { asOf: yesterday })).bytes)).getWorksheet("Cover")!);
    expect(String(new Map(cover.map((row) => [row[0], row[1]])).get("As of"))).toMatch(new RegExp(`^${formatDate(yesterday)} \\(point in time`));
  });

  describeRoute(use);
});

/** The route: every report and format over HTTP, and its refusals. */
function describeRoute(use: () => DatabaseHandle) {
  const users = { dpo: "", auditor: "", engineer: "" };
  useAsAppDatabase(use);

  beforeAll(async () => {
    for (const role of ["dpo", "auditor", "engineer"] as const) {
      const { record: user } = await createUser({
        ctx: { db: use().db, actor: SYSTEM_ACTOR, today: "2026-01-01" },
        input: { email: `${role}@reports.test`, name: `Test ${role}`, role, password: "a-long-password-1" },
      });
      users[role] = user.id;
    }
  });
  afterAll(() => {
    session.current = null;
  });

  async function get(report: string, query = "", as: keyof typeof users = "dpo") {
    const { GET } = await import("@/app/api/v1/exports/[report]/route");
    session.current = { user: { id: users[as] } };
    return GET(new Request(`http://localhost:3000/api/v1/exports/${report}${query}`), { params: Promise.resolve({ report }) });
  }

  it("route: every report downloads in every format, with its type and file name", async () => {
    const types = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", pdf: "application/pdf", json: "application/json; charset=utf-8" };
    for (const report of EXPORT_REPORTS) {
      for (const format of EXPORT_FORMATS) {
        const response = await get(report, `?format=${format}`, "auditor");
        expect(response.status, `${report} ${format}`).toBe(200);
        expect(response.headers.get("content-type")).toBe(types[format]);
        expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="[a-z0-9-]+\\.${format}"$`));
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
    }
  });

  it("route: a bad parameter is a problem naming it; an engineer is refused", async () => {
    const tomorrow = addDays(TODAY, 1);
    for (const [query, path] of [
      [`?asOf=${tomorrow}`, "asOf"],
      ["?asOf=2026-02-30", "asOf"],
      ["?format=docx", "format"],
      ["?pending=maybe", "pending"],
      ["?from=2026-02-01&to=2026-01-01", "from"],
    ] as const) {
      const response = await get(query.includes("from") ? "audit" : "transfers", query);
      expect(response.status, query).toBe(422);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ code: "validation_failed", errors: [{ path }] });
    }
    expect((await get("transfers", "", "engineer")).status).toBe(403);
  });

  it("route: the JSON Schema of each report's JSON export", async () => {
    const { GET } = await import("@/app/api/v1/exports/[report]/schema/route");
    session.current = { user: { id: users.engineer } };
    const response = await GET(new Request("http://localhost:3000/api/v1/exports/doj/schema"), { params: Promise.resolve({ report: "doj" }) });
    expect(response.status).toBe(200);
    const schema = (await response.json()) as { $id: string; $schema: string; properties: Record<string, unknown> };
    expect(schema.$id).toBe("urn:transfer-governance:export:doj:v1");
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["schemaVersion", "asOf", "auditChainHead", "rows"]));
  });

  it("route: each download's manifest is in its audit event, and verifies the downloaded bytes", async () => {
    const file = Buffer.from(await (await get("transfers", "?format=xlsx&pending=include")).arrayBuffer());
    const [event] = await use().db.select().from(auditEvents).where(eq(auditEvents.action, "export")).orderBy(desc(auditEvents.id)).limit(1);
    const parsed = parseManifest(JSON.stringify((event!.after as { manifest: unknown }).manifest));
    expect(parsed.ok).toBe(true);
    const manifest = (parsed as { manifest: ExportManifest }).manifest;
    expect(manifest).toMatchObject({ report: "transfers", format: "xlsx", includePending: true, generatedBy: "Test dpo" });
    expect(verifyExportBytes(file, manifest)).toEqual({ ok: true });
    const changed = Buffer.from(file);
    changed[100] = changed[100]! ^ 1;
    expect(verifyExportBytes(changed, manifest).ok).toBe(false);
  });

  it("route: the PDF's manifest names its format, its row count and the chain head", async () => {
    const response = await get("ropa", "?format=pdf&template=cnil&manifest=1");
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ report: "ropa", format: "pdf", template: "cnil", pointInTime: false, asOf: TODAY });
    expect(manifest.rowCount).toBeGreaterThanOrEqual(9);
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.fileName).toBe(`ropa-cnil-${TODAY}.pdf`);
  });
}
