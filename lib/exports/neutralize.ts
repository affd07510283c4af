/**
 * Spreadsheet formula injection (CSV / formula injection, OWASP): a text cell that begins with one of these
 * characters is read by Excel, LibreOffice or Google Sheets as a formula, so a vendor named
 * `=HYPERLINK("http://x","y")` would become a live link, or worse, in the DPO's spreadsheet.
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export type CellValue = string | number | null;

/**
 * Makes a text cell inert by prefixing an apostrophe, which spreadsheets treat as "this is text" (and Excel
 * hides). Numbers stay numbers, so that a negative count is still a number; empty values stay empty.
 */
export function neutralizeCell(value: string): string;
export function neutralizeCell(value: number): number;
export function neutralizeCell(value: CellValue | undefined): CellValue;
export function neutralizeCell(value: CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value;
}
