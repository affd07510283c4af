import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { RegisterPage } from "./pages/register-page";

/*
 * The DPO's other registers (agreements, processing activities, data categories) and the column choice on
 * every register: a filtered, sorted view with chosen columns is a URL, and a reload or a shared link gives
 * the same view. Each register is saved as a screenshot in the test's output folder.
 */

async function expectNoSeriousViolations(page: Page) {
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help} ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}

/** The rows' text without layout whitespace. */
async function rowTexts(rows: Locator) {
  await rows.first().waitFor();
  return (await rows.allTextContents()).map((text) => text.replace(/\s+/g, ""));
}

test("agreements register: filter, sort and columns live in the URL; the first render needs no API call", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  // The server page hydrates the query cache: loading the register must not ask the API for the same rows again.
  const apiCalls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/agreements")) apiCalls.push(request.url());
  });
  const agreements = RegisterPage.agreements(page);
  await agreements.goto();
  await expect(agreements.heading).toBeVisible();
  const rows = agreements.rows;
  const all = await rowTexts(rows);
  expect(all.length).toBeGreaterThan(1);
  await saveScreenshot(page, testInfo, "agreements.png");
  expect(apiCalls).toEqual([]);

  const filters = agreements.filters;
  await filters.getByLabel("Type").selectOption("scc");
  await agreements.applyFilters();
  await expect(page).toHaveURL(/type=scc/);
  await expect(rows.first()).toBeVisible();
  const scc = await rowTexts(rows);
  expect(scc.length).toBeGreaterThan(0);
  expect(scc.length).toBeLessThan(all.length);
  for (const text of scc) expect(text).toContain("SCCagreement");

  await agreements.chooseColumn("Signed", false);
  const table = agreements.table;
  await expect(table.getByRole("columnheader", { name: /^Signed/ })).toHaveCount(0);
  await expect(page).toHaveURL(/type=scc/);

  // Sorting keeps the filter and the columns; the reload reproduces all three.
  const expiry = table.getByRole("columnheader", { name: /Expiry/ });
  await expiry.getByRole("link").click();
  await expect(page).toHaveURL(/sort=expiry&direction=desc/);
  await expect(expiry).toHaveAttribute("aria-sort", "descending");
  const sorted = await rowTexts(rows);
  await page.reload();
  expect(await rowTexts(rows)).toEqual(sorted);
  await expect(filters.getByLabel("Type")).toHaveValue("scc");
  await expect(table.getByRole("columnheader", { name: /^Signed/ })).toHaveCount(0);
  await expect(expiry).toHaveAttribute("aria-sort", "descending");
  await saveScreenshot(page, testInfo, "agreements-scc-sorted.png");
  await expectNoSeriousViolations(page);

  // The filter form keeps the column choice too.
  await filters.getByLabel("Type").selectOption("");
  await agreements.applyFilters();
  await expect(page).not.toHaveURL(/type=scc/);
  await expect(page).toHaveURL(/cols=/);
});

test("an agreement's page shows its processor, the transfers it covers with their flags, and its history", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  const agreements = RegisterPage.agreements(page);
  await agreements.goto("type=dpa");
  await agreements.openRecord();
  await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("DPA with");
  await expect(page.getByTestId("agreement-facts")).toContainText("Sub-processing permitted");
  await expect(page.getByRole("region", { name: "Processor" }).getByRole("link")).toHaveAttribute("href", /\/processors\//);
  await expect(page.getByRole("heading", { level: 2, name: /Transfers covered \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Flags on the covered transfers" })).toBeVisible();
  await expect(page.getByTestId("record-history")).toBeVisible();
  await expect(page.getByTestId("edit-link")).toHaveAttribute("href", /\/agreements\/[0-9a-f-]{36}\/edit$/);
  await saveScreenshot(page, testInfo, "agreement.png");
  await expectNoSeriousViolations(page);
});

test("processing activities register: filter by legal basis, reload, same view; the page shows its transfers", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  const activities = RegisterPage.activities(page);
  await activities.goto();
  await expect(activities.heading).toBeVisible();
  const rows = activities.rows;
  const all = await rowTexts(rows);
  await saveScreenshot(page, testInfo, "activities.png");

  const filters = activities.filters;
  await filters.getByLabel("Legal basis").selectOption("consent");
  await activities.applyFilters();
  await expect(page).toHaveURL(/legalBasis=consent/);
  const consent = await rowTexts(rows);
  expect(consent.length).toBeGreaterThan(0);
  expect(consent.length).toBeLessThan(all.length);
  for (const text of consent) expect(text.toLowerCase()).toContain("consent");

  await activities.chooseColumn("Controller", true);
  const table = activities.table;
  await expect(table.getByRole("columnheader", { name: "Controller" })).toBeVisible();
  const withController = await rowTexts(rows);
  expect(withController).toHaveLength(consent.length);
  await page.reload();
  expect(await rowTexts(rows)).toEqual(withController);
  await expect(filters.getByLabel("Legal basis")).toHaveValue("consent");
  await expect(table.getByRole("columnheader", { name: "Controller" })).toBeVisible();
  await expectNoSeriousViolations(page);

  // The activity with the most transfers, and its page.
  await activities.goto("sort=transfers&direction=desc");
  await activities.openRecord();
  await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("activity-facts")).toContainText("Legal basis");
  await expect(page.getByTestId("activity-facts")).toContainText("Retention period");
  await expect(page.getByTestId("activity-facts")).toContainText("Security measures");
  await expect(page.getByTestId("activity-categories")).toBeVisible();
  await expect(page.getByTestId("related-transfer-row").first()).toBeVisible();
  await expect(page.getByTestId("record-history")).toBeVisible();
  await saveScreenshot(page, testInfo, "activity.png");
  await expectNoSeriousViolations(page);
});

test("data categories register: the sensitive filter, the tree, and the link to the transfers carrying a category", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  const categories = RegisterPage.dataCategories(page);
  await categories.goto();
  await expect(categories.heading).toBeVisible();
  await saveScreenshot(page, testInfo, "data-categories.png");

  const filters = categories.filters;
  await filters.getByLabel("Sensitive").selectOption("1");
  await categories.applyFilters();
  await expect(page).toHaveURL(/sensitive=1/);
  const rows = categories.rows;
  const sensitive = await rowTexts(rows);
  expect(sensitive.length).toBeGreaterThan(0);
  for (const row of await rows.all()) await expect(row.getByTestId("sensitive-marker")).toBeVisible();
  await page.reload();
  expect(await rowTexts(rows)).toEqual(sensitive);
  await expect(filters.getByLabel("Sensitive")).toHaveValue("1");
  await expectNoSeriousViolations(page);

  // The busiest category: its count equals the transfer register's rows behind the link.
  await categories.goto("sort=transfers&direction=desc");
  const link = rows.first().getByRole("link", { name: /transfers carrying/ });
  const count = Number(/^[\d,]+/.exec((await link.innerText()).trim())![0].replace(/,/g, ""));
  expect(count).toBeGreaterThan(0);

  // The category's own page says the same number.
  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/data-categories\/[a-z0-9_.]+$/);
  await expect(page.getByTestId("category-facts")).toContainText(`${count.toLocaleString("en-US")} transfer`);
  await expect(page.getByTestId("record-history")).toBeVisible();
  await saveScreenshot(page, testInfo, "data-category.png");
  await expectNoSeriousViolations(page);
  await page.goBack();

  await link.click();
  await expect(page).toHaveURL(/\/transfers\?category=/);
  await expect(RegisterPage.transfers(page).paginationSummary).toContainText(`of ${count.toLocaleString("en-US")}`);
});

