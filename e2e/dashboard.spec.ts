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

  test("passes axe at 1280 px and on a tablet (820 px)", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessibleDashboard(page, testInfo, "dashboard-desktop");
    await page.setViewportSize({ width: 820, height: 1180 });
    await expectAccessibleDashboard(page, testInfo, "dashboard-tablet");
  });
});
