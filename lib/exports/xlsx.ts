import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { TransferRegisterRow } from "@/db/queries/exports";
import { controllerTable, coverFacts, coverLabels, type CoverInput } from "./cover";
import { neutralizeCell, type CellValue } from "./neutralize";
import type { ExportColumn, ExportMeta, ReportLanguage } from "./report";
import { waitForDrain } from "./streams";
import { TRANSFER_REGISTER_COLUMNS, TRANSFER_REGISTER_SHEET, TRANSFER_REGISTER_TITLE } from "./transfer-register";

export const COVER_SHEET = "Cover";
export const COVER_SHEET_FR = "Page de garde";

/** A streaming sheet: exceljs types it as a Worksheet, with `commit()` on it and on its rows. */
type Worksheet = ExcelJS.Worksheet & { commit(): void };
type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/** Bytes of a sheet allowed to wait for the zip's compressor before the rows wait. */
const ZIP_BACKLOG = 4 * 1024 * 1024;

/** A stream's queued bytes: node's `writableLength`, or the state field of the older readable-stream archiver uses. */
function backlog(stream: Writable): number {
  return stream.writableLength ?? (stream as unknown as { _writableState?: { length?: number } })._writableState?.length ?? 0;
}

/**
 * The streams a streaming sheet writes its XML into: exceljs's StreamBuf pipes each 64 kB batch on to the
 * zip (archiver's input for the entry) ignoring their back-pressure. Private fields of exceljs 4.4
 * (`_stream`, `pipes`), read defensively: without them the export still works, only less bounded.
 */
function zipInputsOf(sheet: Worksheet): Writable[] {
  const stream = (sheet as unknown as { _stream?: { pipes?: unknown } })._stream;
  const pipes = stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter((pipe): pipe is Writable => typeof (pipe as Writable | null)?.write === "function") : [];
}

