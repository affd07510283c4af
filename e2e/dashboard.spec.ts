import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";

/**
 * The DPO's dashboard on the demo register: the Mainland China and Hong Kong transfers appear in the flow
 * picture and the matrix, a matrix cell opens the filtered transfer register, and the page passes axe at
 * desktop and tablet widths.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectAccessibleDashboard(page: Page, testInfo: TestInfo, name: string) {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(dashboard.heading).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(blocking, `serious/critical axe violations on the dashboard at ${name}`).toEqual([]);
}

test.describe("dashboard", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("dpo");
  });

  test("shows the CN and HK transfers in the flow and the matrix; a cell opens the filtered register", async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    for (const destination of ["CN", "HK"]) {
      await expect(dashboard.flowLink(destination)).toHaveCount(1);
      await expect(dashboard.matrixCell(destination).first()).toBeVisible();
    }
    const cell = dashboard.matrixCell("CN").first();
    const testId = (await cell.getAttribute("data-testid"))!;
    const category = testId.slice("matrix-CN-".length);
    await cell.click();
    await page.waitForURL((url) => url.pathname === "/transfers");
    const url = new URL(page.url());
    expect(url.searchParams.get("destination")).toBe("CN");
    expect(url.searchParams.get("category")).toBe(category);
  });

  test("the population switch is kept in the URL and changes what the figures count", async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    // By default the dashboard counts the records awaiting review too (the demo has a submitted and a draft vendor).
    await expect(page.getByTestId("population-include")).toHaveAttribute("aria-current", "page");
    const withPending = Number((await page.getByTestId("transfer-total").textContent())!.replace(/\D/g, ""));
    await page.getByTestId("population-exclude").click();
    await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("pending") === "exclude");
    await expect(page.getByTestId("population-exclude")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("dashboard-population")).toContainText("approved records");
    const approved = Number((await page.getByTestId("transfer-total").textContent())!.replace(/\D/g, ""));
    expect(approved).toBeLessThan(withPending);
    // Every link carries the population to the list behind it.
    await expect(dashboard.openFlagsCard("high")).toHaveAttribute("href", /pending=exclude/);
  });

  test("a card's link opens a list of exactly that many rows", async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await page.goto("/?pending=exclude");
    const card = page.getByTestId("expiring-agreements");
    const count = Number((await card.locator("span").first().textContent())!.replace(/\D/g, ""));
    expect(count).toBeGreaterThan(0);
    await card.click();
    await page.waitForURL((url) => url.pathname === "/agreements" && url.searchParams.get("pending") === "exclude");
    await expect(page.getByTestId("pagination-summary")).toContainText(`of ${count}`);

    await dashboard.goto();
    const total = page.getByTestId("transfer-total");
    const transfers = Number((await total.textContent())!.replace(/\D/g, ""));
    await total.click();
    await page.waitForURL((url) => url.pathname === "/transfers" && url.searchParams.get("pending") === "include");
    await expect(page.getByTestId("pagination-summary")).toHaveText(new RegExp(`of ${transfers}$`));
  });

  test("passes axe at 1280 px and on a tablet (820 px)", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessibleDashboard(page, testInfo, "dashboard-desktop");
    await page.setViewportSize({ width: 820, height: 1180 });
    await expectAccessibleDashboard(page, testInfo, "dashboard-tablet");
  });
});
