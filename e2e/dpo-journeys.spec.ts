import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { formatDate } from "../lib/labels";
import { expect, isoDateInDays, test, uniqueName, type Api } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";
import { RecordForm, RecordPage } from "./pages/record-page";
import { FlagsRegisterPage, RegisterPage } from "./pages/register-page";

async function expectNoSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** The demo's Hengtong diagnostics upload (US → CN, storage, sent in clear): the template of the journeys' own transfers. */
async function hengtongDiagnosticsUpload(api: Api) {
  return api.findTransfer("Hengtong", (row) => row.destinationCountry === "CN" && row.accessType === "storage" && row.encryptionInTransit === "none");
}

/*
 * Journey (b), bulk part, on a vendor of its own: two transfers of email addresses stored unencrypted raise
 * a medium flag each (transfer.no-encryption-at-rest), and the register is narrowed to that vendor.
 */
test("the DPO bulk-accepts two open flags with one justification and finds them under Accepted", async ({ page, signInAs, api }, testInfo) => {
  const vendor = uniqueName("Bulk Accept Storage");
  const processor = await api.createProcessor({ name: vendor, country: "CN" });
  const template = await hengtongDiagnosticsUpload(api);
  for (let i = 0; i < 2; i++) {
    await api.createTransferLike(template.id, {
      processorId: processor.id,
      dataCategories: ["user.contact.email"],
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "none",
      estimatedSubjects: 100,
    });
  }
  await signInAs("dpo");
  const flags = new FlagsRegisterPage(page);
  await flags.goto(`status=open&severity=medium&q=${encodeURIComponent(vendor)}`);
  await expect(flags.tab("Open")).toHaveAttribute("aria-current", "page");
  const rows = flags.rows;
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
  const form = flags.bulkAcceptForm;
  // An end date of today is refused next to its field, and nothing is accepted.
  await form.getByLabel("Justification for the selected flags").fill("Both vendors are under contract review; compensating controls documented.");
  await form.getByLabel("Accepted until").fill(isoDateInDays(0));
  await form.getByRole("button", { name: "Accept selected" }).click();
  await expect(form.getByText("The end date must be after today.")).toBeVisible();
  await expect(form.getByLabel("Accepted until")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Accepted until").fill(isoDateInDays(60));
  await page.screenshot({ path: testInfo.outputPath("flags-register-bulk.png"), fullPage: true });
  await form.getByRole("button", { name: "Accept selected" }).click();
  const until = formatDate(isoDateInDays(60), "en");
  await expect(flags.bulkAcceptMessage).toHaveText(`2 risks accepted until ${until}.`);

  await flags.tab("Accepted").click();
  await expect(page).toHaveURL(/status=accepted/);
  for (const [index, subject] of subjects.entries()) {
    const row = flags.ruleRows(rules[index]!).filter({ hasText: subject });
    await expect(row.first()).toBeVisible();
    await expect(row.first().getByTestId("flag-status")).toHaveText("Risk accepted");
    await expect(row.first()).toContainText(until);
  }
});

test("resolved flags stay in the history with the date they resolved", async ({ page, signInAs }) => {
  await signInAs("dpo");
  const flags = new FlagsRegisterPage(page);
  await flags.goto("status=resolved");
  await expect(flags.tab("Resolved (history)")).toHaveAttribute("aria-current", "page");
  await expectNoSeriousAxeViolation(page);
  // The demo data may have no resolved flag yet; every row shown must be resolved and dated.
  for (const row of await flags.rows.all()) {
    await expect(row.getByTestId("flag-status")).toHaveText("Resolved");
    await expect(row.getByTestId("flag-resolved-date")).toContainText(/^on /);
  }
  await expect(flags.bulkAcceptForm).toHaveCount(0);
});

/*
 * Journey (a), on a transfer of its own like the demo's Hengtong diagnostics upload (US → CN, plain HTTP):
 * flagged on the dashboard, the DPO reaches it from the jurisdiction × category matrix, encrypts it, sees
 * the prediction, saves, and the flag resolves and the count of open high flags falls by as many high flags of this
 * vendor as the change resolved (the engine's, and the privacy notice's finding that the transfer breaks its promise
 * of encryption).
 */
test("journey (a): an unencrypted US→CN transfer, from the matrix to a resolved flag and a lower count", async ({ page, signInAs, api }, testInfo) => {
  const vendor = uniqueName("Diagnostics Upload");
  const processor = await api.createProcessor({ name: vendor, country: "CN", service: "technical_support" });
  await api.createTransferLike((await hengtongDiagnosticsUpload(api)).id, { processorId: processor.id, estimatedSubjects: 100 });
  await signInAs("dpo");
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const highBefore = await dashboard.openFlagCount("high");
  expect(highBefore).toBeGreaterThan(0);
  const openHighOfVendor = async () => (await api.list(`/api/v1/flags?processorId=${processor.id}&status=open&severity=high&pageSize=100`)).length;
  const vendorHighBefore = await openHighOfVendor();

  // The crash logs and device attributes go to CN: the matrix cell CN × user.device opens the filtered register.
  await dashboard.matrixCell("CN", "user.device").click();
  await page.waitForURL((url) => url.pathname === "/transfers" && url.searchParams.get("category") === "user.device");
  await RegisterPage.transfers(page).openRecord(vendor);
  const transfer = new RecordPage(page, "transfers");
  await expect(page.getByRole("heading", { level: 1, name: /^Transfer to / })).toBeVisible();
  await expect(transfer.openFlag("transfer.no-encryption-in-transit")).toHaveCount(1);

  await transfer.editLink.click();
  await expect(page.getByRole("heading", { level: 1, name: /^Edit transfer/ })).toBeVisible();
  const form = RecordForm.editTransfer(page);
  await form.field("Encryption in transit").selectOption("tls1_3");
  await form.field("Encryption at rest").selectOption("customer_keys");
  // Before saving, the prediction says the encryption flag goes away.
  await expect(form.predictedResolved).toContainText("transfer.no-encryption-in-transit");
  await expectNoSeriousAxeViolation(page);
  await page.screenshot({ path: testInfo.outputPath("transfer-edit-predicted.png"), fullPage: true });
  await form.submit("Save transfer");

  await transfer.waitForRecord();
  await expect(transfer.openFlag("transfer.no-encryption-in-transit")).toHaveCount(0);
  const resolvedHigh = vendorHighBefore - (await openHighOfVendor());
  expect(resolvedHigh).toBeGreaterThanOrEqual(1);
  await dashboard.goto();
  await expect(dashboard.openFlagCountText("high")).toHaveText(String(highBefore - resolvedHigh));
});

test("two DPOs edit one transfer: the second save is refused and names who changed it and when", async ({ browser, page, signInAs, api }) => {
  const processor = await api.createProcessor({ name: uniqueName("Concurrent Edit Vendor"), country: "HK" });
  const template = await api.findTransfer("", (row) => row.destinationCountry === "HK");
  const created = await api.createTransferLike(template.id, { processorId: processor.id });
  await signInAs("dpo");
  const transfer = new RecordPage(page, "transfers");
  await transfer.goto(created.id);
  await transfer.editLink.click();
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

  const form = RecordForm.editTransfer(page);
  await form.fill("Notes", "Reviewed by the first DPO session.");
  await form.submit("Save transfer");
  await expect(page.getByTestId("form-error")).toContainText(/changed by .*Demo|changed by .*dpo@gncc-demo\.example/);
  await expect(page.getByRole("button", { name: /Reload the latest version/ })).toBeVisible();
});
