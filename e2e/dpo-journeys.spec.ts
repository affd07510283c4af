import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** A calendar date `days` from today (UTC, as the server reads "today"), as YYYY-MM-DD. */
function isoDateInDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function expectNoSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/*
 * Journey (b), bulk part. It takes medium flags: e2e/flags.spec.ts (later, same server) accepts the first open
 * low one, so the two journeys never pick the same flag.
 */
test("the DPO bulk-accepts two open flags with one justification and finds them under Accepted", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  await page.goto("/flags?status=open&severity=medium");
  await expect(page.getByTestId("flag-status-tabs").getByRole("link", { name: "Open" })).toHaveAttribute("aria-current", "page");
  const rows = page.getByTestId("flag-row");
  await expect(rows.nth(1)).toBeVisible();
  await expectNoSeriousAxeViolation(page);

  const picked = [rows.nth(0), rows.nth(1)];
  const subjects: string[] = [];
  for (const row of picked) subjects.push((await row.getByTestId("flag-subject-link").textContent())!.trim());
  const rules = await Promise.all(picked.map((row) => row.getAttribute("data-rule-id")));

  // Keyboard only: focus each checkbox and tick it with the space bar.
  for (const row of picked) {
    await row.getByTestId("flag-select").focus();
    await page.keyboard.press("Space");
    await expect(row.getByTestId("flag-select")).toBeChecked();
  }
  const form = page.getByTestId("bulk-accept-form");
  // An end date of today is refused next to its field, and nothing is accepted.
  await form.getByLabel("Justification for the selected flags").fill("Both vendors are under contract review; compensating controls documented.");
  await form.getByLabel("Accepted until").fill(isoDateInDays(0));
  await form.getByRole("button", { name: "Accept selected" }).click();
  await expect(form.getByText("The end date must be after today.")).toBeVisible();
  await expect(form.getByLabel("Accepted until")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Accepted until").fill(isoDateInDays(60));
  await page.screenshot({ path: testInfo.outputPath("flags-register-bulk.png"), fullPage: true });
  await form.getByRole("button", { name: "Accept selected" }).click();
  await expect(page.getByTestId("bulk-accept-message")).toHaveText(`2 risks accepted until ${isoDateInDays(60)}.`);

  await page.getByTestId("flag-status-tabs").getByRole("link", { name: "Accepted" }).click();
  await expect(page).toHaveURL(/status=accepted/);
  for (const [index, subject] of subjects.entries()) {
    const row = page.locator(`[data-testid="flag-row"][data-rule-id="${rules[index]}"]`).filter({ hasText: subject });
    await expect(row.first()).toBeVisible();
    await expect(row.first().getByTestId("flag-status")).toHaveText("accepted");
    await expect(row.first()).toContainText(`until ${isoDateInDays(60)}`);
  }
});

test("resolved flags stay in the history with the date they resolved", async ({ page, signInAs }) => {
  await signInAs("dpo");
  await page.goto("/flags?status=resolved");
  await expect(page.getByTestId("flag-status-tabs").getByRole("link", { name: "Resolved (history)" })).toHaveAttribute("aria-current", "page");
  await expectNoSeriousAxeViolation(page);
  const rows = page.getByTestId("flag-row");
  // The demo data may have no resolved flag yet; every row shown must be resolved and dated.
  for (const row of await rows.all()) {
    await expect(row.getByTestId("flag-status")).toHaveText("resolved");
    await expect(row.getByTestId("flag-resolved-date")).toContainText(/^on /);
  }
  await expect(page.getByTestId("bulk-accept-form")).toHaveCount(0);
});

/*
 * Journey (a): the demo's Hengtong diagnostics upload (US → CN, plain HTTP) is flagged on the dashboard; the
 * DPO reaches it from the jurisdiction × category matrix, encrypts it, sees the prediction, saves, and the
 * flag resolves and the count falls. It changes only that transfer's encryption flag (high): the other
 * journeys pick critical, medium and low flags.
 */
test("journey (a): an unencrypted US→CN transfer, from the matrix to a resolved flag and a lower count", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  await page.goto("/");
  const highCard = page.getByTestId("open-flags-high");
  const highBefore = Number((await highCard.locator("span").first().textContent())!.replace(/\D/g, ""));
  expect(highBefore).toBeGreaterThan(0);

  // The crash logs and device attributes go to CN: the matrix cell CN × user.device opens the filtered register.
  await page.getByTestId("matrix-CN-user.device").click();
  await page.waitForURL((url) => url.pathname === "/transfers" && url.searchParams.get("category") === "user.device");
  // Hengtong has two transfers to CN: the diagnostics upload is the one without encryption in transit.
  await page.getByTestId("transfer-row").filter({ hasText: "Hengtong" }).filter({ hasText: "Storage" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Transfer to / })).toBeVisible();
  const encryptionFlag = page.locator('[data-testid="flag-item"][data-flag-status="open"]').filter({ hasText: "transfer.no-encryption-in-transit" });
  await expect(encryptionFlag).toHaveCount(1);

  await page.getByTestId("edit-link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Edit transfer/ })).toBeVisible();
  await page.getByLabel("Encryption in transit").selectOption("tls1_3");
  await page.getByLabel("Encryption at rest").selectOption("customer_keys");
  // Before saving, the prediction says the encryption flag goes away.
  await expect(page.getByTestId("predicted-resolved")).toContainText("transfer.no-encryption-in-transit");
  await expectNoSeriousAxeViolation(page);
  await page.screenshot({ path: testInfo.outputPath("transfer-edit-predicted.png"), fullPage: true });
  await page.getByRole("button", { name: "Save transfer" }).click();

  await page.waitForURL(/\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.locator('[data-testid="flag-item"][data-flag-status="open"]').filter({ hasText: "transfer.no-encryption-in-transit" })).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByTestId("open-flags-high").locator("span").first()).toHaveText(String(highBefore - 1));
});

test("two DPOs edit one transfer: the second save is refused and names who changed it and when", async ({ browser, page, signInAs }) => {
  await signInAs("dpo");
  await page.goto("/transfers?destination=HK");
  await page.locator('a[href^="/transfers/"]').filter({ hasNotText: /^\s*$/ }).first().click();
  await page.getByTestId("edit-link").click();
  await page.waitForURL(/\/edit$/);
  const editUrl = page.url();

  // A second session of the DPO opens the same form and saves first.
  const other = await browser.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill("dpo@gncc-demo.example");
  await other.getByLabel("Password").fill("demo-dpo-2026");
  await other.getByRole("button", { name: /sign in/i }).click();
  await other.waitForURL((url) => url.pathname === "/");
  await other.goto(editUrl);
  await other.getByLabel("Notes").fill("Reviewed by the second DPO session.");
  await other.getByRole("button", { name: "Save transfer" }).click();
  await other.waitForURL(/\/transfers\/[0-9a-f-]{36}$/);
  await other.close();

  await page.getByLabel("Notes").fill("Reviewed by the first DPO session.");
  await page.getByRole("button", { name: "Save transfer" }).click();
  await expect(page.getByTestId("form-error")).toContainText(/changed by .*Demo|changed by .*dpo@gncc-demo\.example/);
  await expect(page.getByRole("button", { name: /Reload the latest version/ })).toBeVisible();
});
