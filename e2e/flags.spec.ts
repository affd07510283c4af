import { expect, test } from "./fixtures";

/** A calendar date `days` from today (UTC, as the server reads "today"), as YYYY-MM-DD. */
function isoDateInDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test("the DPO triages the flags: the worst first, the why on the transfer, a risk accepted", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");

  // The dashboard counts open flags by severity; the critical card opens them in the register.
  await page.goto("/");
  await page.getByTestId("open-flags-critical").click();
  await expect(page).toHaveURL(/\/flags\?status=open&severity=critical/);
  await expect(page.getByRole("heading", { level: 1, name: "Flags" })).toBeVisible();
  const rows = page.getByTestId("flag-row");
  await expect(rows.first()).toBeVisible();
  await expect(rows.getByTestId("severity-badge").first()).toHaveText("critical");

  // The register from the main navigation: open flags, worst first; the demo company has critical ones.
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Flags" }).click();
  await expect(page).toHaveURL(/\/flags$/);
  await expect(rows.first().getByTestId("severity-badge")).toHaveText("critical");
  await expect(rows.first().getByTestId("flag-status")).toHaveText("open");
  await page.screenshot({ path: testInfo.outputPath("flags.png"), fullPage: true });

  // A critical finding on a transfer: the transfer's page says why, on which legal basis, and what to do.
  await page.goto("/flags?status=open&severity=critical&subject=transfer");
  const critical = rows.first();
  await expect(critical).toBeVisible();
  const ruleId = await critical.getAttribute("data-rule-id");
  expect(ruleId).toMatch(/^transfer\./);
  await critical.getByTestId("flag-subject-link").click();
  await expect(page).toHaveURL(/\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Transfer to / })).toBeVisible();
  const flag = page.getByTestId("flag-item").filter({ hasText: ruleId! }).first();
  await expect(flag.getByTestId("severity-badge")).toHaveText("critical");
  await expect(flag.getByTestId("flag-message")).not.toBeEmpty();
  await expect(flag.getByTestId("flag-facts")).toBeVisible();
  await expect(flag.getByTestId("flag-citation")).toContainText(/GDPR|CFR|PIPL/);
  await expect(flag.getByTestId("flag-remediation")).not.toBeEmpty();
  await page.screenshot({ path: testInfo.outputPath("transfer.png"), fullPage: true });

  // Accept the risk of an open low-severity flag, for about three months.
  await page.goto("/flags?status=open&severity=low");
  const firstLow = rows.first();
  await expect(firstLow).toBeVisible();
  const targetRule = await firstLow.getAttribute("data-rule-id");
  const targetId = await firstLow.getAttribute("data-flag-id");
  expect(targetRule).toBeTruthy();
  expect(targetId).toMatch(/^[0-9a-f-]{36}$/);
  // Narrowed to its rule, so that the Accepted tab (which keeps the filters) shows it on its first page.
  await page.goto(`/flags?status=open&severity=low&rule=${targetRule}`);
  const target = page.locator(`[data-testid="flag-row"][data-flag-id="${targetId}"]`);
  await expect(target).toHaveCount(1);
  // From here on every view is a client-side navigation: a full reload would drop this marker.
  await page.evaluate(() => Object.assign(window, { __flagsSpecSamePage: true }));
  await target.getByRole("button", { name: "Accept risk" }).click();
  const form = target.getByTestId("accept-risk-form");
  await expect(form).toBeVisible();

  // The server checks the decision: a justification under ten characters is refused next to its field.
  await form.getByLabel("Justification").fill("Too short");
  await form.getByLabel("Accepted until").fill(isoDateInDays(91));
  await form.getByRole("button", { name: "Confirm acceptance" }).click();
  await expect(form.getByTestId("justification-error")).toBeVisible();

  await form
    .getByLabel("Justification")
    .fill("Low impact while the vendor review runs; the owner is assigned at the quarterly governance meeting.");
  await form.getByRole("button", { name: "Confirm acceptance" }).click();
  await expect(page.getByTestId("accepted-notice")).toContainText("Risk accepted");
  // The accepted flag leaves the open list without a reload: the register's cached page was invalidated.
  await expect(target).toHaveCount(0);

  // It shows under Accepted, with its end date and no "Accept risk" control.
  const tabs = page.getByTestId("flag-status-tabs");
  await tabs.getByRole("link", { name: "Accepted" }).click();
  await expect(page).toHaveURL(/status=accepted/);
  await expect(target).toHaveCount(1);
  await expect(target.getByTestId("flag-status")).toHaveText("accepted");
  await expect(target).toContainText(`until ${isoDateInDays(91)}`);
  await expect(target.getByRole("button", { name: "Accept risk" })).toHaveCount(0);

  // Back on the Open tab, the list is the current one, not the page cached before the decision.
  await tabs.getByRole("link", { name: "Open" }).click();
  await expect(page).toHaveURL(/status=open/);
  await expect(tabs.getByRole("link", { name: "Open" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("flags-table")).toBeVisible();
  await expect(target).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __flagsSpecSamePage?: boolean }).__flagsSpecSamePage)).toBe(true);
});

test("the flag and data-category registers render from the server's prefetch, without asking the API again", async ({ page, signInAs }) => {
  await signInAs("dpo");
  const apiCalls: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (url.includes("/api/v1/flags") || url.includes("/api/v1/data-categories")) apiCalls.push(url);
  });

  await page.goto("/flags?status=all&subject=transfer");
  await expect(page.getByRole("heading", { level: 1, name: "Flags" })).toBeVisible();
  await expect(page.getByTestId("flag-row").first()).toBeVisible();
  await expect(page.getByTestId("bulk-accept-form")).toBeVisible();
  await page.waitForLoadState("networkidle");

  await page.goto("/data-categories?q=biometric");
  await expect(page.getByRole("heading", { level: 1, name: "Data categories" })).toBeVisible();
  const categories = page.getByTestId("category-row");
  await expect(categories.first()).toBeVisible();
  await expect(page.getByTestId("pagination-summary")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(apiCalls).toEqual([]);

  // The text search of the flag register: the rule's title, or the name of the processor concerned.
  await page.goto("/flags?status=all&q=encryption%20in%20transit");
  const found = page.getByTestId("flag-row");
  await expect(found.first()).toBeVisible();
  for (const rule of await found.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-rule-id")))) {
    expect(rule).toBe("transfer.no-encryption-in-transit");
  }
  await expect(page.getByRole("search", { name: "Filter flags" }).getByLabel("Search")).toHaveValue("encryption in transit");
});

test("the auditor reads the flags but has no Accept risk control", async ({ page, signInAs }) => {
  await signInAs("auditor");
  await expect(page.getByTestId("current-user")).toContainText("AUDITOR");

  await page.goto("/flags");
  const rows = page.getByTestId("flag-row");
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept risk" })).toHaveCount(0);

  // Nor on a transfer's page, which still shows its flags.
  await page.goto("/flags?status=open&subject=transfer");
  await rows.first().getByTestId("flag-subject-link").click();
  await expect(page).toHaveURL(/\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("flag-item").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept risk" })).toHaveCount(0);
});
