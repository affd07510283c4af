import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import PDFDocument from "pdfkit";
import { expect, test, uniqueName } from "./fixtures";

/*
 * Issue 17, point 2: the DPO files the signed SCCs with their agreement and sees the SHA-256 the server computed,
 * then files the countersigned copy as version 2. The PDFs are real ones, made here with pdfkit, and the expected
 * hashes computed here from their bytes.
 */

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ size: "A5", info: { Title: text, CreationDate: new Date("2026-03-01T00:00:00Z") } });
    const chunks: Buffer[] = [];
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
    document.fontSize(14).text(text);
    document.end();
  });
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test("the DPO uploads a signed SCC to an agreement and sees its SHA-256, then uploads version 2", async ({ page, signInAs, api }, testInfo) => {
  const processor = await api.createProcessor({ name: uniqueName("SCC Vendor"), country: "CN" });
  const agreement = await api.createAgreement({ processorId: processor.id, type: "scc", sccModule: "module_2", signedDate: "2026-03-01" });
  const signed = await pdf("Standard contractual clauses, module 2, signed by the exporter");
  const countersigned = await pdf("Standard contractual clauses, module 2, signed by both parties");
  const title = "SCCs module 2, signed";

  await signInAs("dpo");
  await page.goto(`/agreements/${agreement.id}`);
  const panel = page.getByTestId("documents-panel");
  await expect(panel.getByRole("heading", { level: 2, name: "Documents" })).toBeVisible();

  const upload = panel.getByTestId("document-upload");
  await upload.getByLabel("Kind of document").selectOption({ label: "Standard contractual clauses (SCCs)" });
  await upload.getByLabel("Title", { exact: true }).fill(title);
  await upload.getByLabel("File", { exact: true }).setInputFiles({ name: "SCC signed.pdf", mimeType: "application/pdf", buffer: signed });
  await upload.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(upload.getByRole("status")).toHaveText("Uploaded as version 1.");

  const document = panel.getByTestId("document").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(document.getByTestId("document-current-version")).toContainText("Version 1");
  await expect(document.getByTestId("document-sha256").first()).toHaveText(sha256(signed));
  await page.screenshot({ path: testInfo.outputPath("documents-version-1.png"), fullPage: true });

  // The download is the very file, and carries the same hash.
  const [download] = await Promise.all([page.waitForEvent("download"), document.getByTestId("document-download").click()]);
  expect(download.suggestedFilename()).toBe("SCC signed.pdf");
  expect(sha256(await readFile((await download.path())!))).toBe(sha256(signed));

  // The countersigned copy as version 2: the current file changes, the first stays in the history.
  await document.getByText("Upload a new version").click();
  const newVersion = document.getByTestId("document-version-upload");
  await newVersion.getByLabel("File", { exact: true }).setInputFiles({ name: "SCC countersigned.pdf", mimeType: "application/pdf", buffer: countersigned });
  await newVersion.getByRole("button", { name: "Upload as version 2" }).click();
  await expect(document.getByTestId("document-current-version")).toContainText("Version 2");
  await expect(document.getByTestId("document-sha256").first()).toHaveText(sha256(countersigned));
  await document.getByText("Version history (2 versions)").click();
  const versions = document.getByTestId("document-version");
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0).getByTestId("document-sha256")).toHaveText(sha256(countersigned));
  await expect(versions.nth(1).getByTestId("document-sha256")).toHaveText(sha256(signed));
  await page.screenshot({ path: testInfo.outputPath("documents-version-2.png"), fullPage: true });

  // The panel, its history and a version form open, passes axe's WCAG 2.1 A/AA rules.
  await document.getByText("Upload a new version").click();
  await page.waitForLoadState("networkidle");
  const axe = await new AxeBuilder({ page }).include('[data-testid="documents-panel"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);

  // In French, the panel's words and the kind's label; on a 390 px phone, the hash wraps inside the screen.
  await page.context().addCookies([{ name: "locale", value: "fr", url: page.url() }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(panel.getByRole("heading", { level: 2, name: "Documents déposés" })).toBeVisible();
  await expect(document.getByText("Clauses contractuelles types (CCT)")).toBeVisible();
  await expect(document.getByTestId("document-current-version")).toContainText("Version 2");
  const hash = await document.getByTestId("document-sha256").first().boundingBox();
  expect(hash!.x + hash!.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath("documents-phone-fr.png"), fullPage: true });
});