test("column choice on the processors and transfers registers persists in the URL, from the keyboard too", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  const processorRegister = RegisterPage.processors(page);
  await processorRegister.goto();
  const processors = processorRegister.table;
  await expect(processors.getByRole("columnheader", { name: "EU-US DPF" })).toHaveCount(0);
  await processorRegister.chooseColumn("EU-US DPF", true);
  await expect(processors.getByRole("columnheader", { name: "EU-US DPF" })).toBeVisible();
  await page.reload();
  await expect(processors.getByRole("columnheader", { name: "EU-US DPF" })).toBeVisible();
  // Sorting keeps the choice.
  await processors.getByRole("columnheader", { name: /Country/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=country/);
  await expect(page).toHaveURL(/cols=/);
  await expect(processors.getByRole("columnheader", { name: "EU-US DPF" })).toBeVisible();
  await saveScreenshot(page, testInfo, "processors-columns.png");

  const transferRegister = RegisterPage.transfers(page);
  await transferRegister.goto();
  await page.waitForLoadState("networkidle");
  const transfers = transferRegister.table;
  await expect(transfers.getByRole("columnheader", { name: "Exporter" })).toBeVisible();
  // Keyboard: Tab to "Columns", Enter opens it, Tab to the first box, Space unticks "Exporter".
  const summary = transferRegister.columnChooser.locator("summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("checkbox", { name: "Exporter", exact: true })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/cols=/);
  await expect(transfers.getByRole("columnheader", { name: "Exporter" })).toHaveCount(0);
  await page.reload();
  await expect(transfers.getByRole("columnheader", { name: "Exporter" })).toHaveCount(0);
  await expect(transfers.getByRole("columnheader", { name: /Mechanism/ })).toBeVisible();
  await saveScreenshot(page, testInfo, "transfers-columns.png");
  await expectNoSeriousViolations(page);
});

test("the new registers are usable at 1280 px and on a tablet", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  for (const [width, height] of [
    [1280, 800],
    [820, 1180],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const path of ["/agreements", "/activities", "/data-categories"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The filters and the column choice fit the viewport; a wide table scrolls inside its own region.
      const search = page.getByRole("search");
      const box = await search.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreenshot(page, testInfo, `${path.slice(1)}-${width}.png`);
    }
  }
});

test("a processor's page shows its sub-processing chain, transfers, agreements, flags and history", async ({ page, signInAs }) => {
  await signInAs("dpo");
  const processors = RegisterPage.processors(page);
  await processors.goto();
  await processors.openRecord();
  await expect(page.getByRole("heading", { level: 2, name: "Sub-processing chain" })).toBeVisible();
  await expect(page.getByTestId("edit-link")).toHaveAttribute("href", /\/processors\/[0-9a-f-]{36}\/edit$/);
  await expect(page.getByRole("heading", { level: 2, name: /^Transfers/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Agreements" })).toBeVisible();
  await expect(page.getByTestId("flag-list")).toBeVisible();
  await expect(page.getByTestId("record-history")).toBeVisible();
});
