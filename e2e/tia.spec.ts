import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { formatDate } from "../lib/labels";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";

/** No serious or critical WCAG 2.1 A/AA violation (as e2e/accessibility.spec.ts scans every other page). */
async function expectAccessible(page: Page) {
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

/*
 * Issue 17, done when: the DPO completes a transfer impact assessment for the Shenzhen transfer (demo data: the
 * faces and clips the Shenzhen R&D affiliate reviews by remote access, under intra-group SCCs) and downloads its
 * PDF for the file.
 */
test("the DPO completes a TIA for the Shenzhen transfer (demo data) and downloads its PDF", async ({ page, signInAs, api }, testInfo) => {
  const shenzhen = await api.findTransfer("Shenzhen", (row) => row.destinationCountry === "CN" && row.mechanism === "scc" && row.accessType === "remote_access");
  await signInAs("dpo");

  // The transfer page's section leads to the transfer's assessments, where a new one starts.
  await page.goto(`/transfers/${shenzhen.id}`);
  const section = page.getByTestId("transfer-tia");
  await expect(section.getByRole("heading", { name: "Transfer impact assessment" })).toBeVisible();
  await section.getByRole("link", { name: /Start an assessment|All assessments of this transfer/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Transfer impact assessments" })).toBeVisible();
  await page.getByRole("button", { name: "Start an assessment" }).click();
  await expect(page).toHaveURL(new RegExp(`/transfers/${shenzhen.id}/tia/[0-9a-f-]{36}$`));

  // Steps 1 and 2 come prefilled from the register; the country profile of China stands beside step 3.
  const form = page.getByTestId("tia-form");
  await expect(form.getByLabel("Description of the transfer", { exact: true })).toHaveValue(/GNCC Shenzhen R&D/);
  await expect(form.getByLabel("Transfer tool and agreement", { exact: true })).toHaveValue(/Standard contractual clauses|SCC/);
  const profile = page.getByTestId("country-profile");
  await expect(profile).toContainText("National Intelligence Law");
  await expect(profile).toContainText("Art. 7");
  await expect(profile.getByRole("link", { name: /chinalawtranslate\.com/ }).first()).toBeVisible();
  await expectAccessible(page);

  await form.getByLabel("Assessment of the law and practice", { exact: true }).fill("Art. 7 of the National Intelligence Law reaches the affiliate's engineers: access in clear must be limited.");
  await form.getByLabel("Risk level", { exact: true }).selectOption({ label: "High risk" });
  await form.getByRole("button", { name: "Add a measure" }).click();
  await form.getByLabel("Kind of measure 1", { exact: true }).selectOption({ label: "Technical" });
  await form.getByLabel("Description of measure 1", { exact: true }).fill("Faces are blurred before remote review; keys stay in the US.");
  await form.getByLabel("Procedural steps", { exact: true }).fill("Annex II of the intra-group SCCs updated.");
  await form.getByLabel("Outcome", { exact: true }).selectOption({ label: "Proceed with supplementary measures" });
  await form.getByLabel("Conclusion", { exact: true }).fill("Proceed with the measures of step 4; re-evaluate in 12 months.");
  await form.getByRole("button", { name: "Complete the assessment" }).click();

  // Completed: kept as it was, with the transfer's TIA date now today.
  await expect(page.getByTestId("tia-view")).toBeVisible();
  await expect(page.getByText("Completed", { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("tia.png"), fullPage: true });
  await expectAccessible(page);

  // The PDF for the file: a PDF whose title is the assessment's.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("tia-pdf-en").click()]);
  const file = testInfo.outputPath("tia.pdf");
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(execFileSync("pdfinfo", [file]).toString()).toMatch(/^Title:\s+Transfer impact assessment$/m);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  expect(text).toContain("Step 3: law and practice of the destination");
  expect(text).toContain("Faces are blurred before remote review");

  // Back on the transfer: the section shows the completed assessment and the TIA date is today's.
  await page.goto(`/transfers/${shenzhen.id}`);
  const { data: transfer } = await api.get(`/api/v1/transfers/${shenzhen.id}`);
  const today = String(transfer.tiaDate);
  await expect(page.getByTestId("transfer-tia")).toContainText(formatDate(today, "en"));
  await expect(page.getByTestId("transfer-tia")).toContainText("Proceed with supplementary measures");

  // In French: the assessment and China's profile read in French.
  await new AppShell(page).chooseLanguage("fr");
  await page.getByTestId("transfer-tia").getByRole("link", { name: "Ouvrir l'analyse" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Analyse d'impact des transferts/ })).toBeVisible();
  await expect(page.getByTestId("country-profile")).toContainText("Loi sur le renseignement national");
  await expect(page.getByTestId("tia-view")).toContainText("Poursuivre avec des mesures supplémentaires");
  await new AppShell(page).chooseLanguage("en");
});
