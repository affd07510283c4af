import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_ALSO_QUOTE, neutralizeCell, neutralizeCsvCell } from "./neutralize";

describe("neutralizeCell (XLSX: typed cells, only the start matters)", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
  ])("prefixes an apostrophe to the text %j", (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it.each(["Acme Ltd", "深圳测试有限公司", "Réclame Numérique", "2025-01-01", "a=b", " =1", "'quoted", "— ; —", "a;=1+1", ""])(
    "leaves the text %j alone",
    (input) => {
      expect(neutralizeCell(input)).toBe(input);
    },
  );

  it("keeps numbers as numbers, negative ones included", () => {
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell(0)).toBe(0);
    expect(neutralizeCell(1234.5)).toBe(1234.5);
  });

  it("turns missing values into an empty cell", () => {
    expect(neutralizeCell(null)).toBeNull();
    expect(neutralizeCell(undefined)).toBeNull();
  });
});

describe("neutralizeCsvCell (CSV: inert whatever separator the spreadsheet splits at)", () => {
  it.each([
    // At the start, as for XLSX, and after blanks a "Trim spaces" import removes.
    ["=1+1", "'=1+1"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t'=1"],
    ["\r=1", "'\r'=1"],
    [" =1+1", "' =1+1"],
    ["\u3000=1+1", "'\u3000=1+1"],
    // Full-width forms an input method or a normalising spreadsheet may turn into ASCII.
    ["＝1+1", "'＝1+1"],
    ["＋1", "'＋1"],
    ["－1", "'－1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    // After a separator inside the cell: the start of a cell for a reader splitting there.
    ["a;=1+1", "a;'=1+1"],
    ["x,@SUM(A1)", "x,'@SUM(A1)"],
    ["a; =1+1", "a; '=1+1"],
    ['a;"=1+1', `a;"'=1+1`],
    ["a\t+1+1", "a\t'+1+1"],
    ["line one\r\n-2+3", "line one\r\n'-2+3"],
    ["a;＝1+1", "a;'＝1+1"],
    ["=1;=2,@3", "'=1;'=2,'@3"],
    // A sign before more than a number: an expression, a name, a reference.
    ["Berlin; +SUM(A1:A9)", "Berlin; '+SUM(A1:A9)"],
    ["a;-2+3", "a;'-2+3"],
    ["tel; +49 30 CALL", "tel; '+49 30 CALL"],
  ])("neutralises %j as %j", (input, expected) => {
    expect(neutralizeCsvCell(input)).toBe(expected);
  });

  it.each([
    "Acme Ltd",
    "深圳测试有限公司",
    "a=b",
    "a;b",
    "Paris, France",
    "1,000",
    "— ; —",
    "user.device; user.contact",
    "'quoted",
    "2025-01-01",
    "",
    // Telephone and signed numbers inside a cell: digits only, nothing a formula could call or send.
    "Invalidenstraße 1, 10115 Berlin; +49 30 1234567",
    "Support: +1 (555) 123-4567, Mon-Fri",
    "Range: 0;-5",
  ])(
    "leaves the harmless text %j alone",
    (input) => {
      expect(neutralizeCsvCell(input)).toBe(input);
    },
  );

  it("keeps numbers as numbers and missing values empty", () => {
    expect(neutralizeCsvCell(-5)).toBe(-5);
    expect(neutralizeCsvCell(null)).toBeNull();
    expect(neutralizeCsvCell(undefined)).toBeNull();
  });

  it("quotes the other separators a spreadsheet may split at, and nothing else", () => {
    expect(CSV_ALSO_QUOTE.test("a;b")).toBe(true);
    expect(CSV_ALSO_QUOTE.test("a\tb")).toBe(true);
    expect(CSV_ALSO_QUOTE.test("a b")).toBe(false);
  });

  it("no cell of a split line starts a formula, splitting at `,` or at `;`", () => {
    const cells = ["a;=1+1", "x,@SUM(A1)", "ok", 'q;"=HYPERLINK(""http://x"")', " -1+2", "n\n=3"];
    const line = cells
      .map((cell) => neutralizeCsvCell(cell))
      .map((cell) => (/[",;\r\n\t]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
      .join(",");
    const formula = /^[ \u00A0\u3000"]*[=+\-@＝＋－＠]/;
    for (const delimiter of [",", ";"]) {
      // A lenient reader, as a spreadsheet is: quotes are honoured only where a field starts with one.
      const records = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
      for (const cell of records.flat()) expect(cell, `split at ${delimiter}: ${cell}`).not.toMatch(formula);
    }
  });
});
