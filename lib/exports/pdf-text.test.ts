import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { PdfWriter } from "./pdf";
import { EMOJI_FONT, fontName, prepareText, REPLACEMENT_MARK } from "./pdf-text";

describe("prepareText: a font for every script, a mark for what no font has", () => {
  it("keeps Latin and Chinese in Noto Sans SC, in one run", () => {
    const prepared = prepareText("Réclame Numérique — 深圳测试有限公司");
    expect(prepared.font).toBe(fontName("sc", false));
    expect(prepared.runs).toEqual([{ font: fontName("sc", false), text: "Réclame Numérique — 深圳测试有限公司" }]);
  });

  it("draws Arabic (with its Latin) in Noto Sans Arabic and Hebrew in Noto Sans Hebrew", () => {
    expect(prepareText("شركة البيانات Ltd").runs).toEqual([{ font: fontName("arabic", false), text: "شركة البيانات Ltd" }]);
    expect(prepareText("חברת נתונים", true).font).toBe(fontName("hebrew", true));
  });

  it("puts emoji in Noto Emoji runs and measures each as a wide letter", () => {
    const prepared = prepareText("Camera 📷 team 👍🏽");
    expect(prepared.runs.map((run) => run.font)).toEqual([fontName("sc", false), EMOJI_FONT, fontName("sc", false), EMOJI_FONT]);
    expect(prepared.runs[1]!.text).toBe("📷");
    expect(prepared.measureText.startsWith("Camera W team")).toBe(true);
  });

  it("replaces a character no embedded font has with a visible mark instead of dropping it", () => {
    // Egyptian hieroglyph A001: in none of the embedded fonts.
    const prepared = prepareText("Name 𓀀 end");
    expect(prepared.runs).toEqual([{ font: fontName("sc", false), text: `Name ${REPLACEMENT_MARK} end` }]);
  });
});

describe("PDF export with right-to-left text and emoji", () => {
  it("embeds the Arabic, Hebrew and emoji fonts the text needs", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    const writer = new PdfWriter({
      out,
      title: "Transfer register",
      language: "en",
      meta: { asOf: "2026-12-03", generatedAt: new Date("2026-12-03T10:00:00Z") } as never,
    });
    writer.newPage();
    const table = writer.table([
      { header: "Recipient", width: 2 },
      { header: "Notes", width: 3 },
    ]);
    await table.addRow(["شركة البيانات Ltd", "חברת נתונים 📷"]);
    await writer.finish();
    const pdf = Buffer.concat(chunks).toString("latin1");
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHebrew/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoEmoji/);
  });
});
