import { describe, expect, it } from "vitest";
import { attachmentDisposition, sanitizeFileName } from "./file-name";

describe("a stored document's file name", () => {
  it("keeps a plain name with the extension of the detected type", () => {
    expect(sanitizeFileName("SCC module 2 signed.pdf", "pdf")).toBe("SCC module 2 signed.pdf");
    expect(sanitizeFileName("Contrat signé.PDF", "pdf")).toBe("Contrat signé.pdf");
  });

  it("adds the real extension when the name claims another type", () => {
    expect(sanitizeFileName("contract.pdf", "png")).toBe("contract.pdf.png");
    expect(sanitizeFileName("scan", "jpg")).toBe("scan.jpg");
  });

  it("drops path parts, controls, bidirectional overrides and characters Windows forbids", () => {
    expect(sanitizeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("C:\\Users\\dpo\\DPA.pdf", "pdf")).toBe("DPA.pdf");
    expect(sanitizeFileName("inv\u202eoice\u0000<1>:*?.pdf", "pdf")).toBe("invoice1.pdf");
    expect(sanitizeFileName("  ...hidden  ", "odt")).toBe("hidden.odt");
  });

  it("names a file with nothing left 'document', and cuts long names without splitting a character", () => {
    expect(sanitizeFileName("///", "pdf")).toBe("document.pdf");
    const long = sanitizeFileName(`${"合同".repeat(200)}.pdf`, "pdf");
    expect([...long].length).toBeLessThanOrEqual(120);
    expect(long.endsWith("同.pdf") || long.endsWith("合.pdf")).toBe(true);
  });
});

describe("the download's Content-Disposition", () => {
  it("carries an ASCII fallback and the UTF-8 name (RFC 5987)", () => {
    expect(attachmentDisposition("Contrat signé (v2).pdf")).toBe(
      `attachment; filename="Contrat sign_ (v2).pdf"; filename*=UTF-8''Contrat%20sign%C3%A9%20%282%29.pdf`.replace("%282%29", "%28v2%29"),
    );
    expect(attachmentDisposition('a"b.pdf')).toContain('filename="a_b.pdf"');
  });
});
