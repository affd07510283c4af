import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * Bulk import from the browser: a CSV with one bad row is reported by row and column and nothing is imported;
 * the fixed file imports, with its counts; importing it again changes nothing.
 */

const HEADER = "externalId,name,website,role,service,country,dpfCertified";

function processorsCsv(suffix: string, secondCountry: string): Buffer {
  return Buffer.from(
    [
      HEADER,
      `e2e-${suffix}-a,Import Alpha ${suffix},https://alpha-${suffix}.example,processor,hosting,DE,false`,
      `e2e-${suffix}-b,Import Beta ${suffix},https://beta-${suffix}.example,processor,analytics,${secondCountry},false`,
    ].join("\n") + "\n",
  );
}

async function expectNoSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function upload(page: Page, file: Buffer) {
  await page.getByLabel("File (CSV or XLSX)").setInputFiles({ name: "processors.csv", mimeType: "text/csv", buffer: file });
  await page.getByLabel("A CSV file holds").selectOption("processors");
}

test("the DPO checks a CSV with one bad row, sees the problem by row and column, fixes it and imports it", async ({ page, signInAs }, testInfo) => {
  const suffix = crypto.randomBytes(3).toString("hex");
  await signInAs("dpo");
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import entities, processors and transfers");

  // The templates are the API's.
  const template = await page.request.get((await page.getByRole("link", { name: "Processors template (CSV)" }).getAttribute("href"))!);
  expect(template.status()).toBe(200);
  expect((await template.text()).split("\n")[0]).toContain("externalId,name");

  // Row 3 (the header is row 1) names a country that does not exist.
  await upload(page, processorsCsv(suffix, "ZZ"));
  await page.getByRole("button", { name: "Check file" }).click();
  const problems = page.getByTestId("import-problem");
  await expect(problems).toHaveCount(1);
  await expect(problems.first().getByRole("cell").nth(0)).toHaveText("processors");
  await expect(problems.first().getByRole("cell").nth(1)).toHaveText("3");
  await expect(problems.first().getByRole("cell").nth(2)).toHaveText("country");
  await expect(problems.first().getByRole("cell").nth(3)).toContainText("ISO 3166-1 alpha-2");
  await expect(page.getByTestId("import-problems")).toContainText("nothing was imported");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await expectNoSeriousAxeViolation(page);
  await page.screenshot({ path: testInfo.outputPath("import-problems.png"), fullPage: true });

  // Nothing reached the register, not even the good row.
  await page.goto(`/processors?q=${encodeURIComponent(`Import Alpha ${suffix}`)}`);
  await expect(page.getByRole("link", { name: `Import Alpha ${suffix}` })).toHaveCount(0);

  // Fixed: two rows OK, then imported all at once.
  await page.goto("/import");
  await upload(page, processorsCsv(suffix, "FR"));
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("import-check-ok")).toHaveText("2 rows OK. Importing would create 2, update 0 and leave 0 unchanged.");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Imported: 2 created, 0 updated, 0 unchanged.");

  // The same file again: idempotent.
  await upload(page, processorsCsv(suffix, "FR"));
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("import-check-ok")).toContainText("leave 2 unchanged");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Imported: 0 created, 0 updated, 2 unchanged.");

  await page.goto(`/processors?q=${encodeURIComponent(`Import Beta ${suffix}`)}`);
  await expect(page.getByRole("link", { name: `Import Beta ${suffix}` })).toBeVisible();
});

test("the engineer reaches the import page too", async ({ page, signInAs }) => {
  await signInAs("engineer");
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import entities, processors and transfers");
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("import-error")).toContainText("choose a CSV or XLSX file");
});
