import { describe, expect, it } from "vitest";
import { detectDocumentType } from "./content-type";
import { sampleDocx, sampleExe, sampleHtml, sampleJpeg, sampleOdt, samplePdf, samplePlainZip, samplePng } from "./sample-files";

describe("a document's type, read from its bytes", () => {
  it.each([
    ["a PDF", samplePdf, "application/pdf", "pdf"],
    ["a DOCX", sampleDocx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["an ODT", sampleOdt, "application/vnd.oasis.opendocument.text", "odt"],
    ["a PNG", samplePng, "image/png", "png"],
    ["a JPEG", sampleJpeg, "image/jpeg", "jpg"],
  ])("accepts %s", async (_what, make, mediaType, extension) => {
    expect(await detectDocumentType(make())).toEqual({ ok: true, type: { mediaType, extension } });
  });

  it("refuses an executable, naming what it is", async () => {
    const result = await detectDocumentType(sampleExe());
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ detected: expect.stringMatching(/msdownload|executable|x-ms/) });
  });

  it("refuses a zip that is not a word-processing document", async () => {
    expect(await detectDocumentType(samplePlainZip())).toEqual({ ok: false, detected: "application/zip" });
  });

  it("refuses HTML and any text: nothing in it proves a type", async () => {
    expect(await detectDocumentType(sampleHtml())).toEqual({ ok: false, detected: null });
    expect(await detectDocumentType(new TextEncoder().encode("Signed by both parties on 1 March 2026."))).toEqual({ ok: false, detected: null });
  });
});
