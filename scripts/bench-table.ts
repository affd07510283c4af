// The summary `npm run bench` prints for each database: every figure beside its floor (bench-floors.ts)
// and their ratio, with the issue's target, as a Markdown table that can be pasted as it is.

export type Unit = "ms" | "MB";

export interface BenchRow {
  what: string;
  figure: number;
  unit: Unit;
  /** Measured in the same run on the same database; null where there is none (the import, the PDF). */
  floor: number | null;
  /** What the floor is, printed under the table. */
  floorIs?: string;
  target?: string;
}

const MB = 1024 * 1024;

export function formatValue(value: number, unit: Unit): string {
  if (unit === "MB") return `${(value / MB).toFixed(0)} MB`;
  return `${Math.round(value).toLocaleString("en-US")} ms`;
}

/** figure / floor: how many times the least the database needs to do the same reads or writes. */
export function ratio(row: BenchRow): string {
  if (row.floor === null) return "—";
  if (row.floor <= 0) return "∞";
  return `×${(row.figure / row.floor).toFixed(row.figure / row.floor < 10 ? 1 : 0)}`;
}

export function formatTable(title: string, rows: readonly BenchRow[]): string {
  // Each kind of floor gets a letter, in order of first use, explained under the table.
  const letters = new Map<string, string>();
  for (const row of rows) if (row.floorIs && !letters.has(row.floorIs)) letters.set(row.floorIs, String.fromCharCode(97 + letters.size));
  const header = ["what", "figure", "floor", "ratio", "target"];
  const cells = rows.map((row) => [
    row.what,
    formatValue(row.figure, row.unit),
    row.floor === null ? "—" : `${formatValue(row.floor, row.unit)}${row.floorIs ? ` (${letters.get(row.floorIs)})` : ""}`,
    ratio(row),
    row.target ?? "",
  ]);
  const widths = header.map((_, column) => Math.max(header[column]!.length, ...cells.map((line) => line[column]!.length)));
  // Figures right-aligned, so that their digits line up.
  const numeric = (column: number) => column >= 1 && column <= 3;
  const line = (values: string[]) => `| ${values.map((value, column) => (numeric(column) ? value.padStart(widths[column]!) : value.padEnd(widths[column]!))).join(" | ")} |`;
  return [
    `\n${title}`,
    line(header),
    `|${widths.map((width, column) => (numeric(column) ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`,
    ...cells.map(line),
    "",
    "floors, measured in the same run on the same database (ratio = figure / floor):",
    ...[...letters].map(([floor, letter]) => `  (${letter}) ${floor}`),
  ].join("\n");
}
