import { parse } from "csv-parse/sync";
import { beforeAll, expect, it } from "vitest";
import { runExport } from "@/lib/exports/run";
import { country } from "@/lib/exports/words";
import type { ExportFormat, ExportLanguage } from "@/lib/exports/request";
import { enumLabel } from "@/lib/labels";
import { createNotice, createNoticeStatement } from "@/lib/notices/service";
import { describeOnDatabases } from "./databases";
import { bufferSink, readPdf, readXlsx } from "./exports-helpers";
import { TEST_ACTOR, makeProcessor, makeTransfer } from "./factories";

/*
 * The notice findings export (issue 18) in its four formats and both languages: labels, never codes; the notice's
 * words and section beside the finding; the register record named.
 */

const TODAY = new Date().toISOString().slice(0, 10);
const squeezed = (text: string) => text.replace(/\s+/g, "");
const QUOTE = "Your data is stored in the United States.";

describeOnDatabases("notice findings export", (use) => {
  beforeAll(async () => {
    const { db } = use();
    const ctx = { db, actor: TEST_ACTOR, today: TODAY };
    const { record: notice } = await createNotice({ ctx, input: { title: "Privacy Policy", versionLabel: "v1", effectiveDate: "2026-01-01", text: QUOTE } });
    await createNoticeStatement({ ctx, input: { noticeId: notice.id, body: { kind: "storage_location", value: "US", quote: QUOTE, section: "Storage" } } });
    const vendor = await makeProcessor(db, { name: "Shenzhen Storage Co", country: "CN" });
    await makeTransfer(db, { today: TODAY, processorId: vendor.id, destinationCountry: "CN" });
  });

  async function exportOf(format: ExportFormat, language: ExportLanguage = "en") {
    const sink = bufferSink();
    const result = await runExport({ db: use().db, report: "notice-findings", format, includePending: false, language, generatedBy: "Test DPO", out: sink.out });
    return { ...result, bytes: sink.buffer() };
  }

  it("CSV in English and French: the rule's title, the notice's words and section, the subject by name", async () => {
    for (const language of ["en", "fr"] as const) {
      const [header, ...rows] = parse((await exportOf("csv", language)).bytes, { bom: true }) as string[][];
      const cell = (row: string[], name: string) => row[header!.indexOf(name)]!;
      const storage = rows.find((row) => cell(row, language === "en" ? "Rule" : "Règle") === enumLabel("rule", "notice.storage-outside-declared", language));
      expect(storage, language).toBeDefined();
      expect(cell(storage!, language === "en" ? "The notice says" : "Ce que dit la politique")).toBe(`“${QUOTE}”`);
      expect(cell(storage!, language === "en" ? "Subject" : "Objet")).toBe(`Shenzhen Storage Co (${country("US", language)} → ${country("CN", language)})`);
      expect(rows.flat().join(" ")).not.toMatch(/notice\.[a-z-]+|storage_outside|\bstorage_location\b/);
    }
  });

  it("XLSX, PDF and JSON", async () => {
    const workbook = await readXlsx((await exportOf("xlsx")).bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Cover", "Notice findings"]);
    const pdf = squeezed((await readPdf((await exportOf("pdf", "fr")).bytes)).text);
    expect(pdf).toContain(squeezed(enumLabel("rule", "notice.storage-outside-declared", "fr")));
    const json = JSON.parse((await exportOf("json")).bytes.toString("utf8"));
    const records = json.rows as { ruleId: string; ruleTitle: string; noticeSection: string }[];
    expect(records.find((record) => record.ruleId === "notice.storage-outside-declared")).toMatchObject({ ruleTitle: enumLabel("rule", "notice.storage-outside-declared"), noticeSection: "Storage" });
  });
});
