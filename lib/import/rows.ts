import type { z } from "zod";
import { createEntityBody } from "@/lib/api/contracts/entities";
import { createProcessorBody } from "@/lib/api/contracts/processors";
import { transferFields } from "@/lib/api/contracts/transfers";
import { normalizeProcessorName } from "@/lib/processors/normalize-name";
import { COLUMNS, LIST_SEPARATOR, TRANSFER_REFERENCE_COLUMNS, type ImportColumn, type ImportKind, type ImportProblem, type RawRow } from "./columns";

/*
 * The checks of a row on its own, run as the file is read (lib/import/parse.ts): the cells are typed and checked
 * with the API's own zod schemas (createEntityBody, createProcessorBody, transferFields), and the row is kept only
 * as what the schema made of it (a transfer's references beside), or as its number when it has a problem. What
 * needs the register or the whole file (references, duplicates, rights) is the plan's (./validate.ts).
 *
 * Why while reading, not after: the rows of a file were held twice over, as read (the cells' text) and as checked,
 * until the end of the dry run, and every one of them, however wrong, stayed in memory. A file of 20,000 rows held
 * 33 MB as read; the V8 heap grows in proportion to what stays alive, and under the import attack of issue 14 the
 * server on PGlite went past 512 MB (scripts/import-attack.ts, README "Benchmark").
 */

/** The transfer schema minus the ids the import resolves from names (reported on the name columns instead). */
export const transferRowSchema = transferFields.omit({ activityId: true, exporterEntityId: true, processorId: true });

export type EntityRowData = z.output<typeof createEntityBody>;
export type ProcessorRowData = Pick<
  z.output<typeof createProcessorBody>,
  "name" | "legalName" | "website" | "role" | "service" | "country" | "dpfCertified" | "dpfExpiry" | "dpfUkExtension" | "coveredPerson" | "notes" | "externalId"
>;
export type TransferRowData = z.output<typeof transferRowSchema>;

/** The processor fields an import writes: parent, owner and status are left as they are (or the defaults). */
export const PROCESSOR_KEYS = ["name", "legalName", "website", "role", "service", "country", "dpfCertified", "dpfExpiry", "dpfUkExtension", "coveredPerson", "notes", "externalId"] as const;

/** A transfer's references as written (trimmed, "" when blank): resolved by the plan against the file and the register. */
export interface TransferReferences {
  processorExternalId: string;
  processorName: string;
  activityName: string;
  exporterName: string;
}

export interface CheckedEntity {
  data: EntityRowData;
}
export interface CheckedProcessor {
  data: ProcessorRowData;
  normalizedName: string;
}
export interface CheckedTransfer {
  data: TransferRowData;
  references: TransferReferences;
  /**
   * True when a cell or a reference column has a problem while the schema took the row: it is not imported, but
   * its claims (./validate.ts, transferClaimIssues), which need the service's date, are still checked and
   * reported, as for any row the schema took.
   */
  rejected: boolean;
}

/**
 * A row with data of a sheet: its 1-based spreadsheet row number (the header is row 1) and what its own checks
 * made of it, or null when they found a problem (reported, not kept).
 */
export interface CheckedRow<T> {
  row: number;
  checked: T | null;
}

/**
 * The problems a check reports, at most: a file of 20,000 rows with every cell wrong has 400,000 of them, and
 * holding (and sending) them all cost a dry run hundreds of megabytes. The total is still counted.
 */
export const MAX_REPORTED_PROBLEMS = 1_000;

/** The problems of a file: the first MAX_REPORTED_PROBLEMS as reported, and how many there are in all. */
export class ProblemLog {
  readonly problems: ImportProblem[];
  count: number;

  constructor(from?: { problems: readonly ImportProblem[]; problemCount: number }) {
    this.problems = from ? [...from.problems] : [];
    this.count = from?.problemCount ?? 0;
  }

  report(sheet: ImportKind, row: number, column: string, message: string): void {
    this.count += 1;
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push({ sheet, row, column, message });
  }

  /** True once the list is full: what is reported from then on is only counted. */
  get full(): boolean {
    return this.problems.length >= MAX_REPORTED_PROBLEMS;
  }
}

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

/**
 * Cells to the API's input shape: an empty cell is left out (the schema's default applies), booleans accept
 * true/false/yes/no/1/0, lists are split on LIST_SEPARATOR. A cell that cannot be converted is a problem here.
 */