/** Excel column letters: 1 -> A, 27 -> AA. */
function columnLetter(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim() || "Sheet";
  let name = clean.slice(0, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = clean.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/**
 * A streaming workbook (exceljs WorkbookWriter): each row is serialised when committed and leaves through
 * the zip as it goes, so memory holds the zip's buffers, not the register.
 *
 * exceljs opens a sheet's zip entry when the sheet is created, and the zip writes its entries one after the
 * other: a sheet created first but committed last (the cover, which carries the row count) would hold every
 * later sheet in memory until the end. So the cover is created last and moved to the first tab just before
 * the workbook is committed (the tab order is the order of workbook.xml's sheet list, not of the zip).
 */
class StreamingWorkbook {
  private readonly workbook: WorkbookWriter;
  private readonly names = new Set<string>();
  private readonly order: Worksheet[] = [];

  constructor(
    private readonly out: Writable,
    meta: Pick<ExportMeta, "generatedAt" | "generatedBy">,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.workbook.created = meta.generatedAt;
    this.workbook.modified = meta.generatedAt;
    this.workbook.creator = meta.generatedBy ?? "Transfer governance";
  }

  /** A sheet with a bold, frozen header row that repeats on printed pages. */
  addTable(name: string, columns: readonly { header: string; width: number }[]): Worksheet {
    const sheet = this.workbook.addWorksheet(sheetName(name, this.names), {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
      pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    });
    sheet.columns = columns.map((column) => ({ width: Math.min(Math.max(column.width, 8), 80) }));
    const header = sheet.addRow(columns.map((column) => neutralizeCell(column.header)));
    header.font = { bold: true };
    header.alignment = { vertical: "top", wrapText: true };
    header.commit();
    this.order.push(sheet);
    return sheet;
  }

  /**
   * Adds a row; waits while the zip or the client is slower than the rows come (exceljs ignores
   * back-pressure at both ends: it writes a sheet's bytes on to the zip without waiting, so a fast
   * database would pile the register up in the zip's input while it compresses).
   */
  async addRow(sheet: Worksheet, values: readonly CellValue[]): Promise<void> {
    if (this.out.destroyed || this.out.writableEnded) throw new Error("The export output closed before the end.");
    const row = sheet.addRow(values.map((value) => neutralizeCell(value)));
    row.alignment = { vertical: "top", wrapText: true };
    row.commit();
    if (this.out.writableNeedDrain) await waitForDrain(this.out);
    for (const zipInput of zipInputsOf(sheet)) {
      if (backlog(zipInput) > ZIP_BACKLOG) await waitForDrain(zipInput);
    }
  }

  /** Commits a table with an autofilter over exactly the rows written. */
  endTable(sheet: Worksheet, columnCount: number, rowCount: number): void {
    sheet.autoFilter = `A1:${columnLetter(columnCount)}${rowCount + 1}`;
    sheet.commit();
  }

  /** The cover (created last, shown first): title, facts, controllers, contents. */
  addCover(name: string, title: string, lines: readonly (readonly CellValue[])[], boldRows: ReadonlySet<number>): void {
    const cover = this.workbook.addWorksheet(sheetName(name, this.names));
    cover.columns = [{ width: 34 }, { width: 70 }, { width: 40 }, { width: 40 }];
    const heading = cover.addRow([neutralizeCell(title)]);
    heading.font = { bold: true, size: 14 };
    heading.commit();
    lines.forEach((values, index) => {
      const row = cover.addRow(values.map((value) => neutralizeCell(value)));
      row.getCell(1).font = { bold: true };
      if (boldRows.has(index)) row.font = { bold: true };
      row.alignment = { vertical: "top", wrapText: true };
      row.commit();
    });
    cover.commit();
    this.order.unshift(cover);
  }

  async commit(): Promise<void> {
    // See the class comment: the tab order is set here, from the sheets' intended order.
    // exceljs keeps a sparse array indexed from 1 (the hole at 0 must stay a hole: it maps over it).
    const sheets: Worksheet[] = [];
    this.order.forEach((sheet, index) => {
      sheets[index + 1] = sheet;
    });
    (this.workbook as unknown as { _worksheets: Worksheet[] })._worksheets = sheets;
    await this.workbook.commit();
  }
}

export interface XlsxReportInput<Row> {
  /** Called once per pass: the CNIL workbook reads the record twice (its summary sheet, then one sheet per activity). */
  rows: () => AsyncIterable<Row>;
  out: Writable;
  title: string;
  sheetName: string;
  language?: ReportLanguage;
  columns: readonly ExportColumn<Row>[];
  meta: Partial<ExportMeta> & { generatedAt?: Date };
  cover?: Omit<CoverInput, "meta" | "language">;
  /** One more sheet per row (the CNIL "fiche de registre"), after the register's sheet. */
  recordSheets?: { title: (row: Row) => string; fields: (row: Row) => [string, CellValue][] };
}

/**
 * Writes a report as one workbook: a cover sheet (title, generated at, as of, scope, controllers and DPOs,
 * contents with row counts) and the register's sheet, frozen header row, autofilter, column widths from the
 * report's columns; the CNIL record adds one sheet per activity. Every text cell is neutralised against
 * formula injection. Ends `out`; resolves with the number of data rows once the workbook is complete.
 */
export async function writeXlsxReport<Row>(input: XlsxReportInput<Row>): Promise<number> {
  const language = input.language ?? "en";
  const labels = coverLabels(language);
  const generatedAt = input.meta.generatedAt ?? new Date();
  const meta: ExportMeta = { includePending: false, asOf: generatedAt.toISOString().slice(0, 10), ...input.meta, generatedAt };
  const book = new StreamingWorkbook(input.out, meta);

  const sheet = book.addTable(input.sheetName, input.columns);
  let count = 0;
  for await (const row of input.rows()) {
    await book.addRow(
      sheet,
      input.columns.map((column) => column.value(row)),
    );
    count += 1;
  }
  book.endTable(sheet, input.columns.length, count);
  const contents: [string, number][] = [[sheet.name, count]];

  if (input.recordSheets) {
    const fieldColumns = [
      { header: labels.item, width: 44 },
      { header: labels.content, width: 90 },
    ];
    let index = 0;
    for await (const row of input.rows()) {
      index += 1;
      const fiche = book.addTable(`${index} ${input.recordSheets.title(row)}`, fieldColumns);
      const fields = input.recordSheets.fields(row);
      for (const [label, value] of fields) await book.addRow(fiche, [label, value]);
      book.endTable(fiche, 2, fields.length);
      contents.push([fiche.name, fields.length]);
    }
  }

  const facts = coverFacts({ meta, language, ...input.cover }, count);
  const lines: CellValue[][] = [[], ...facts.map(([label, value]) => [label, value])];
  const boldRows = new Set<number>();
  const controllers = meta.controllers ?? [];
  if (controllers.length) {
    lines.push([]);
    boldRows.add(lines.length);
    const table = controllerTable(controllers, labels);
    lines.push(table.header);
    for (const row of table.rows) lines.push(row);
  }
  lines.push([]);
  boldRows.add(lines.length);
  lines.push([labels.contents, labels.rows]);
  for (const [name, rows] of contents) lines.push([name, rows]);
  book.addCover(language === "fr" ? COVER_SHEET_FR : COVER_SHEET, input.title, lines, boldRows);

  await book.commit();
  return count;
}

/** The earlier API: one register sheet and a cover (kept for the transfer register's callers). */
export function writeXlsx<Row>(
  rows: AsyncIterable<Row>,
  out: Writable,
  report: { title: string; sheetName: string; columns: readonly ExportColumn<Row>[] },
  meta: Partial<ExportMeta> = {},
): Promise<number> {
  return writeXlsxReport({ rows: () => rows, out, title: report.title, sheetName: report.sheetName, columns: report.columns, meta });
}

export function writeTransferRegisterXlsx(
  rows: AsyncIterable<TransferRegisterRow>,
  out: Writable,
  meta: Partial<ExportMeta> = {},
): Promise<number> {
  return writeXlsx(rows, out, { title: TRANSFER_REGISTER_TITLE, sheetName: TRANSFER_REGISTER_SHEET, columns: TRANSFER_REGISTER_COLUMNS }, meta);
}
