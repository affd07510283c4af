import { serialize } from "node:v8";
import { stringify } from "csv-stringify/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { checkUploadedImport } from "@/app/(dashboard)/import/import-file";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { TRANSFER_COLUMNS } from "@/lib/import/columns";
import { activeImports, DEFAULT_IMPORT_LIMITS, importLimits, withImportSlot, type ImportLimits } from "@/lib/import/limits";
import { parseImportCsv, parseImportWorkbook } from "@/lib/import/parse";
import { readImportFile } from "@/lib/import/request";
import { MAX_REPORTED_PROBLEMS } from "@/lib/import/rows";
import { XlsxWorkbookReader } from "@/lib/import/xlsx-reader";
import { createApiToken, createUser } from "@/lib/users/service";
import * as importRoute from "../app/api/v1/import/route";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR } from "./factories";
import { inline, repeatedPart, SHEET_HEAD, SHEET_TAIL, textPart, workbook, workbookParts, zip } from "./hostile-xlsx";

/*
 * Issue 14, item 1: an import cannot take the server down. The hostile files are generated here, small on
 * disk (./hostile-xlsx.ts: a zip bomb's way of repeating compressed bytes). Each is refused with the limit it
 * breaks, while the memory the test process uses stays flat. Before the fix the whole workbook was loaded by
 * exceljs and a CSV parsed whole: such files were read to the end, or exhausted the heap, or were refused
 * without naming any limit.
 */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MB = 1024 * 1024;

const HEADER_ROW = `<row r="1">${inline("externalId", "A1")}${inline("notes", "B1")}</row>`;

/** Runs `work`, sampling the heap and the memory outside it (Buffers, zlib) every few ms: the growth at its peak. */
async function peakGrowthDuring(work: () => Promise<unknown>): Promise<{ error: unknown; peakMb: number }> {
  const used = () => {
    const { heapUsed, external } = process.memoryUsage();
    return heapUsed + external;
  };
  const base = used();
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, used())), 10);
  let error: unknown = null;
  try {
    await work();
  } catch (caught) {
    error = caught;
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, used());
  }
  return { error, peakMb: (peak - base) / MB };
}

