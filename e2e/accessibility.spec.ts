import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
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

/** The href of the first link in the first row of a register, e.g. "/processors/<id>". */
async function firstRowHref(page: Page, path: string, rowTestId: string): Promise<string> {
  await page.goto(path);
  const link = page.getByTestId(rowTestId).first().getByRole("link").first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/(processors|transfers|agreements|activities)\/[0-9a-f-]{36}$|^\/data-categories\/[a-z0-9._-]+$/);
  return href!;
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
async function expectAccessiblePages(page: Page, testInfo: TestInfo, pages: [name: string, path: string][]) {
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
  await expectAccessiblePages(page, testInfo, [
    ["dashboard", "/"],
    ["processors", "/processors"],
    ["transfers", "/transfers"],
    ["agreements", "/agreements"],
    ["processing activities", "/activities"],
    ["data categories", "/data-categories"],
    ["flags", "/flags"],
    ["review queue", "/review"],
    ["my vendors", "/register"],
  ]);
});

test("every record page and form of the DPO has no serious or critical accessibility violation", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(180_000);
  await signInAs("dpo");

  const processor = await firstRowHref(page, "/processors", "processor-row");
  const transfer = await firstRowHref(page, "/transfers", "transfer-row");
  const agreement = await firstRowHref(page, "/agreements", "agreement-row");
  const activity = await firstRowHref(page, "/activities", "activity-row");
  const category = await firstRowHref(page, "/data-categories", "category-row");
  await expectAccessiblePages(page, testInfo, [
    ["processor", processor],
    ["processor edit", `${processor}/edit`],
    ["new processor", "/processors/new"],
    ["new transfer", `/transfers/new?processor=${processor.split("/").pop()}`],
    ["new agreement", `/agreements/new?processor=${processor.split("/").pop()}`],
    ["transfer", transfer],
    ["transfer edit", `${transfer}/edit`],
    ["agreement", agreement],
    ["agreement edit", `${agreement}/edit`],
    ["processing activity", activity],
    ["processing activity edit", `${activity}/edit`],
    ["new processing activity", "/activities/new"],
    ["data category", category],
    ["vendor registration", "/register/new"],
  ]);
});

test("every other page of the DPO has no serious or critical accessibility violation", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(180_000);
  await signInAs("dpo");
  await expectAccessiblePages(page, testInfo, [
    ["import", "/import"],
    ["exports", "/exports"],
    ["API reference", "/api-reference"],
    ["users", "/users"],
    ["audit", "/audit"],
    ["tokens", "/settings/tokens"],
    ["forbidden", "/forbidden"],
  ]);
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
