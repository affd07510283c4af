import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { TransferRegisterRow } from "@/db/queries/exports";
import { CSV_ALSO_QUOTE, neutralizeCsvCell } from "./neutralize";
import type { ExportColumn } from "./report";
import { TRANSFER_REGISTER_COLUMNS } from "./transfer-register";

/**
 * Streams rows as CSV (RFC 4180: CRLF, quotes only where needed) in UTF-8 with a byte-order mark, without
 * which Excel reads the file as the local code page and mangles accents and Chinese. Every text cell is
 * neutralised against formula injection for any separator a spreadsheet may split at (lib/exports/neutralize.ts),
 * and a cell holding `;` or a tab is quoted like one holding a comma, so that a reader splitting at `;` (a
 * French or German locale) still keeps it whole. Ends `out`; resolves with the number of data rows once `out`
 * has taken the last byte, and rejects (closing the row source) if `out` fails or is destroyed.
 */
export async function writeCsv<Row>(rows: AsyncIterable<Row>, out: Writable, columns: readonly ExportColumn<Row>[]): Promise<number> {
  let count = 0;
  async function* records() {
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
