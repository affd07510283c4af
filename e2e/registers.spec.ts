import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";

const WCAG_TAGS = ["wcag2a", "wcag2aa"];

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** The rows' text without layout whitespace (innerText depends on whether the stylesheet has applied yet). */
async function rowTexts(page: Page) {
  await page.getByTestId("transfer-row").first().waitFor();
  return (await page.getByTestId("transfer-row").allTextContents()).map((text) => text.replace(/\s+/g, ""));
}

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}

test("journey (c): the DPO filters the transfer register by Hong Kong and a sensitive category, and the URL keeps the view", async ({
  page,
  signInAs,
  context,
}, testInfo) => {
  await signInAs("dpo");
  await page.goto("/transfers");
  const filters = page.getByRole("search", { name: "Filter transfers" });

  // Precise geolocation is sensitive (CCPA, DOJ); choosing the parent key matches its GPS and Wi-Fi children.
  const category = filters.getByLabel("Data category");
  await expect(category.locator('option[value="user.location.precise"]')).toContainText("sensitive");
  await filters.getByLabel("Destination").selectOption("HK");
  await category.selectOption("user.location.precise");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/destination=HK/);
  await expect(page).toHaveURL(/category=user\.location\.precise/);

  const rows = page.getByTestId("transfer-row");
  await expect(rows.first()).toBeVisible();
  const filtered = await rowTexts(page);
  for (const text of filtered) expect(text).toContain("HongKong");
  const all = await (async () => {
    const other = await context.newPage();
    await other.goto("/transfers?destination=HK");
    const texts = await other.getByTestId("transfer-row").allInnerTexts();
    await other.close();
    return texts;
  })();
  expect(filtered.length).toBeLessThan(all.length);

  await page.reload();
  expect(await rowTexts(page)).toEqual(filtered);
  await expect(filters.getByLabel("Destination")).toHaveValue("HK");
  await expect(filters.getByLabel("Data category")).toHaveValue("user.location.precise");

  // The link alone reproduces the view in another tab.
  const shared = await context.newPage();
  await shared.goto(page.url());
  expect(await rowTexts(shared)).toEqual(filtered);
  await expect(shared.getByRole("search", { name: "Filter transfers" }).getByLabel("Data category")).toHaveValue("user.location.precise");
  await shared.close();

  await saveScreenshot(page, testInfo, "transfers-hk-sensitive.png");
  await expectNoSeriousViolations(page);
});

test("the sensitive filter keeps only transfers carrying sensitive data", async ({ page, signInAs }) => {
  await signInAs("dpo");
  await page.goto("/transfers?pageSize=100");
  const everything = await rowTexts(page);
  await page.getByRole("search", { name: "Filter transfers" }).getByLabel("Sensitive data").selectOption("1");
  await page.getByRole("search", { name: "Filter transfers" }).getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sensitive=1/);
  const sensitive = await rowTexts(page);
  expect(sensitive.length).toBeGreaterThan(0);
  expect(sensitive.length).toBeLessThanOrEqual(everything.length);
});

test("sorting the transfer register by a column header, both ways, in the URL", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  await page.goto("/transfers?pageSize=100");
  const table = page.getByTestId("transfers-table");
  const volumeHeader = table.getByRole("columnheader", { name: /Volume/ });

  const volumes = async () =>
    (await table.getByTestId("transfer-row").locator("td:nth-child(5)").allInnerTexts()).map((text) => Number(text.replace(/[^0-9]/g, "")));
  await volumeHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=volume&direction=asc/);
  await expect(volumeHeader).toHaveAttribute("aria-sort", "ascending");
  const ascending = await volumes();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  await volumeHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=volume&direction=desc/);
  await expect(volumeHeader).toHaveAttribute("aria-sort", "descending");
  const descending = await volumes();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));

  await page.reload();
  await expect(volumeHeader).toHaveAttribute("aria-sort", "descending");
  await saveScreenshot(page, testInfo, "transfers-sorted.png");
});

/** The record links of a register's rows: ids, unlike the rows' text, cannot repeat from one page to the next. */
async function rowLinks(page: Page, rowTestId: string, basePath: string) {
  await page.getByTestId(rowTestId).first().waitFor();
  return page.getByTestId(rowTestId).locator(`a[href^="${basePath}/"]`).evaluateAll((links) => links.map((link) => link.getAttribute("href")));
}

test("the transfer and processor registers start from the server's rows, with no API call, and a filter or a page shows new rows", async ({
  page,
  signInAs,
}) => {
  await signInAs("dpo");
  // The server page prefetches into the query cache it hydrates: the first render must not ask the API again.
  const apiCalls: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === "/api/v1/transfers" || pathname === "/api/v1/processors") apiCalls.push(request.url());
  });

  await page.goto("/transfers?destination=HK&sort=volume&direction=desc");
  const hongKong = await rowTexts(page);
  expect(hongKong.length).toBeGreaterThan(0);
  for (const text of hongKong) expect(text).toContain("HongKong");
  await page.waitForLoadState("networkidle");
  expect(apiCalls).toEqual([]);

  // Another filter: the rows are the new view's, not the previous ones kept on screen.
  const filters = page.getByRole("search", { name: "Filter transfers" });
  await filters.getByLabel("Destination").selectOption("CN");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/destination=CN/);
  await expect.poll(async () => (await rowTexts(page)).every((text) => text.includes("China"))).toBe(true);
  await expect(page.getByTestId("transfers-table")).toHaveAttribute("aria-busy", "false");

  // Another page: none of the first page's transfers.
  await page.goto("/transfers?pageSize=5");
  const firstPage = await rowLinks(page, "transfer-row", "/transfers");
  expect(firstPage).toHaveLength(5);
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("pagination-summary")).toContainText(/^6–/);
  const secondPage = await rowLinks(page, "transfer-row", "/transfers");
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);

  apiCalls.length = 0;
  await page.goto("/processors?pageSize=5");
  await expect(page.getByRole("heading", { level: 1, name: "Processors" })).toBeVisible();
  const processorsFirst = await rowLinks(page, "processor-row", "/processors");
  expect(processorsFirst).toHaveLength(5);
  await page.waitForLoadState("networkidle");
  expect(apiCalls).toEqual([]);
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("pagination-summary")).toContainText(/^6–/);
  const processorsSecond = await rowLinks(page, "processor-row", "/processors");
  expect(processorsSecond.filter((href) => processorsFirst.includes(href))).toEqual([]);

  // A filter on the processors: only the chosen status remains.
  const processorFilters = page.getByRole("search", { name: "Filter processors" });
  await processorFilters.getByLabel("Status").selectOption("approved");
  await processorFilters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=approved/);
  const statuses = page.getByTestId("processor-row").locator('td[data-column="status"]');
  await expect(statuses.first()).toBeVisible();
  await expect.poll(async () => (await statuses.allTextContents()).every((status) => status.trim() === "approved")).toBe(true);
});

for (const register of [
  { path: "/processors", heading: "Processors", screenshot: "processors.png" },
  { path: "/transfers", heading: "Transfers", screenshot: "transfers.png" },
]) {
  test(`the ${register.heading.toLowerCase()} register renders, is saved as a screenshot and passes axe`, async ({ page, signInAs }, testInfo) => {
    await signInAs("dpo");
    await page.goto(register.path);
    await expect(page.getByRole("heading", { level: 1, name: register.heading })).toBeVisible();
    await saveScreenshot(page, testInfo, register.screenshot);
    await expectNoSeriousViolations(page);
  });
}
