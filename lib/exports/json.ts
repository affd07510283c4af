import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ControllerContact } from "@/db/queries/export-common";

/** The current version of every JSON export's layout: the header below, then `rows` of the report's record schema. */
export const JSON_SCHEMA_VERSION = 1;

/** A URN naming the report and its schema version: a consumer checks it before reading the rows. */
export const jsonExportSchema = (report: string) => `urn:transfer-governance:export:${report}:v${JSON_SCHEMA_VERSION}`;

/** The versioned envelope of a JSON export (documented in lib/exports/schemas.ts); `rows` follows. */
export interface JsonExportHeader {
  schema: string;
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  report: string;
  title: string;
  template: string;
  /** The language of the labels and words (en | fr). */
  language: "en" | "fr";
  generatedAt: string;
  generatedBy: string | null;
  asOf: string;
  pointInTime: boolean;
  includePending: boolean;
  period: { from: string; to: string } | null;
  auditChainHead: string | null;
  controllers: readonly ControllerContact[];
  notes: Record<string, string>;
}

/**
 * Streams `{ ...header, "rows": [ ... ] }` as UTF-8 JSON, one row per chunk, so that memory holds one row,
 * not the register. Values are data, not spreadsheet cells: nothing is neutralised. Ends `out`; resolves
 * with the number of rows once `out` has taken the last byte, and rejects (closing the row source) if `out`
 * fails or is destroyed.
 */
export async function writeJson<Row>(
  rows: AsyncIterable<Row>,
  out: Writable,
  header: JsonExportHeader,
  toRecord: (row: Row) => unknown = (row) => row,
): Promise<number> {
  let count = 0;
  async function* chunks() {
    const head = JSON.stringify(header);
    yield `${head.slice(0, -1)},"rows":[`;
    for await (const row of rows) {
      yield `${count === 0 ? "\n" : ",\n"}${JSON.stringify(toRecord(row))}`;
      count += 1;
    }
    yield "\n]}\n";
  }
  await pipeline(Readable.from(chunks()), out);
  return count;
}
