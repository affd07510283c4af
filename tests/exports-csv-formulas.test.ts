import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { runExport } from "@/lib/exports/run";
import { createTestDatabase } from "./databases";
import { makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * Issue 14, item 5: the CNIL register as CSV, opened by a spreadsheet that splits at `;` (a French locale),
 * shows text and computes nothing, whatever a record's name holds. Checked by a lenient CSV parser with both
 * separators, and by LibreOffice itself (`soffice --headless --convert-to fods` with formulas evaluated) when
 * it is installed (Debian: apt-get install libreoffice-calc-nogui).
 *
 * The text of the records is the attacker's: a formula after a separator, a HYPERLINK, a line break, full-width
 * signs. One database is enough: the bytes do not depend on the driver.
 */

const TODAY = "2026-03-01";
const HOSTILE = {
  activity: "Analytics;=1+1",
  purpose: 'Support, @SUM(A1);-2+3;"=HYPERLINK(""http://evil.example"",""x"")"',
  retention: "12 months\n=cmd|' /C calc'!A0",
  processor: "=HYPERLINK(\"http://evil.example\",\"Vendor\")",
  fullWidth: "Vendor；＝1+1",
};

/** A formula's start in a cell: what a spreadsheet computes (blanks and quotes first: trimmed or opening a field). */
const FORMULA = /^[ \u00A0\u3000"]*[=+\-@＝＋－＠]/;

let handle: DatabaseHandle;
let csv: Buffer;
let folder: string;

beforeAll(async () => {
  handle = await createTestDatabase("pglite");
  const exporter = await makeEntity(handle.db, { name: "Caméra SAS", country: "FR" });
  const activity = await makeActivity(handle.db, exporter.id, { name: HOSTILE.activity, purpose: HOSTILE.purpose, retentionPeriod: HOSTILE.retention });
  const processor = await makeProcessor(handle.db, { name: HOSTILE.processor });
  const other = await makeProcessor(handle.db, { name: HOSTILE.fullWidth });
  await makeTransfer(handle.db, { today: TODAY, exporterEntityId: exporter.id, activityId: activity.id, processorId: processor.id });
  await makeTransfer(handle.db, { today: TODAY, exporterEntityId: exporter.id, activityId: activity.id, processorId: other.id });
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await runExport({ db: handle.db, report: "ropa", template: "cnil", format: "csv", includePending: true, out, generatedAt: new Date(`${TODAY}T10:00:00Z`) });
  csv = Buffer.concat(chunks);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "governance-csv-formulas-"));
});

afterAll(async () => {
  await handle?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe("the CNIL CSV with hostile text", () => {
  it("reads back as the exact text, each hostile value marked inert, with a strict parser and `,`", () => {
    const records = parse(csv, { bom: true }) as string[][];
    const cells = records.slice(1).flat();
    expect(cells).toContain("Analytics;'=1+1");
    expect(cells.some((cell) => cell.includes("Support, '@SUM(A1);'-2+3;\"'=HYPERLINK("))).toBe(true);
    expect(cells.some((cell) => cell.startsWith("12 months\n'=cmd|"))).toBe(true);
    expect(cells.some((cell) => cell.includes("'=HYPERLINK(\"http://evil.example\",\"Vendor\")"))).toBe(true);
    for (const cell of cells) expect(cell).not.toMatch(FORMULA);
  });

  it("quotes every cell holding `;`, so a reader honouring quotes keeps it whole", () => {
    const text = csv.toString("utf8");
    const withSemicolon = (parse(csv, { bom: true }) as string[][]).flat().filter((cell) => cell.includes(";"));
    expect(withSemicolon.length).toBeGreaterThanOrEqual(3);
    for (const cell of withSemicolon) expect(text).toContain(`"${cell.replaceAll('"', '""')}"`);
  });

  it("starts no formula when split at `;` as a French spreadsheet does", () => {
    const records = parse(csv, { bom: true, delimiter: ";", relax_quotes: true, relax_column_count: true }) as string[][];
    for (const cell of records.flat()) expect(cell, cell).not.toMatch(FORMULA);
  });
});

function findLibreOffice(): string | null {
  for (const candidate of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

const libreOffice = findLibreOffice();

/**
 * Opens a CSV in LibreOffice Calc as a user would with that separator, formulas evaluated (CSV filter options:
 * separator, `"` as text delimiter, UTF-8, from line 1, …, token 13 "evaluate formulas" = true), and saves it as
 * flat ODF: a computed cell carries `table:formula`.
 */
function openInLibreOffice(file: string, separator: "," | ";", trimSpaces: boolean): string {
  const profile = path.join(folder, "profile");
  const outdir = path.join(folder, `out-${separator === "," ? "comma" : "semicolon"}-${trimSpaces}`);
  const filter = `CSV:${separator.charCodeAt(0)},34,76,1,,0,false,true,false,false,${trimSpaces},-1,true`;
  const result = spawnSync(libreOffice!, ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, `--infilter=${filter}`, "--convert-to", "fods", "--outdir", outdir, file], {
    encoding: "utf8",
    timeout: 120_000,
  });
  const converted = path.join(outdir, `${path.basename(file, ".csv")}.fods`);
  if (!fs.existsSync(converted)) throw new Error(`LibreOffice did not convert ${file}: ${result.stderr || result.stdout}`);
  return fs.readFileSync(converted, "utf8");
}

describe("LibreOffice opening the CNIL CSV", () => {
  // npm test installs it (scripts/test.sh); a run without it must say so, not pass silently.
  if (!libreOffice) {
    it("needs LibreOffice Calc (apt-get install -y libreoffice-calc-nogui)", () => {
      throw new Error("LibreOffice is not installed: apt-get install -y libreoffice-calc-nogui (npm test does it when run as root)");
    });
    return;
  }

  it("computes a formula in an unprotected file (the check can fail)", () => {
    const control = path.join(folder, "control.csv");
    fs.writeFileSync(control, "\uFEFFName,Note\r\nAcme,x;=1+1\r\n");
    expect(openInLibreOffice(control, ";", false)).toMatch(/table:formula="of:=1\+1"/);
  });

  it.each([
    [";", false],
    [";", true],
    [",", false],
    [",", true],
  ] as const)("shows text and computes nothing, split at %j (trim spaces: %s)", (separator, trimSpaces) => {
    const file = path.join(folder, `ropa-cnil-${separator === "," ? "comma" : "semicolon"}-${trimSpaces}.csv`);
    fs.writeFileSync(file, csv);
    const sheet = openInLibreOffice(file, separator, trimSpaces);
    expect(sheet).toContain("office:value-type=\"string\"");
    expect(sheet).not.toMatch(/table:formula=/);
  });
});