function refusal(error: unknown): AppError {
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${error instanceof Error ? error.stack : String(error)}`);
}

async function refused(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    return refusal(error);
  }
  throw new Error("expected a refusal");
}

const small = (overrides: Partial<ImportLimits>): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...overrides });

describe("import limits: hostile files are refused while memory stays flat (default limits)", () => {
  it("refuses a zip bomb (a 1 GiB sheet in under 4 MB, its size understated) with 413 naming the uncompressed limit, having inflated only up to it", async () => {
    // Well-formed XML the parser keeps reading, so that only the budget stops it: long comments, the
    // cheapest markup to parse (empty rows take the parser a few times longer for the same bytes).
    const comment = `<!--${" ".repeat(64 * 1024)}-->`;
    const unit = comment.repeat(Math.floor((8 * MB) / comment.length));
    const bomb = workbook(repeatedPart("sheet", { prefix: SHEET_HEAD + HEADER_ROW, unit, count: 128, suffix: SHEET_TAIL, claimedSize: 4096 }));
    expect(bomb.byteLength).toBeLessThan(4 * MB);

    let inflated = 0;
    const started = performance.now();
    const { error, peakMb } = await peakGrowthDuring(async () => {
      const reader = await XlsxWorkbookReader.open(bomb, { limits: DEFAULT_IMPORT_LIMITS, sheetKey: (name) => (name === "transfers" ? "transfers" : undefined) });
      try {
        await reader.readSheet("transfers", () => undefined);
      } finally {
        inflated = reader.inflatedBytes;
      }
    });
    const problem = refusal(error);
    expect(problem.status).toBe(413);
    expect(problem.message).toContain("IMPORT_MAX_UNCOMPRESSED_BYTES");
    expect(problem.message).toContain("64 MB");
    expect(problem.details.limit).toEqual({ name: "IMPORT_MAX_UNCOMPRESSED_BYTES", value: 64 * MB });
    // Stopped at the budget (one 16 KB zlib chunk past it at most), never near the gigabyte.
    expect(inflated).toBeGreaterThan(64 * MB);
    expect(inflated).toBeLessThan(64 * MB + 64 * 1024);
    expect(peakMb).toBeLessThan(64);
    console.info(`[import-limits] zip bomb refused after ${Math.round(performance.now() - started)} ms, peak growth ${peakMb.toFixed(1)} MB`);
  });

  it("refuses a bomb whose size is declared at once, before inflating anything", async () => {
    const bomb = workbook(repeatedPart("sheet", { prefix: SHEET_HEAD, unit: "<row/>".repeat(100_000), count: 200, suffix: SHEET_TAIL }));
    const problem = await refused(parseImportWorkbook(bomb));
    expect(problem.status).toBe(413);
    expect(problem.message).toMatch(/unpacks to more than 64 MB \(IMPORT_MAX_UNCOMPRESSED_BYTES\)/);
  });

  it("never inflates a part it does not need: a 1 GiB bomb in xl/media costs nothing", async () => {
    const sheet = textPart("sheet", `${SHEET_HEAD}${HEADER_ROW}<row r="2">${inline("t-1", "A2")}${inline("fine", "B2")}</row>${SHEET_TAIL}`);
    const hidden = repeatedPart("xl/media/image1.png", { prefix: "", unit: "\0".repeat(8 * MB), count: 128, suffix: "" });
    const file = workbook(sheet, { extra: [hidden] });
    const { error, peakMb } = await peakGrowthDuring(async () => {
      expect((await parseImportWorkbook(file)).transfers.map((entry) => entry.row)).toEqual([2]);
    });
    expect(error).toBeNull();
    expect(peakMb).toBeLessThan(16);
  });

  it("refuses 1,048,576 rows (XLSX) with 422 naming the row limit, at its 20,001st row", async () => {
    const file = workbook(repeatedPart("sheet", { prefix: SHEET_HEAD + HEADER_ROW, unit: `<row>${inline("x")}</row>`.repeat(1024), count: 1024, suffix: SHEET_TAIL }));
    const { error, peakMb } = await peakGrowthDuring(() => parseImportWorkbook(file));
    const problem = refusal(error);
    expect(problem.status).toBe(422);
    expect(problem.details.fields).toEqual([{ path: "(file)", message: expect.stringContaining("more than 20,000 rows with data (IMPORT_MAX_ROWS") }]);
    expect(problem.details.limit).toEqual({ name: "IMPORT_MAX_ROWS", value: 20_000 });
    expect(peakMb).toBeLessThan(64);
  });

  it("refuses 100,000 columns (XLSX) with 422 naming the column limit, at the 101st cell of the row", async () => {
    const file = workbook(repeatedPart("sheet", { prefix: `${SHEET_HEAD}<row r="1">`, unit: inline("h").repeat(1000), count: 100, suffix: `</row>${SHEET_TAIL}` }));
    const { error, peakMb } = await peakGrowthDuring(() => parseImportWorkbook(file));
    const problem = refusal(error);
    expect(problem.status).toBe(422);
    expect(problem.message).toBe('(file): Sheet "transfers", row 1, has more than 100 columns (IMPORT_MAX_COLUMNS)');
    expect(problem.details.limit).toEqual({ name: "IMPORT_MAX_COLUMNS", value: 100 });
    expect(peakMb).toBeLessThan(16);
  });

  it("refuses a cell that names a column far to the right (XFD) as too many columns", async () => {
    const file = workbook(textPart("sheet", `${SHEET_HEAD}${HEADER_ROW}<row r="2">${inline("x", "XFD2")}</row>${SHEET_TAIL}`));
    expect((await refused(parseImportWorkbook(file))).message).toContain('Sheet "transfers", row 2, has more than 100 columns');
  });

  it("refuses 1,048,576 rows and 100,000 columns as CSV too, with the same limits", async () => {
    const rows = await peakGrowthDuring(async () => parseImportCsv(`externalId\n${"x\n".repeat(1_048_576)}`, "transfers"));
    expect(refusal(rows.error).details.limit).toEqual({ name: "IMPORT_MAX_ROWS", value: 20_000 });
    expect(rows.peakMb).toBeLessThan(64);

    const columns = await peakGrowthDuring(async () => parseImportCsv(`${"h,".repeat(99_999)}h\n`, "transfers"));
    const problem = refusal(columns.error);
    expect(problem.message).toBe("(file): Line 1 has more than 100 columns (IMPORT_MAX_COLUMNS)");
    expect(columns.peakMb).toBeLessThan(16);
  });

  it("refuses a DTD (billion laughs) and a run of text that completes no element, as unreadable", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "${"ha".repeat(10)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row>${inline("&b;")}</row></sheetData></worksheet>`;
    const dtd = await refused(parseImportWorkbook(workbook(textPart("sheet", laughs))));
    expect(dtd.status).toBe(422);
    expect(dtd.message).toMatch(/not a readable XLSX workbook: .*DTD/);

    const endless = workbook(repeatedPart("sheet", { prefix: `${SHEET_HEAD}<row>${"<c t=\"inlineStr\"><is><t>"}`, unit: "&amp;".repeat(100_000), count: 40, suffix: "</t></is></c></row>" + SHEET_TAIL }));
    const run = await peakGrowthDuring(() => parseImportWorkbook(endless));
    expect(refusal(run.error).message).toMatch(/not a readable XLSX workbook: .*(longer than Excel's 32,767 characters|complete no XML element)/);
    expect(run.peakMb).toBeLessThan(64);
  });
});

