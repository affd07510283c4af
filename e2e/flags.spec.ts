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
  const target = rows.first();
  await expect(target).toBeVisible();
  const targetRule = await target.getAttribute("data-rule-id");
  const subject = (await target.getByTestId("flag-subject-link").textContent())?.trim();
  expect(targetRule).toBeTruthy();
  expect(subject).toBeTruthy();
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

  // The flag has left the open list and shows as accepted, with its end date.
  await page.goto(`/flags?status=accepted&rule=${targetRule}`);
  const accepted = rows.filter({ hasText: subject! });
  await expect(accepted).toHaveCount(1);
  await expect(accepted.getByTestId("flag-status")).toHaveText("accepted");
  await expect(accepted).toContainText(`until ${isoDateInDays(91)}`);
  await expect(accepted.getByRole("button", { name: "Accept risk" })).toHaveCount(0);
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
