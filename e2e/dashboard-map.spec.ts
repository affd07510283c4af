import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { countryName, enumLabel } from "../lib/labels";
import { expect, test } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";

/**
 * The dashboard's world map (issue 17): the demo company's routes drawn over the countries' shapes, coloured by
 * their worst open flag and said in words below, on a desktop and on a phone without sideways scrolling of the
 * page; axe stays clean at both sizes.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(blocking, `serious/critical axe violations on the dashboard at ${name}`).toEqual([]);
}

/** The map, its country shapes and its route arcs. */
function flowMap(page: Page) {
  const svg = page.getByTestId("flow-map-svg");
  return { svg, countries: svg.locator("path[data-country]"), arcs: svg.locator("path[data-route]"), routes: page.getByTestId("flow-map-routes").getByRole("listitem") };
}

async function expectMapOfTheDemo(page: Page) {
  const map = flowMap(page);
  await expect(map.svg).toBeVisible();
  expect(await map.countries.count()).toBeGreaterThanOrEqual(100);
  // The demo company sends data from the United States to Mainland China and to Hong Kong.
  await expect(map.arcs.and(page.locator('[data-route="US-CN"]'))).toHaveCount(1);
  await expect(map.arcs.and(page.locator('[data-route="US-HK"]'))).toHaveCount(1);
  // One sentence per route, the same number as the arcs (every demo country is on the map).
  await expect(map.routes).toHaveCount(await map.arcs.count());
  // The picture fits its box and scales with it.
  const svgBox = (await map.svg.boundingBox())!;
  expect(svgBox.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await map.svg.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
}

test.describe("the dashboard's map", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("dpo");
  });

  test("on a desktop: country shapes, the routes coloured by their worst open flag and said in words", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await expectMapOfTheDemo(page);

    // The sentence of the China route names both countries, its transfers and its worst open flag, as the arc's colour does.
    const china = page.getByTestId("map-route-US-CN");
    const tone = (await page.locator('path[data-route="US-CN"]').getAttribute("data-tone"))!;
    const worst = tone === "none" ? "none" : enumLabel("severity", tone, "en");
    const sentence = `${countryName("US", "en")} → ${countryName("CN", "en")}: \\d+ transfers?, worst open flag: ${worst}`;
    await expect(china).toHaveText(new RegExp(`^${sentence.replace(/[.()'’]/g, "\\$&")}$`));
    // The demo's China transfers carry open flags: the route is not drawn as clean.
    expect(tone).not.toBe("none");
    // The legend names every colour in words.
    const legend = page.getByTestId("flow-map-legend");
    for (const label of ["Critical", "High", "Medium", "Low", "No open flag"]) await expect(legend).toContainText(label);
    // A route's sentence opens its transfers.
    await china.click();
    await page.waitForURL((url) => url.pathname === "/transfers");
    const url = new URL(page.url());
    expect([url.searchParams.get("exporterCountry"), url.searchParams.get("destination")]).toEqual(["US", "CN"]);

    await dashboard.goto();
    await expectNoSeriousViolations(page, testInfo, "dashboard-map-desktop");
  });

  test("in French: the countries and the words of the routes", async ({ page, context, baseURL }) => {
    // French for this browser only (the locale cookie), not the demo DPO's stored choice.
    await context.addCookies([{ name: "locale", value: "fr", url: baseURL! }]);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
    await expect(page.getByTestId("map-route-US-CN")).toHaveText(new RegExp(`^${countryName("US", "fr")} → ${countryName("CN", "fr")} : `));
    await expect(page.getByTestId("map-route-US-CN")).toContainText("→ Chine :");
    await expect(page.getByTestId("map-route-US-CN")).toContainText("alerte ouverte la plus grave :");
    await expect(page.getByTestId("flow-map-legend")).toContainText("Aucune alerte ouverte");
    await expect(flowMap(page).svg.locator("text")).toContainText(["Chine"]);
  });

  test("on a phone (390 × 844): the map, no sideways scrolling of the page, the matrix scrolls in its own box", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await expectMapOfTheDemo(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The matrix is wider than the phone: it scrolls inside its box, whose header row stays in view.
    const scroller = page.getByTestId("category-matrix-scroll");
    const { scrollWidth, clientWidth } = await scroller.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(await scroller.evaluate((element) => getComputedStyle(element.querySelector("thead th")!).position)).toBe("sticky");
    // The flow picture's country names are whole, beside their bands.
    for (const label of await page.locator('[data-testid^="flow-destination-"], [data-testid^="flow-origin-"]').all()) {
      const box = (await label.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(await label.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
    }
    await expectNoSeriousViolations(page, testInfo, "dashboard-map-phone");
  });
});
