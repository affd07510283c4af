import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";

/** The DPO hands a regulator the records: choose a report, check its first rows, download it. */

const mainNav = (page: Page) => new AppShell(page).nav;

async function expectAccessible(page: Page) {
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the DPO previews the transfer register and downloads it as CSV and XLSX", async ({ page, signInAs }) => {
  await signInAs("dpo");
  await mainNav(page).getByRole("link", { name: "Exports" }).click();
  await expect(page).toHaveURL(/\/exports$/);
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
  await expectAccessible(page);

  // From the keyboard: the report, then the preview.
  await page.getByLabel("Report").focus();
  await page.getByLabel("Report").selectOption({ label: "Chapter V transfer register" });
  await page.getByLabel("Format").selectOption("csv");
  await page.getByRole("button", { name: "Show preview" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/report=transfers/);

  const preview = page.getByTestId("export-preview");
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("columnheader", { name: "Transfer mechanism" })).toBeVisible();
  await expect(page.getByTestId("export-preview-row").first()).toBeVisible();
  await expect(page.getByTestId("export-preview-summary")).toContainText("Chapter V transfer register");
  await expectAccessible(page);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
  expect(csv.suggestedFilename()).toMatch(/^transfer-register-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await csv.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("Transfer mechanism");
  expect(text).toContain("深圳市恒通技术服务有限公司");

  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download-xlsx").click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Cover", "Transfer register"]);
});

test("the Art. 30 record in the CNIL template, as of yesterday; a wrong date is refused next to its field", async ({ page, signInAs }) => {
  await signInAs("dpo");
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/exports?report=ropa&format=pdf&template=cnil&asOf=${yesterday}`);
  await expect(page.getByTestId("export-as-of")).toContainText(yesterday);
  await expect(page.getByTestId("export-download")).toHaveAttribute("href", `/api/v1/exports/ropa?format=pdf&template=cnil&asOf=${yesterday}`);

  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/exports?report=transfers&asOf=${tomorrow}`);
  await expect(page.getByTestId("export-field-error")).toContainText("must not be after today");
  await expect(page.getByLabel("As of (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("export-preview")).toHaveCount(0);
});

test("the auditor can export; the engineer cannot", async ({ page, signInAs }) => {
  await signInAs("auditor");
  await expect(mainNav(page).getByRole("link", { name: "Exports" })).toBeVisible();
  await page.goto("/exports?report=doj&format=xlsx");
  await expect(page.getByTestId("export-preview")).toContainText("GNCC Shenzhen R&D (affiliate)");

  await new AppShell(page).signOut();
  await signInAs("engineer");
  await expect(mainNav(page).getByRole("link", { name: "Exports" })).toHaveCount(0);
  await page.goto("/exports");
  await expect(page).toHaveURL(/\/forbidden$/);
  const response = await page.request.get("/api/v1/exports/transfers");
  expect(response.status()).toBe(403);
});
