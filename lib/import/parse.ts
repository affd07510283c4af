import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { COLUMNS, IMPORT_KINDS, type ImportKind, type ImportRows, type RawRow } from "./columns";
import { importLimits, tooManyColumns, tooManyRows, uploadTooLarge, type ImportLimits } from "./limits";
import { ProblemLog, ROW_CHECKS, type CheckedOf, type CheckedRow } from "./rows";
import { WorkbookFormatError, XlsxWorkbookReader } from "./xlsx-reader";
import { ZipFormatError } from "./zip";

/*
 * Reading an import file: each record or row becomes the text of its known columns, keyed by column name, and
 * is checked on its own at once (./rows.ts types the cells, so that a CSV and an XLSX of the same content check
 * the same way); only what the check made of it is kept.
 *
 * Both formats stream, and the limits of lib/import/limits.ts are checked on the way (a column past
 * IMPORT_MAX_COLUMNS as its cell is read, a row past IMPORT_MAX_ROWS as it closes, the bytes an XLSX unpacks to
 * as they inflate), so that no file makes the server hold more than the limits allow.
 */

function fileError(message: string, field = "(file)"): AppError {
  return new AppError("validation_failed", field === "(file)" ? message : `${field}: ${message}`, { fields: [{ path: field, message }] });
}

/** Where a file's problems are reported and how far it may be read. */
export interface ParseOptions {
  limits?: ImportLimits;
  /** "(file)" for the API's request body, "file" for the import page's form field. */
  field?: string;
}

/**
 * Turns headers and data records into checked rows, one record at a time: unknown header names are reported,
 * rows whose cells are all blank are skipped (numbering kept), rows with data are counted against IMPORT_MAX_ROWS
 * (every sheet of the file together) and checked on their own as they come (./rows.ts), so that only what the
 * checks made of a row is kept, never its cells.
 */
class RowCollector {
  private readonly log = new ProblemLog();
  private readonly sheets: Pick<ImportRows, ImportKind> = { entities: [], processors: [], transfers: [] };
  private count = 0;

  constructor(
    private readonly limits: ImportLimits,
    private readonly field: string,
  ) {}

  /** A sheet (or CSV) of `kind` whose header is `header` (trimmed names, "" for a blank header cell). */
  sheet<K extends ImportKind>(kind: K, header: readonly string[]) {
    const known = new Set(COLUMNS[kind].map((column) => column.name));
    header.forEach((name) => {
      if (name !== "" && !known.has(name)) this.log.report(kind, 1, name, "is not a known column");
    });
    const columns = header.flatMap((name, index) => (known.has(name) ? [{ name, index }] : []));
    const check = ROW_CHECKS[kind] as (raw: RawRow, log: ProblemLog) => CheckedOf<K> | null;
    const rows = this.sheets[kind] as CheckedRow<CheckedOf<K>>[];
    return {
      /** A data record; `cellAt(index)` is the text of its 0-based column. */
      add: (row: number, cellAt: (index: number) => string | undefined, blank: boolean) => {
        if (blank) return;
        if (++this.count > this.limits.maxRows) throw tooManyRows(this.limits, this.field);
        // Built in one go, not by assigning key after key: V8 turns an object that gains more than a dozen
        // properties one keyed store at a time into a hash table, 2.1 KB a transfers row instead of 0.8 KB.
        const values = Object.fromEntries(columns.map(({ name, index }) => [name, (cellAt(index) ?? "").trim()]));
        rows.push({ row, checked: check({ row, values }, this.log) });
      },
    };
  }

  get rows(): ImportRows {
    return { ...this.sheets, problems: this.log.problems, problemCount: this.log.count };
  }
}

const isBlank = (cells: Iterable<string>) => {
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
};

/**
 * A CSV of one kind; the first record is the header. A UTF-8 BOM (Excel's "CSV UTF-8") is ignored. csv-parse
 * hands each field to `cast` as it ends and each record to `on_record` as it closes: the column limit is
 * checked per field (a line of 100,000 commas is refused at its 101st field), and no record is kept beyond
 * what its check made of it.
 */
export function parseImportCsv(text: string, kind: ImportKind, { limits = importLimits(), field = "(file)" }: ParseOptions = {}): ImportRows {
  const collector = new RowCollector(limits, field);
  let sheet: ReturnType<RowCollector["sheet"]> | null = null;
  let record = 0;
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      cast: (value, context) => {
        if (context.index >= limits.maxColumns) throw tooManyColumns(limits, `Line ${context.lines}`, field);
        return value;
      },
      on_record: (cells: string[]) => {
        record++;
        if (!sheet) sheet = collector.sheet(kind, cells.map((name) => name.trim()));
        else sheet.add(record, (index) => cells[index], isBlank(cells));
        return null; // kept by the collector, not by csv-parse
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError(`The CSV could not be read: ${error instanceof Error ? error.message : "syntax error"}`, field);
  }
  if (!sheet) throw fileError("The CSV is empty: the first row must name the columns.", field);
  return collector.rows;
}

/**
 * An XLSX with an "entities", a "processors" and/or a "transfers" sheet (other sheets, like "Read me", are
 * never read). Row 1 of a sheet is its header.
 */
export async function parseImportWorkbook(bytes: Uint8Array, { limits = importLimits(), field = "(file)" }: ParseOptions = {}): Promise<ImportRows> {
  const collector = new RowCollector(limits, field);
  try {
    const workbook = await XlsxWorkbookReader.open<ImportKind>(bytes, {
      limits,
      field,
      sheetKey: (name) => IMPORT_KINDS.find((kind) => name.trim().toLowerCase() === kind),
    });
    if (workbook.sheetKeys.length === 0) throw fileError(`The workbook has no "entities", "processors" or "transfers" sheet.`, field);
    // In the order of IMPORT_KINDS, whatever the order of the sheets: the order problems are reported in.
    for (const kind of IMPORT_KINDS.filter((candidate) => workbook.sheetKeys.includes(candidate))) {
      let sheet = collector.sheet(kind, []);
      await workbook.readSheet(kind, (row, cells) => {
        if (row === 1) {
          const width = Math.max(0, ...cells.keys());
          sheet = collector.sheet(kind, Array.from({ length: width }, (_, index) => (cells.get(index + 1) ?? "").trim()));
        } else {
          sheet.add(row, (index) => cells.get(index + 1), isBlank(cells.values()));
        }
      });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof ZipFormatError || error instanceof WorkbookFormatError) throw fileError(`The file is not a readable XLSX workbook: ${error.message}.`, field);
    throw error;
  }
  return collector.rows;
}

/**
 * The rows of an uploaded file, whatever carried it (the API's request body, the import page's form): a
 * workbook, or a UTF-8 CSV of the kind the uploader named. `fields` names where each problem is reported.
 */
export async function parseImportUpload(
  upload: { format: "xlsx" | "csv"; bytes: Uint8Array; kind: string | undefined },
  fields: { file: string; kind: string },
  limits: ImportLimits = importLimits(),
): Promise<ImportRows> {
  // The transports refuse a larger body before holding it; this is for any other caller.
  if (upload.bytes.byteLength > limits.maxUploadBytes) throw uploadTooLarge(limits, fields.file === "(file)" ? undefined : fields.file);
  if (upload.format === "xlsx") return parseImportWorkbook(upload.bytes, { limits, field: fields.file });
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
  return parseImportCsv(text, kind as ImportKind, { limits, field: fields.file });
}

function uploadProblem(path: string, message: string): AppError {
  return new AppError("validation_failed", `${path}: ${message}`, { fields: [{ path, message }] });
}
