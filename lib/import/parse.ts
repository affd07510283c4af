import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { COLUMNS, IMPORT_KINDS, type ImportKind, type ImportRows, type RawRow } from "./columns";

/*
 * Reading an import file into rows of strings keyed by column name. Typing the cells (booleans, numbers,
 * lists) is validation's job, so that a CSV and an XLSX of the same content validate the same way.
 */

function fileError(message: string): AppError {
  return new AppError("validation_failed", message, { fields: [{ path: "(file)", message }] });
}

/** Turns a header + data records into RawRows; rows whose cells are all blank are skipped (numbering kept). */
function toRows(kind: ImportKind, records: { row: number; cells: string[] }[], header: string[], out: ImportRows): void {
  const known = new Set(COLUMNS[kind].map((column) => column.name));
  header.forEach((name) => {
    if (name !== "" && !known.has(name)) (out.unknownColumns ??= []).push({ sheet: kind, column: name });
  });
  for (const { row, cells } of records) {
    if (cells.every((cell) => cell.trim() === "")) continue;
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      if (known.has(name)) values[name] = (cells[index] ?? "").trim();
    });
    out[kind].push({ row, values });
  }
}

/** A CSV of one kind; the first record is the header. A UTF-8 BOM (Excel's "CSV UTF-8") is ignored. */
export function parseImportCsv(text: string, kind: ImportKind): ImportRows {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw fileError(`The CSV could not be read: ${error instanceof Error ? error.message : "syntax error"}`);
  }
  const out: ImportRows = { entities: [], processors: [], transfers: [] };
  const [header, ...data] = records;
  if (!header) throw fileError("The CSV is empty: the first row must name the columns.");
  toRows(
    kind,
    data.map((cells, index) => ({ row: index + 2, cells })),
    header.map((name) => name.trim()),
    out,
  );
  return out;
}

/** The text of an exceljs cell value: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return "";
  }
  return String(value);
}

/** An XLSX with an "entities", a "processors" and/or a "transfers" sheet (other sheets, like "Read me", are ignored). */
export async function parseImportWorkbook(buffer: ArrayBuffer | Uint8Array): Promise<ImportRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((buffer instanceof Uint8Array ? Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) : Buffer.from(buffer)) as never);
  } catch {
    throw fileError("The file is not a readable XLSX workbook.");
  }
  const out: ImportRows = { entities: [], processors: [], transfers: [] };
  let found = 0;
  for (const kind of IMPORT_KINDS) {
    const sheet = workbook.worksheets.find((candidate) => candidate.name.trim().toLowerCase() === kind);
    if (!sheet) continue;
    found++;
    const width = sheet.columnCount;
    const header: string[] = [];
    for (let col = 1; col <= width; col++) header.push(cellText(sheet.getRow(1).getCell(col).value).trim());
    const records: { row: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: string[] = [];
      for (let col = 1; col <= width; col++) cells.push(cellText(row.getCell(col).value));
      records.push({ row: rowNumber, cells });
    });
    toRows(kind, records, header, out);
  }
  if (found === 0) throw fileError(`The workbook has no "entities", "processors" or "transfers" sheet.`);
  return out;
}

/**
 * The rows of an uploaded file, whatever carried it (the API's request body, the import page's form): a
 * workbook, or a UTF-8 CSV of the kind the uploader named. `fields` names where each problem is reported.
 */
export async function parseImportUpload(
  upload: { format: "xlsx" | "csv"; bytes: Uint8Array; kind: string | undefined },
  fields: { file: string; kind: string },
): Promise<ImportRows> {
  if (upload.format === "xlsx") return parseImportWorkbook(upload.bytes);
  const kind = upload.kind;
  if (kind === undefined || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw uploadProblem(fields.kind, "is required for a CSV: say whether it holds entities, processors or transfers");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(upload.bytes);
  } catch {
    throw uploadProblem(fields.file, "is not UTF-8 text (save the CSV as “CSV UTF-8”)");
  }
  return parseImportCsv(text, kind as ImportKind);
}

function uploadProblem(path: string, message: string): AppError {
  return new AppError("validation_failed", `${path}: ${message}`, { fields: [{ path, message }] });
}
