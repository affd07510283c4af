import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { RegisterPage } from "./pages/register-page";

const WCAG_TAGS = ["wcag2a", "wcag2aa"];

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** The transfer register's rows' text without layout whitespace, on `page`. */
const rowTexts = (page: Page) => RegisterPage.transfers(page).rowTexts();

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
}

test("journey (c): the DPO filters the transfer register by Hong Kong and a sensitive category, and the URL keeps the view", async ({
  page,
  signInAs,
  context,
}, testInfo) => {
  await signInAs("dpo");
  const register = RegisterPage.transfers(page);
  await register.goto();
  const filters = register.filters;

  // Precise geolocation is sensitive (CCPA, DOJ); choosing the parent key matches its GPS and Wi-Fi children.
  const category = filters.getByLabel("Data category");
  await expect(category.locator('option[value="user.location.precise"]')).toContainText("sensitive");
  await filters.getByLabel("Destination").selectOption("HK");
  await category.selectOption("user.location.precise");
  await register.applyFilters();
  await expect(page).toHaveURL(/destination=HK/);
  await expect(page).toHaveURL(/category=user\.location\.precise/);

  const rows = register.rows;
  await expect(rows.first()).toBeVisible();
  const filtered = await rowTexts(page);
  for (const text of filtered) expect(text).toContain("HongKong");
  const all = await (async () => {
    const other = await context.newPage();
    const otherRegister = RegisterPage.transfers(other);
    await otherRegister.goto("destination=HK");
    const texts = await otherRegister.rows.allInnerTexts();
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
  await expect(RegisterPage.transfers(shared).filter("Data category")).toHaveValue("user.location.precise");
  await shared.close();

  await saveScreenshot(page, testInfo, "transfers-hk-sensitive.png");
  await expectNoSeriousViolations(page);
});

test("the sensitive filter keeps only transfers carrying sensitive data", async ({ page, signInAs }) => {
  await signInAs("dpo");
  const register = RegisterPage.transfers(page);
  await register.goto("pageSize=100");
  const everything = await register.rowTexts();
  await register.filter("Sensitive data").selectOption("1");
  await register.applyFilters();
  await expect(page).toHaveURL(/sensitive=1/);
  const sensitive = await register.rowTexts();
  expect(sensitive.length).toBeGreaterThan(0);
  expect(sensitive.length).toBeLessThanOrEqual(everything.length);
});

test("sorting the transfer register by a column header, both ways, in the URL", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  const register = RegisterPage.transfers(page);
  await register.goto("pageSize=100");
  const table = register.table;
  const volumeHeader = register.columnHeader(/Volume/);

  const volumes = async () =>
    (await register.rows.locator("td:nth-child(5)").allInnerTexts()).map((text) => Number(text.replace(/[^0-9]/g, "")));
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

  const transfers = RegisterPage.transfers(page);
  await transfers.goto("destination=HK&sort=volume&direction=desc");
  const hongKong = await transfers.rowTexts();
  expect(hongKong.length).toBeGreaterThan(0);
  for (const text of hongKong) expect(text).toContain("HongKong");
  await page.waitForLoadState("networkidle");
  expect(apiCalls).toEqual([]);

  // Another filter: the rows are the new view's, not the previous ones kept on screen.
  await transfers.filter("Destination").selectOption("CN");
  await transfers.applyFilters();
  await expect(page).toHaveURL(/destination=CN/);
  await expect.poll(async () => (await transfers.rowTexts()).every((text) => text.includes("China"))).toBe(true);
  await expect(transfers.table).toHaveAttribute("aria-busy", "false");

  // Another page: none of the first page's transfers.
  await transfers.goto("pageSize=5");
  const firstPage = await transfers.rowLinks();
  expect(firstPage).toHaveLength(5);
  await transfers.nextPage();
  await expect(page).toHaveURL(/page=2/);
  await expect(transfers.paginationSummary).toContainText(/^6–/);
  const secondPage = await transfers.rowLinks();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);

  apiCalls.length = 0;
  const processors = RegisterPage.processors(page);
  await processors.goto("pageSize=5");
  await expect(processors.heading).toBeVisible();
  const processorsFirst = await processors.rowLinks();
  expect(processorsFirst).toHaveLength(5);
  await page.waitForLoadState("networkidle");
  expect(apiCalls).toEqual([]);
  await processors.nextPage();
  await expect(page).toHaveURL(/page=2/);
  await expect(processors.paginationSummary).toContainText(/^6–/);
  const processorsSecond = await processors.rowLinks();
  expect(processorsSecond.filter((href) => processorsFirst.includes(href))).toEqual([]);

  // A filter on the processors: only the chosen status remains.
  await processors.filter("Status").selectOption("approved");
  await processors.applyFilters();
  await expect(page).toHaveURL(/status=approved/);
  const statuses = processors.rows.locator('td[data-column="status"]');
  await expect(statuses.first()).toBeVisible();
  await expect.poll(async () => (await statuses.allTextContents()).every((status) => status.trim() === "Approved")).toBe(true);
});

for (const register of [
  { open: RegisterPage.processors, heading: "Processors", screenshot: "processors.png" },
  { open: RegisterPage.transfers, heading: "Transfers", screenshot: "transfers.png" },
]) {
  test(`the ${register.heading.toLowerCase()} register renders, is saved as a screenshot and passes axe`, async ({ page, signInAs }, testInfo) => {
    await signInAs("dpo");
    const view = register.open(page);
    await view.goto();
    await expect(view.heading).toBeVisible();
    await saveScreenshot(page, testInfo, register.screenshot);
    await expectNoSeriousViolations(page);
  });
}
