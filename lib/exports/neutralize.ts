/**
 * Spreadsheet formula injection (CSV / formula injection, OWASP; CWE-1236): a text cell that begins with one of
 * these characters is read by Excel, LibreOffice or Google Sheets as a formula, so a vendor named
 * `=HYPERLINK("http://x","y")` would become a live link, or worse, in the DPO's spreadsheet.
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export type CellValue = string | number | null;

/**
 * Makes a text cell inert by prefixing an apostrophe, which spreadsheets treat as "this is text" (and Excel
 * hides). Numbers stay numbers, so that a negative count is still a number; empty values stay empty. Enough for
 * XLSX, whose cells are typed: a cell is never split, so only its first character matters.
 */
export function neutralizeCell(value: string): string;
export function neutralizeCell(value: number): number;
export function neutralizeCell(value: CellValue | undefined): CellValue;
export function neutralizeCell(value: CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value;
}

/*
 * CSV in every locale (issue 14, item 5). A CSV file does not say its separator: a spreadsheet in a French or
 * German locale opens our comma-separated file splitting at `;` (the CNIL's register is read that way), one
 * with the "Tab" option at tabs, and a line break inside a quoted cell starts a new row for a reader that
 * missed the opening quote. A reader that splits at another character than the writer ignores the writer's
 * quotes, so any text right after a `,`, `;`, tab or line break inside a cell may become the start of a cell.
 * What may follow before the formula begins: spaces (LibreOffice's "Trim spaces" option removes them; tested:
 * `a; =1+1` computes then) and quote characters (a quote at the start of a split cell opens a quoted field).
 * The triggers include the full-width ＝＋－＠, which an East Asian input method or a spreadsheet's
 * normalisation may turn into their ASCII forms.
 */
const LEADING = "[ \\u00A0\\u3000\"]*";
const TRIGGER = "[=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20]";
const FORMULA_AT_START = new RegExp(`^(?:${LEADING}${TRIGGER}|[\\t\\r])`);
const FORMULA_AFTER_SEPARATOR = new RegExp(`([,;\\t\\r\\n]${LEADING})(${TRIGGER})`, "g");
const SEPARATOR = /[,;\t\r\n]/;
/**
 * A signed number or a telephone number ("+49 30 1234567", "+1 (555) 123-4567", "-5"): digits and punctuation
 * only, no name a formula could call, no reference, no DDE. Inside a cell it stays as written: a spreadsheet
 * that splits there shows a number or an error, and computes nothing that reads or sends data.
 */
const SIGNED_NUMBER = /^[+\-\uFF0B\uFF0D][0-9][0-9 \u00A0().\/-]*$/;

/**
 * A CSV cell inert however the file is split: an apostrophe before every place a formula could start — the
 * cell's start, and right after each separator or line break inside it, unless what follows there up to the
 * next separator is a signed or telephone number. The apostrophes show in the text of a reader that splits
 * correctly: the price of a file no spreadsheet computes, whatever its locale.
 */
export function neutralizeCsvCell(value: string): string;
export function neutralizeCsvCell(value: number): number;
export function neutralizeCsvCell(value: CellValue | undefined): CellValue;
export function neutralizeCsvCell(value: CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  const inside = value.replace(FORMULA_AFTER_SEPARATOR, (match: string, lead: string, trigger: string, offset: number) => {
    const segment = value.slice(offset + lead.length).split(SEPARATOR, 1)[0]!;
    return SIGNED_NUMBER.test(segment) ? match : `${lead}'${trigger}`;
  });
  return FORMULA_AT_START.test(value) ? `'${inside}` : inside;
}

/**
 * Characters that make csv.ts quote a cell beyond RFC 4180's own (the comma, the quote, line breaks): the other
 * separators a spreadsheet may split at, so that a reader honouring quotes keeps the cell whole.
 */
export const CSV_ALSO_QUOTE = /[;\t]/;
