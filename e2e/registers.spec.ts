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
