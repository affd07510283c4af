import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { OTHER_PAGES, recordPages, REGISTER_PAGES, type NamedPage } from "./pages/every-page";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Accessibility: every page passes axe's WCAG 2.1 A/AA rules without a serious or critical violation, and the
 * main journeys work from the keyboard. Nothing is excluded from the scans: the end-to-end server is a
 * production build, so Next's development overlays are not on the page.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, name: string) {
  // Client components have hydrated and fonts have loaded before the scan and the screenshot.
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const report = blocking
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`).join("\n"),
    )
    .join("\n");
  const summary = blocking.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(summary, `serious/critical axe violations on ${name} (${page.url()}):\n${report}`).toEqual([]);
}

/** Presses Tab until `target` has focus, at most `max` times. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return i + 1;
  }
  throw new Error(`Tab did not reach the element within ${max} presses`);
}

test("the sign-in page has no serious or critical accessibility violation", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Transfer governance" })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, "sign-in");

  // The refusal message too (an address no other journey uses: the sign-in rate limit counts per address).
  const signIn = new SignInPage(page);
  await signIn.signIn("nobody@a11y.example.test", "not-the-password");
  await signIn.expectError();
  await expectNoSeriousViolations(page, testInfo, "sign-in-error");
});

/**
 * Every page of the DPO, in three groups that run side by side on the workers (one test of thirty scans
 * would hold one worker for minutes): each page answers, has its heading, and passes axe.
 */
async function expectAccessiblePages(page: Page, testInfo: TestInfo, pages: readonly NamedPage[]) {
  for (const [name, path] of pages) {
    await test.step(`${name} (${path})`, async () => {
      const response = await page.goto(path);
      expect(response?.status(), `${path} answers`).toBeLessThan(400);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, name);
    });
  }
}

test("every register page of the DPO has no serious or critical accessibility violation", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(180_000);
  await signInAs("dpo");
  await expectAccessiblePages(page, testInfo, [...REGISTER_PAGES]);
});

test("every record page and form of the DPO has no serious or critical accessibility violation", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(180_000);
  await signInAs("dpo");

  await expectAccessiblePages(page, testInfo, await recordPages(page));
});

test("every other page of the DPO has no serious or critical accessibility violation", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(180_000);
  await signInAs("dpo");
  await expectAccessiblePages(page, testInfo, [...OTHER_PAGES]);
});

test("the main navigation works from the keyboard", async ({ page, signInAs }) => {
  await signInAs("dpo");
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const nav = page.getByRole("navigation", { name: "Main" }).locator("visible=true");
  await expect(nav).toHaveCount(1);

  // Every link of the main navigation is a Tab stop, in order.
  const labels = ["Dashboard", "Processors", "Transfers", "Flags", "Audit trail", "Users", "API tokens"];
  await page.locator("body").focus();
  for (const label of labels) {
    await tabTo(page, nav.getByRole("link", { name: label, exact: true }));
  }

  // Back to "Processors" with Shift+Tab, and Enter follows the link.
  const processors = nav.getByRole("link", { name: "Processors", exact: true });
  for (let i = 0; i < 30 && !(await processors.evaluate((element) => element === document.activeElement)); i++) {
    await page.keyboard.press("Shift+Tab");
  }
  await expect(processors).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/processors$/);
  await expect(page.getByRole("heading", { level: 1, name: "Processors" })).toBeVisible();
});

test("on the flags register, Accept risk is reached and opened from the keyboard", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  await page.goto("/flags");
  await page.waitForLoadState("networkidle");
  const row = page.getByTestId("flag-row").first();
  const acceptRisk = row.getByRole("button", { name: "Accept risk" });
  await expect(acceptRisk).toBeVisible();

  await page.locator("body").focus();
  await tabTo(page, acceptRisk, 120);
  await expect(acceptRisk).toBeFocused();
  await page.keyboard.press("Enter");

  const form = row.getByTestId("accept-risk-form");
  await expect(form).toBeVisible();
  // The form takes the focus on its first field, so the keyboard user continues there.
  await expect(form.getByLabel("Justification")).toBeFocused();
  await expect(form.getByRole("button", { name: "Confirm acceptance" })).toBeVisible();
  // The open form passes the same scan as the pages.
  await expectNoSeriousViolations(page, testInfo, "flags-accept-risk-open");
});
