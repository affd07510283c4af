import { PassThrough } from "node:stream";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { PdfWriter } from "./pdf";

/* Pagination of PdfWriter tables: rows placed whole, split only when taller than a page, header on every page. */

async function render(
  build: (writer: PdfWriter) => Promise<void>,
  language: "en" | "fr" = "en",
): Promise<{ pages: string[]; footers: string[]; bytes: Buffer }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const writer = new PdfWriter({
    out,
    title: "Register",
    language,
    meta: { asOf: "2026-12-03", generatedAt: new Date("2026-12-03T10:00:00Z"), includePending: false },
  });
  await build(writer);
  await writer.finish();
  const bytes = Buffer.concat(chunks);
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const { pages } = await parser.getText();
    // Each page's text without its footer (drawn first, so read first), and the footers apart.
    const texts = pages.map((page) => page.text.replace(/\s+/g, " "));
    const footer = /^Register — (?:As of|Situation au) .+? Page \d+ (?:of|sur) ?\d+ /;
    return { pages: texts.map((text) => text.replace(footer, "")), footers: texts.map((text) => footer.exec(text)?.[0].trim() ?? ""), bytes };
  } finally {
    await parser.destroy();
  }
}

const COLUMNS = [
  { header: "Item", width: 2 },
  { header: "Content", width: 8 },
];

describe("PdfWriter footer", () => {
  it("dates every page as the cells are dated, in the report's language, never as ISO", async () => {
    const page = async (writer: PdfWriter) => {
      writer.newPage();
      await writer.table(COLUMNS).addRow(["One", "row"]);
    };
    const english = await render(page);
    expect(english.footers[0]).toMatch(/^Register — As of 3 Dec 2026 Page 1 of ?1?$/);
    const french = await render(page, "fr");
    expect(french.footers[0]).toMatch(/^Register — Situation au 3 déc\. 2026 Page 1 sur ?1?$/);
    for (const footer of [...english.footers, ...french.footers]) expect(footer).not.toContain("2026-12-03");
  });
});

describe("PdfWriter tables across pages", () => {
  it("moves a row that does not fit to the next page whole, under the repeated header", async () => {
    // Rows of 12 forced lines: a few fit a page, none fits the rest of a page whole.
    const row = (index: number) => Array.from({ length: 12 }, (_, line) => `r${index}l${line}`).join("\n");
    const { pages } = await render(async (writer) => {
      writer.newPage();
      const table = writer.table(COLUMNS);
      for (let index = 0; index < 12; index += 1) await table.addRow([`Row ${index}`, row(index)]);
    });
    expect(pages.length).toBeGreaterThan(2);
    for (let index = 0; index < 12; index += 1) {
      const holding = pages.filter((page) => page.includes(`r${index}l`));
      expect(holding, `row ${index}`).toHaveLength(1);
      for (let line = 0; line < 12; line += 1) expect(holding[0]).toContain(`r${index}l${line}`);
    }
    for (const page of pages) expect(page).toMatch(/^Item Content /);
  });

  it("splits only a row taller than a page, at a line, its rest under the repeated header", async () => {
    const tall = Array.from({ length: 120 }, (_, line) => `t${line}`).join("\n");
    const { pages } = await render(async (writer) => {
      writer.newPage();
      const table = writer.table(COLUMNS);
      await table.addRow(["Short", "first"]);
      await table.addRow(["Tall", tall]);
      await table.addRow(["Next", "last"]);
    });
    // The tall row starts on the first page, right under the short one, and runs on.
    expect(pages[0]).toMatch(/Short first Tall t0 t1 /);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page).toMatch(/^Item Content /);
    const all = pages.join(" ");
    for (let line = 0; line < 120; line += 1) expect(all).toContain(` t${line} `);
    expect(pages.at(-1)).toContain("Next last");
  });

  it("keeps a section's heading with the start of its table", async () => {
    const { pages } = await render(async (writer) => {
      writer.newPage();
      const filler = writer.table(COLUMNS);
      // One-line rows (16.86 pt with the header's) over two pages, 29 then 26, leave 56 pt: room for the
      // heading (38 pt with its space) but not for it with the table's header and first row (72 pt).
      for (let index = 0; index < 55; index += 1) await filler.addRow([`Filler ${index}`, "x"]);
      writer.startSection({ key: "s", title: "Second section" });
      const table = writer.table(COLUMNS);
      await table.addRow(["First", "row"]);
    });
    expect(pages[1]).toContain("Filler 54");
    const headingPage = pages.findIndex((page) => page.includes("Second section"));
    expect(headingPage).toBe(2);
    expect(pages[headingPage]).toMatch(/Second section Item Content First row/);
  });
});
