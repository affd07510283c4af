import { describe, expect, it } from "vitest";
import { columnWidths } from "./pdf";
import { layoutText, singleLine, type Measure } from "./pdf-layout";
import type { PreparedText } from "./pdf-text";

/* Line breaking with a fixed-pitch measure: every character half an em wide, so that widths are easy to count. */

const measure: Measure = (_font, text) => [...text].length * 0.5;
const text = (value: string): PreparedText => ({ font: "f", runs: [{ font: "f", text: value }], measureText: value });
/** The lines of `value` laid out `characters` half-ems wide at 10 pt (5 pt a character). */
function lines(value: string, characters: number, minSize = 6) {
  const laid = layoutText(text(value), measure, { width: characters * 5, size: 10, minSize });
  // The space a line keeps where it ends at a space (for text extraction) is not part of what it shows.
  return { size: laid.size, lines: laid.lines.map((line) => line.runs.map((run) => run.text).join("").trimEnd()) };
}

describe("layoutText: lines end at spaces and hyphens, never inside a word or a date", () => {
  it("wraps at spaces, keeping each word whole", () => {
    expect(lines("Storage of crash logs", 10)).toEqual({ size: 10, lines: ["Storage of", "crash logs"] });
  });

  it("shrinks the type of a cell whose word is wider than the column instead of cutting it", () => {
    // "Destination" is 11 characters in a column of 10: 10/11 of the size.
    expect(lines("Destination country", 10)).toEqual({ size: 9, lines: ["Destination", "country"] });
  });

  it("never wraps a date, ISO or written out, shrinking below the smallest size if it must", () => {
    expect(lines("TIA 25 Aug 2026", 8).lines).toEqual(["TIA", "25 Aug 2026"]);
    const iso = lines("2026-09-04", 5);
    expect(iso.lines).toEqual(["2026-09-04"]);
    expect(iso.size).toBeLessThan(6);
    expect(lines("exp. 17 sept. 2026", 14).lines).toEqual(["exp.", "17 sept. 2026"]);
  });

  it("breaks after a hyphen inside a word or a code, not after a sign", () => {
    expect(lines("no-encryption-at-rest", 14).lines).toEqual(["no-encryption-", "at-rest"]);
    expect(lines("013cf7cf-472b-4fac", 10).lines).toEqual(["013cf7cf-", "472b-4fac"]);
    expect(lines("-5 -12", 3).lines).toEqual(["-5", "-12"]);
    // In an address the line breaks before the hyphen, which then cannot pass for one added to split a word.
    expect(lines("<dpo@gncc-demo.example>", 14).lines).toEqual(["<dpo@gncc", "-demo.example>"]);
  });

  it("cuts a word with a visible hyphen only when even the smallest size is too large, never adding a second hyphen", () => {
    const hash = lines("bba065c4fb3d0aa751cef5a743", 10, 9);
    expect(hash.size).toBe(9);
    // 10 characters at 10 pt = 11 at 9 pt: 10 characters and a hyphen per line.
    expect(hash.lines).toEqual(["bba065c4fb-", "3d0aa751ce-", "f5a743"]);
    expect(lines("aaaaaaaaa-bbbbbbbbbbbbbbbbbbbb", 10, 10).lines).toEqual(["aaaaaaaaa-", "bbbbbbbbb-", "bbbbbbbbb-", "bb"]);
  });

  it("breaks between Chinese characters, but not before a closing mark", () => {
    expect(lines("深圳市恒通技术服务有限公司", 5).lines).toEqual(["深圳市恒通", "技术服务有", "限公司"]);
    // "）" does not start a line: "山" goes with it.
    expect(lines("深圳（南山）", 4).lines).toEqual(["深圳（南", "山）"]);
    expect(lines("深圳（南山）", 3).lines).toEqual(["深圳", "（南", "山）"]);
  });

  it("ends a line broken at a space with one space outside its width, so that extracted text keeps its words apart", () => {
    const laid = layoutText(text("Open flags on these transfers"), measure, { width: 100, size: 10, minSize: 6 });
    expect(laid.lines.map((line) => line.runs[0]!.text)).toEqual(["Open flags on these ", "transfers"]);
    expect(laid.lines[0]!.width).toBe(95);
    const hyphenated = layoutText(text("no-encryption"), measure, { width: 30, size: 10, minSize: 6 });
    expect(hyphenated.lines.map((line) => line.runs[0]!.text)).toEqual(["no-", "encryption"]);
    const arabic = layoutText(text("شركة البيانات"), measure, { width: 30, size: 10, minSize: 6 });
    expect(arabic.lines.map((line) => line.runs[0]!.text)).toEqual(["شركة", "البيانات"]);
  });

  it("keeps forced line breaks and empty lines, and drops the spaces at a break", () => {
    expect(lines("GNCC Inc.\n\n(demo)   100 Example", 12).lines).toEqual(["GNCC Inc.", "", "(demo)   100", "Example"]);
    expect(lines("", 10).lines).toEqual([]);
  });

  it("ends a line too long for the contents with an ellipsis", () => {
    const line = singleLine(text("Product maintenance and troubleshooting"), measure, 40, 10);
    expect(line.runs.map((run) => run.text).join("")).toBe("Product\u2026");
    expect(singleLine(text("Account"), measure, 40, 10).runs[0]!.text).toBe("Account");
  });
});

describe("columnWidths: a column is at least as wide as its header's longest word", () => {
  it("widens a narrow column by taking room from the others, in proportion", () => {
    // Shares of 200: 20, 80 and 100; the first needs 30.
    const widths = columnWidths([1, 4, 5], [30, 10, 10], 200);
    expect(widths[0]).toBe(30);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(200);
    // The two others gave up the 10 in proportion to their room above their minimum (70 and 90).
    expect(widths[1]).toBeCloseTo(80 - (10 * 70) / 160);
    expect(widths[2]).toBeCloseTo(100 - (10 * 90) / 160);
  });

  it("keeps the shares when they already fit, or when the minimums cannot all fit", () => {
    expect(columnWidths([1, 1], [10, 10], 100)).toEqual([50, 50]);
    expect(columnWidths([1, 1, 1, 1, 1], [30, 30, 30, 30, 30], 100)).toEqual([20, 20, 20, 20, 20]);
  });
});