function rowInput(columns: readonly ImportColumn[], values: Readonly<Record<string, string>>, skip: ReadonlySet<string>) {
  const input: Record<string, unknown> = {};
  const problems: { column: string; message: string }[] = [];
  for (const column of columns) {
    if (skip.has(column.name)) continue;
    const raw = (values[column.name] ?? "").trim();
    if (raw === "") {
      if (column.required) problems.push({ column: column.name, message: "is required" });
      continue;
    }
    switch (column.type) {
      case "boolean": {
        const lower = raw.toLowerCase();
        if (TRUE.has(lower)) input[column.name] = true;
        else if (FALSE.has(lower)) input[column.name] = false;
        else problems.push({ column: column.name, message: "must be true or false (yes/no, 1/0)" });
        break;
      }
      case "integer": {
        const digits = raw.replace(/[,_\s]/g, "");
        if (/^-?\d+$/.test(digits)) input[column.name] = Number(digits);
        else problems.push({ column: column.name, message: "must be a whole number" });
        break;
      }
      case "list":
        input[column.name] = raw
          .split(LIST_SEPARATOR)
          .map((item) => item.trim())
          .filter((item) => item !== "");
        break;
      default:
        input[column.name] = raw;
    }
  }
  return { input, problems };
}

/** zod issues to columns: the issue path's first key is the column; a list item is named by its position. */
function schemaProblems(error: z.ZodError, already: ReadonlySet<string>) {
  return error.issues.flatMap((issue) => {
    const column = issue.path.length ? String(issue.path[0]) : "(row)";
    if (already.has(column)) return [];
    const item = typeof issue.path[1] === "number" ? `item ${issue.path[1] + 1}: ` : "";
    return [{ column, message: `${item}${issue.message}` }];
  });
}

/**
 * Runs `schema` on the row's input and reports the cells' and the schema's problems, each column once (a cell
 * that could not be converted is not reported again by the schema). The schema's output, or null when it
 * refused the row; `rejected` when the schema took it but a cell has a problem.
 */
function checkWith<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: z.ZodError } },
  sheet: ImportKind,
  raw: RawRow,
  cells: { input: Record<string, unknown>; problems: { column: string; message: string }[] },
  log: ProblemLog,
): { data: T; rejected: boolean } | null {
  const result = schema.safeParse(cells.input);
  const bad = new Set(cells.problems.map((p) => p.column));
  for (const p of cells.problems) log.report(sheet, raw.row, p.column, p.message);
  if (!result.success) {
    for (const p of schemaProblems(result.error, bad)) log.report(sheet, raw.row, p.column, p.message);
    return null;
  }
  return { data: result.data, rejected: cells.problems.length > 0 };
}

const NO_COLUMNS: ReadonlySet<string> = new Set();
const REFERENCE_COLUMNS: ReadonlySet<string> = new Set(TRANSFER_REFERENCE_COLUMNS);

export function checkEntityRow(raw: RawRow, log: ProblemLog): CheckedEntity | null {
  const result = checkWith(createEntityBody, "entities", raw, rowInput(COLUMNS.entities, raw.values, NO_COLUMNS), log);
  return result && !result.rejected ? { data: result.data } : null;
}

export function checkProcessorRow(raw: RawRow, log: ProblemLog): CheckedProcessor | null {
  const result = checkWith(createProcessorBody, "processors", raw, rowInput(COLUMNS.processors, raw.values, NO_COLUMNS), log);
  if (!result || result.rejected) return null;
  const data = Object.fromEntries(PROCESSOR_KEYS.map((key) => [key, result.data[key]])) as ProcessorRowData;
  return { data, normalizedName: normalizeProcessorName(data.name) };
}

export function checkTransferRow(raw: RawRow, log: ProblemLog): CheckedTransfer | null {
  const cells = rowInput(COLUMNS.transfers, raw.values, REFERENCE_COLUMNS);
  const reference = (name: (typeof TRANSFER_REFERENCE_COLUMNS)[number]) => (raw.values[name] ?? "").trim();
  const references: TransferReferences = {
    processorExternalId: reference("processorExternalId"),
    processorName: reference("processorName"),
    activityName: reference("activityName"),
    exporterName: reference("exporterName"),
  };
  for (const name of ["activityName", "exporterName"] as const) {
    if (!references[name]) cells.problems.push({ column: name, message: "is required" });
  }
  if (!references.processorExternalId && !references.processorName) {
    cells.problems.push({ column: "processorName", message: "give processorExternalId or processorName" });
  }
  const result = checkWith(transferRowSchema, "transfers", raw, cells, log);
  return result ? { data: result.data, references, rejected: result.rejected } : null;
}

export type CheckedOf<K extends ImportKind> = K extends "entities" ? CheckedEntity : K extends "processors" ? CheckedProcessor : CheckedTransfer;

/** The check of a row of each kind of sheet. */
export const ROW_CHECKS: { [K in ImportKind]: (raw: RawRow, log: ProblemLog) => CheckedOf<K> | null } = {
  entities: checkEntityRow,
  processors: checkProcessorRow,
  transfers: checkTransferRow,
};
