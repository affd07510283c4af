import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { TransferRegisterRow } from "@/db/queries/exports";
import { CSV_ALSO_QUOTE, neutralizeCsvCell, type CellValue } from "./neutralize";
import type { ExportColumn } from "./report";
import { TRANSFER_REGISTER_COLUMNS } from "./transfer-register";

/**
 * Streams rows as CSV (RFC 4180: CRLF, quotes only where needed) in UTF-8 with a byte-order mark, without
 * which Excel reads the file as the local code page and mangles accents and Chinese. Every text cell is
 * neutralised against formula injection for any separator a spreadsheet may split at (lib/exports/neutralize.ts),
 * and a cell holding `;` or a tab is quoted like one holding a comma, so that a reader splitting at `;` (a
 * French or German locale) still keeps it whole. A template's organisation block (the ICO's and the CNIL's
 * leading rows) comes first, as in the regulators' own spreadsheets, then a blank row and the table. Ends `out`; resolves with the number of data rows once `out`
 * has taken the last byte, and rejects (closing the row source) if `out` fails or is destroyed.
 */
export async function writeCsv<Row>(
  rows: AsyncIterable<Row>,
  out: Writable,
  columns: readonly ExportColumn<Row>[],
  /** Rows above the table (a template's organisation block), then a blank row; each as wide as the table. */
  preamble: readonly (readonly CellValue[])[] = [],
): Promise<number> {
  let count = 0;
  // RFC 4180 asks every record for the same number of fields: a strict reader rejects a shorter line.
  const padded = (cells: readonly CellValue[]) => [...cells, ...Array<CellValue>(Math.max(0, columns.length - cells.length)).fill(null)];
  async function* records() {
    if (preamble.length) {
      for (const cells of preamble) yield padded(cells).map((cell) => neutralizeCsvCell(cell) ?? "");
      yield padded([]).map(() => "");
    }
    yield columns.map((column) => column.header);
    for await (const row of rows) {
      count += 1;
      yield columns.map((column) => neutralizeCsvCell(column.value(row)) ?? "");
    }
  }
  await pipeline(Readable.from(records()), stringify({ bom: true, record_delimiter: "\r\n", quoted_match: CSV_ALSO_QUOTE }), out);
  return count;
}

export function writeTransferRegisterCsv(rows: AsyncIterable<TransferRegisterRow>, out: Writable): Promise<number> {
  return writeCsv(rows, out, TRANSFER_REGISTER_COLUMNS);
}