describe("import limits: what a read file holds", () => {
  it("keeps of each row only what its own check made of it: 20,000 rows of wrong cells leave their numbers and the first 1,000 problems", () => {
    const header = TRANSFER_COLUMNS.map((column) => column.name);
    const wrong = Array.from({ length: 20_000 }, (_, index) => header.map((name) => `?${name}-${index}`));
    const good = header.map((name) => ({ externalId: "t-ok", processorName: "Acme", activityName: "Hosting", exporterName: "Example Inc.", originCountry: "us", destinationCountry: "DE" })[name] ?? "");
    const rows = parseImportCsv(stringify([header, good, ...wrong.slice(1)]), "transfers");

    expect(rows.transfers).toHaveLength(20_000);
    // The good row: the schema's output (country upper-cased, defaults filled) and its references as written.
    expect(rows.transfers[0]).toMatchObject({
      row: 2,
      checked: {
        data: { externalId: "t-ok", originCountry: "US", destinationCountry: "DE", accessType: "storage", subjectRegions: [] },
        references: { processorExternalId: "", processorName: "Acme", activityName: "Hosting", exporterName: "Example Inc." },
        rejected: false,
      },
    });
    // The wrong ones: the row number only; their problems listed up to the cap and all counted.
    expect(rows.transfers[1]).toEqual({ row: 3, checked: null });
    expect(rows.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(rows.problems[0]).toMatchObject({ sheet: "transfers", row: 3 });
    expect(rows.problemCount).toBeGreaterThan(19_999 * 15);
    // Kept as read (each row's cells by column, as before), these rows serialise to 20 MB, held to the end of the dry run.
    expect(serialize(rows).byteLength).toBeLessThan(1 * MB);
  });
});

describe("import limits: at the limit passes, one past is refused", () => {
  const limits = small({ maxRows: 3, maxColumns: 4 });

  it("counts rows with data only, every sheet together", () => {
    expect(parseImportCsv("name,country\na,DE\n,\nb,FR\nc,IT\n\n", "processors", { limits }).processors.map((row) => row.row)).toEqual([2, 4, 5]);
    const problem = refusal(catching(() => parseImportCsv("name,country\na,DE\nb,FR\nc,IT\nd,ES\n", "processors", { limits })));
    expect(problem.details.fields).toEqual([{ path: "(file)", message: "has more than 3 rows with data (IMPORT_MAX_ROWS, all sheets together): split it into smaller files" }]);
  });

  it("counts a CSV's fields and an XLSX's highest column", async () => {
    expect(parseImportCsv("name,country,notes,x\na,DE,,\n", "processors", { limits }).processors).toHaveLength(1);
    expect(refusal(catching(() => parseImportCsv("name,country,notes,x,y\n", "processors", { limits }))).details.limit).toEqual({ name: "IMPORT_MAX_COLUMNS", value: 4 });

    const atLimit = workbook(textPart("sheet", `${SHEET_HEAD}${HEADER_ROW}<row r="2">${inline("t", "A2")}${inline("z", "D2")}</row>${SHEET_TAIL}`));
    expect((await parseImportWorkbook(atLimit, { limits })).transfers.map((entry) => entry.row)).toEqual([2]);
    const past = workbook(textPart("sheet", `${SHEET_HEAD}${HEADER_ROW}<row r="2">${inline("t", "A2")}${inline("z", "E2")}</row>${SHEET_TAIL}`));
    expect((await refused(parseImportWorkbook(past, { limits, field: "file" }))).details.fields).toEqual([
      { path: "file", message: 'Sheet "transfers", row 2, has more than 4 columns (IMPORT_MAX_COLUMNS)' },
    ]);
  });

  it("counts the uncompressed bytes of every part read, and refuses one byte past them", async () => {
    const sheet = textPart("sheet", `${SHEET_HEAD}${HEADER_ROW}<row r="2">${inline("t-1", "A2")}</row>${SHEET_TAIL}`);
    const file = workbook(sheet);
    const reader = await XlsxWorkbookReader.open(file, { limits: DEFAULT_IMPORT_LIMITS, sheetKey: (name) => name });
    await reader.readSheet("transfers", () => undefined);
    const needed = reader.inflatedBytes;
    expect((await parseImportWorkbook(file, { limits: small({ maxUncompressedBytes: needed }) })).transfers).toHaveLength(1);
    expect((await refused(parseImportWorkbook(file, { limits: small({ maxUncompressedBytes: needed - 1 }) }))).status).toBe(413);
  });

  it("resolves every shared string of a large table (packed in blocks) to its cell, and an index past the table to blank", async () => {
    const count = 100_000; // about 14 blocks of 64 K characters
    const strings = Array.from({ length: count }, (_, index) => `<si><t>s${index}</t></si>`).join("");
    const references = [0, 1, 7_000, 65_535, 70_001, count - 1, count];
    const rows = references.map((index, row) => `<row r="${row + 2}">${inline(`r${row}`, `A${row + 2}`)}<c r="B${row + 2}" t="s"><v>${index}</v></c></row>`).join("");
    const file = zip([
      ...workbookParts(),
      textPart("xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`),
      textPart("xl/worksheets/sheet1.xml", `${SHEET_HEAD}${HEADER_ROW}${rows}${SHEET_TAIL}`),
    ]);
    const reader = await XlsxWorkbookReader.open(file, { limits: DEFAULT_IMPORT_LIMITS, sheetKey: (name) => (name === "transfers" ? "transfers" : undefined) });
    const notes: string[] = [];
    await reader.readSheet("transfers", (row, cells) => row > 1 && notes.push(cells.get(2) ?? ""));
    expect(notes).toEqual([...references.slice(0, -1).map((index) => `s${index}`), ""]);
  });

  it("refuses an upload past IMPORT_MAX_BYTES with 413 while it streams, whatever Content-Length says", async () => {
    const body = `name,country\n${"a,DE\n".repeat(400)}`; // 2,013 bytes
    const request = (chunked: boolean) =>
      new Request("http://localhost/api/v1/import?kind=processors", {
        method: "POST",
        headers: { "content-type": "text/csv" },
        // A stream has no Content-Length: the limit must hold while counting.
        body: chunked ? new Blob([body]).stream() : body,
        ...(chunked ? { duplex: "half" } : {}),
      } as RequestInit);
    expect((await readImportFile(request(false), small({ maxUploadBytes: 2013 }))).rows.processors).toHaveLength(400);
    for (const chunked of [false, true]) {
      const problem = await refused(readImportFile(request(chunked), small({ maxUploadBytes: 2012 })));
      expect(problem.status).toBe(413);
      expect(problem.message).toBe("The file is larger than 2,012 bytes (IMPORT_MAX_BYTES), the most an import takes.");
      expect(problem.details.limit).toEqual({ name: "IMPORT_MAX_BYTES", value: 2012 });
    }
  });
});

function catching(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("import limits: configuration and the per-instance slots", () => {
  it("reads each limit from its environment variable, and names a bad one", () => {
    // One import at a time on PGlite (one wasm instance runs every query, one thread reads every file), two on PostgreSQL.
    expect(importLimits({})).toEqual({ ...DEFAULT_IMPORT_LIMITS, concurrency: 1 });
    expect(importLimits({ DATABASE_URL: "postgres://app@db.internal/governance" })).toEqual({ ...DEFAULT_IMPORT_LIMITS, concurrency: 2 });
    expect(importLimits({ IMPORT_CONCURRENCY: "3" }).concurrency).toBe(3);
    expect(importLimits({ DATABASE_URL: "postgres://app@db.internal/governance", IMPORT_CONCURRENCY: "1" }).concurrency).toBe(1);
    expect(importLimits({ IMPORT_MAX_ROWS: "50000", IMPORT_CONCURRENCY: " 4 ", IMPORT_MAX_BYTES: "" })).toMatchObject({ maxRows: 50_000, concurrency: 4, maxUploadBytes: 20 * MB });
    expect(() => importLimits({ IMPORT_MAX_COLUMNS: "0" })).toThrow('IMPORT_MAX_COLUMNS must be a positive whole number, got "0".');
    expect(() => importLimits({ IMPORT_MAX_UNCOMPRESSED_BYTES: "64MB" })).toThrow(/IMPORT_MAX_UNCOMPRESSED_BYTES/);
  });

  it("runs at most IMPORT_CONCURRENCY imports at once: 429 with Retry-After beyond, a slot freed however an import ends", async () => {
    const limits = small({ concurrency: 2 });
    const gates: (() => void)[] = [];
    const held = [0, 1].map(() => withImportSlot(() => new Promise<string>((resolve) => gates.push(() => resolve("done"))), limits));
    expect(activeImports()).toBe(2);
    const busy = await refused(withImportSlot(async () => "third", limits));
    expect(busy.status).toBe(429);
    expect(busy.details.retryAfterSeconds).toBe(5);
    expect(busy.message).toBe("2 imports are already running on this server (IMPORT_CONCURRENCY): try again in a few seconds.");

    gates[0]!();
    expect(await held[0]).toBe("done");
    expect(await withImportSlot(async () => "third", limits)).toBe("third");
    await refused(withImportSlot(async () => Promise.reject(new AppError("validation_failed", "bad file")), limits));
    expect(activeImports()).toBe(1);
    gates[1]!();
    await held[1];
    expect(activeImports()).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Through the API and the import page, as the server runs them.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

describeOnDatabases("import limits through the API and the page", (use) => {
  let token = "";

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const ctx = { db: use().db, actor: SYSTEM_ACTOR, today: "2026-01-01" };
    const { record: user } = await createUser({ ctx, input: { email: "engineer@import-limits.test", name: "Limits engineer", role: "engineer" } });
    token = (await createApiToken({ ctx, input: { userId: user.id, name: "tests" } })).token;
  });

  afterEach(() => {
    delete process.env.IMPORT_MAX_BYTES;
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  const post = (body: BodyInit, contentType: string, query = "") =>
    (importRoute.POST as unknown as Handler)(
      new Request(`http://localhost:3000/api/v1/import${query}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body }),
      { params: Promise.resolve({}) },
    );

  it("answers 422 naming the column limit for a 100,000-column workbook, and 422 naming the row limit for 1,048,576 rows", async () => {
    const wide = workbook(repeatedPart("sheet", { prefix: `${SHEET_HEAD}<row r="1">`, unit: inline("h").repeat(1000), count: 100, suffix: `</row>${SHEET_TAIL}` }));
    const response = await post(wide, XLSX);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      code: "validation_failed",
      detail: '(file): Sheet "transfers", row 1, has more than 100 columns (IMPORT_MAX_COLUMNS)',
      limit: { name: "IMPORT_MAX_COLUMNS", value: 100 },
    });

    const long = await post(`externalId\n${"x\n".repeat(1_048_576)}`, "text/csv", "?kind=transfers");
    expect(long.status).toBe(422);
    expect(await long.json()).toMatchObject({ limit: { name: "IMPORT_MAX_ROWS", value: 20_000 } });
  });

  it("answers 413 naming IMPORT_MAX_BYTES, as configured", async () => {
    process.env.IMPORT_MAX_BYTES = "1024";
    const response = await post("x".repeat(1025), "text/csv", "?kind=processors");
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large", detail: expect.stringContaining("1,024 bytes (IMPORT_MAX_BYTES)"), limit: { name: "IMPORT_MAX_BYTES", value: 1024 } });
  });

  it("answers 429 with Retry-After while the instance's import slots are taken, on the API and the page alike", async () => {
    // As many as this environment allows (the tests name no DATABASE_URL: PGlite's one, on either database).
    const { concurrency } = importLimits();
    const gates: (() => void)[] = [];
    const held = Array.from({ length: concurrency }, () => withImportSlot(() => new Promise<void>((resolve) => gates.push(resolve))));
    try {
      const response = await post("name,country\nA,DE\n", "text/csv", "?kind=processors");
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toMatchObject({ code: "rate_limited", limit: { name: "IMPORT_CONCURRENCY", value: concurrency } });

      const form = new FormData();
      form.set("file", new File(["name,country\nA,DE\n"], "vendors.csv", { type: "text/csv" }));
      form.set("kind", "processors");
      const page = await refused(checkUploadedImport({ ctx: { db: use().db, actor: TEST_ACTOR, today: "2026-01-01" }, input: { form } }));
      expect(page.code).toBe("rate_limited");
      expect(page.message).toContain("try again in a few seconds");
    } finally {
      gates.forEach((open) => open());
      await Promise.all(held);
    }
    const after = await post("name,country\nA,DE\n", "text/csv", "?kind=processors");
    expect(after.status).toBe(200);
  });
});
