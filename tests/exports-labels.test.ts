import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import * as enums from "@/db/schema/enums";
import { EXPORT_LANGUAGES, EXPORT_REPORTS, type ExportFormat, type ExportLanguage, type ExportReport } from "@/lib/exports/request";
import { ROPA_TEMPLATES, type RopaTemplate } from "@/lib/exports/ropa";
import { runExport } from "@/lib/exports/run";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { todayIso } from "@/lib/clock";
import { addDays } from "@/lib/rules";
import { seedDemoData } from "@/lib/seed/demo";
import { createTestDatabase } from "./databases";
import { bufferSink, readXlsx } from "./exports-helpers";

/*
 * Issue 16: no report shows a raw code. Every report, the Art. 30 record in each of its templates, in English
 * and in French, pending records included (their review status column too), read back as a person reads it:
 * every CSV cell, every text cell of every XLSX sheet (the cover included), every line of the PDF's text (as
 * pdftotext reads it), and in JSON the title, the notes and every label the records carry beside their codes.
 * None may hold a snake_case token or be (or list) an enum code of db/schema/enums.ts; the French one has
 * French headings.
 *
 * On the demo company, on PGlite only: what is written does not depend on the database (the reports' queries
 * run on both in tests/exports-reports.test.ts).
 */

/** Every value of every enum of the model, except one-letter codes (the CCPA categories A-L name themselves so). */
const ENUM_CODES: ReadonlySet<string> = new Set(
  Object.values(enums as Record<string, unknown>)
    .filter((value): value is readonly string[] => Array.isArray(value))
    .flat()
    .filter((code) => code.length > 1),
);
const SNAKE_CASE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
const REPORTS = EXPORT_REPORTS.filter((report) => report !== "ropa");
const run = promisify(execFile);

/** The text of a PDF, line by line, as pdftotext reads it (poppler-utils, which npm test installs). */
async function pdfLines(pdf: Buffer): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), "exports-labels-"));
  try {
    const file = join(folder, "export.pdf");
    writeFileSync(file, pdf);
    const { stdout } = await run("pdftotext", ["-layout", file, "-"], { maxBuffer: 64 << 20 });
    // -layout keeps a table's cells apart on a line by runs of spaces: each run is a cell boundary.
    return stdout.split("\n").flatMap((line) => line.split(/\s{2,}/)).map((text) => text.trim()).filter(Boolean);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
const TODAY = todayIso();

/** What is wrong with a text a person reads: snake_case tokens, or an item of it that is an enum code. */
export function rawCodesIn(text: string): string[] {
  const found = [...text.matchAll(SNAKE_CASE)].map((match) => `snake_case "${match[0]}"`);
  // A list cell ("scc; dpa") is as bad as a single code: each item is checked.
  for (const item of text.split(/; |\n/)) if (ENUM_CODES.has(item.trim())) found.push(`code "${item.trim()}"`);
  return found;
}

/** The strings of a JSON export a person reads: the header's title and notes, and every label beside a code. */
function jsonVisible(value: unknown, key = ""): string[] {
  if (typeof value === "string") return /(Label|Labels|Title|Titles|Names|description|pending|name|title|heading|label|concernReasons)$/.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => jsonVisible(item, key));
  if (value && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (key === "notes" ? [k, String(v)] : jsonVisible(v, k)));
  }
  return [];
}

describe("every report, in English and in French, shows labels, never codes", () => {
  let handle: DatabaseHandle | undefined;

  beforeAll(async () => {
    handle = await createTestDatabase("pglite");
    await seedDemoData(handle.db, { today: TODAY });
    await runFullEvaluation({ db: handle.db, today: TODAY });
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function exportOf(report: ExportReport, format: ExportFormat, language: ExportLanguage, template?: RopaTemplate) {
    const sink = bufferSink();
    // The demo's history reaches 152 days back (lib/seed/demo.ts): the audit period holds every event.
    const period = { from: addDays(TODAY, -160), to: TODAY };
    await runExport({ db: handle!.db, report, format, language, template, includePending: true, period, generatedBy: "Test DPO", out: sink.out });
    return sink.buffer();
  }

  async function visibleTexts(report: ExportReport, language: ExportLanguage, template?: RopaTemplate): Promise<Record<"csv" | "xlsx" | "pdf" | "json", string[]>> {
    const csv = (parse(await exportOf(report, "csv", language, template), { bom: true, relax_column_count: true }) as string[][]).flat();
    const xlsx: string[] = [];
    for (const sheet of (await readXlsx(await exportOf(report, "xlsx", language, template))).worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => (typeof cell.value === "string" ? xlsx.push(cell.value) : undefined)));
    }
    const pdf = await pdfLines(await exportOf(report, "pdf", language, template));
    const json = jsonVisible(JSON.parse((await exportOf(report, "json", language, template)).toString("utf8")));
    return { csv, xlsx, pdf, json };
  }

  function expectNoRawCode(texts: Record<string, string[]>, what: string) {
    expect(texts.csv!.length, "the CSV has cells").toBeGreaterThan(10);
    expect(texts.pdf!.length, "the PDF has text").toBeGreaterThan(10);
    for (const [format, list] of Object.entries(texts)) {
      // A PDF line is a fragment of a wrapped cell ("… under the" / "contract"): a word alone on it is no code,
      // so the PDF is read for snake_case tokens; its cells' values are the CSV's, read whole above.
      const check = format === "pdf" ? (text: string) => rawCodesIn(text).filter((problem) => problem.startsWith("snake_case")) : rawCodesIn;
      const problems = list.flatMap((text) => check(text).map((problem) => `${problem} in "${text.slice(0, 100)}"`));
      expect([...new Set(problems)], `${what} ${format}`).toEqual([]);
    }
  }

  for (const template of ROPA_TEMPLATES) {
    for (const language of EXPORT_LANGUAGES) {
      it(`Art. 30 record, ${template} template (${language}): CSV, XLSX, PDF and JSON hold no raw code`, async () => {
        expectNoRawCode(await visibleTexts("ropa", language, template), `ropa ${template} ${language}`);
      });
    }
  }

  for (const report of REPORTS) {
    for (const language of EXPORT_LANGUAGES) {
      it(`${report} (${language}): CSV, XLSX, PDF and JSON hold no raw code`, async () => {
        expectNoRawCode(await visibleTexts(report, language), `${report} ${language}`);
      });
    }

    it(`${report}: the French report has French headings`, async () => {
      const headers = async (language: ExportLanguage) => (parse(await exportOf(report, "csv", language), { bom: true }) as string[][])[0]!;
      const [en, fr] = [await headers("en"), await headers("fr")];
      expect(fr).toHaveLength(en.length);
      // Words that are the same in both languages.
      const same = new Set(["Destination", "Destinations", "Service", "Sources", "Action", "Exemptions", "Justification"]);
      expect(fr.filter((header, index) => header === en[index] && !same.has(header))).toEqual([]);
    });
  }

  it("the scan finds what it must: a snake_case token, a code, a code in a list; not a word or a label", () => {
    expect(rawCodesIn("tls1_3")).not.toEqual([]);
    expect(rawCodesIn("scc")).toEqual(['code "scc"']);
    expect(rawCodesIn("Data processing agreement; dpa")).toEqual(['code "dpa"']);
    expect(rawCodesIn("Standard contractual clauses (SCCs); TLS 1.3")).toEqual([]);
    expect(rawCodesIn("Oui, jusqu'au 17 mars 2026")).toEqual([]);
  });
});
