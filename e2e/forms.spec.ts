import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, isoDateInDays, test, uniqueName } from "./fixtures";
import { RecordForm, RecordPage, recordUrl } from "./pages/record-page";

/*
 * The create and edit forms (issue #5, point 3): validated in the browser with the server's schemas, the
 * predicted flags shown before saving, and a stale save refused with who changed the record and when.
 * Every record this file changes is its own, created through the form or the API first.
 */

async function expectNoSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test("the DPO registers a vendor and a transfer, then sees an agreement's predicted effect before saving it", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  const vendor = `Forms Journey Storage ${Date.now().toString(36)}`;

  await page.goto("/processors/new");
  const processor = RecordForm.processor(page);
  const processorForm = processor.form;
  // The server's schema runs in the browser: an empty name is refused next to the field, nothing is sent.
  await processor.submit("Create processor");
  await processor.expectFieldInvalid("Name", { exact: true });
  await processor.field("Name", { exact: true }).fill(vendor);
  await processorForm.getByLabel("Service").selectOption("hosting");
  await processor.submit("Create processor");
  const processorPage = new RecordPage(page, "processors");
  await processorPage.waitForRecord();
  const processorId = processorPage.id();

  await page.goto(`/transfers/new?processor=${processorId}`);
  const transfer = RecordForm.newTransfer(page);
  const transferForm = transfer.form;
  await transferForm.getByLabel("Processing activity").selectOption({ label: "Account management" });
  await transferForm.getByRole("group", { name: "Where the people live" }).getByLabel("California").check();
  const categories = transferForm.getByRole("group", { name: "Data categories" });
  await categories.getByRole("searchbox").fill("email");
  await categories.getByLabel("Email address").check();
  await transferForm.getByLabel("People or devices per 12 months").fill("1200");
  // No agreement with this vendor yet: the prediction says the transfer would have no contract.
  await expect(transfer.predictedOpenRule("transfer.no-contract")).toBeVisible();
  await expectNoSeriousAxeViolation(page);
  await transfer.submit("Create transfer");
  await page.waitForURL(recordUrl("transfers"));

  await page.goto(`/agreements/new?processor=${processorId}`);
  const agreement = RecordForm.agreement(page);
  const agreementForm = agreement.form;
  await agreementForm.getByLabel("Type").selectOption("dpa");
  await agreementForm.getByLabel("Document reference").fill("CLM-E2E-001");
  // Unsigned, the agreement is not active: the missing-contract flag stays open.
  await expect(agreement.predictedOpenRule("transfer.no-contract")).toBeVisible();
  // An expiry before the signature is refused in the browser, on its field.
  await agreementForm.getByLabel("Signed on").fill(isoDateInDays(-10));
  await agreementForm.getByLabel("Expires on").fill(isoDateInDays(-20));
  await agreementForm.getByRole("button", { name: "Create agreement" }).click();
  await expect(agreementForm.getByText("Expires on: must not be before the signed date")).toBeVisible();
  await agreementForm.getByLabel("Expires on").fill(isoDateInDays(700));
  await expect(agreementForm.getByTestId("field-error")).toHaveCount(0);
  // Signed: before anything is saved, the prediction moves the flag to "resolved by this change".
  await expect(agreement.predictedResolvedRule("transfer.no-contract")).toBeVisible();
  await expect(agreement.predictedOpenRule("transfer.no-contract")).toHaveCount(0);
  await expectNoSeriousAxeViolation(page);
  await page.screenshot({ path: testInfo.outputPath("agreement-create-predicted.png"), fullPage: true });
  await agreement.submit("Create agreement");
  await page.waitForURL(recordUrl("agreements"));

  await processorPage.goto(processorId);
  await expect(processorPage.openFlag("transfer.no-contract")).toHaveCount(0);
});

test("the DPO edits a processor: a lapsed DPF date is predicted before saving, the saved change shows on its page", async ({ page, signInAs, api }) => {
  // A DPF-certified vendor of the test's own whose transfer relies on the DPF, like the demo's Cloudflare (its UK
  // users' data too: certified with the UK Extension, so only the date can lapse).
  const vendor = uniqueName("Forms Edge Network");
  const processor = await api.createProcessor({ name: vendor, country: "US", dpfCertified: true, dpfUkExtension: true, dpfExpiry: isoDateInDays(300) });
  const template = await api.findTransfer("", (row) => row.mechanism === "dpf");
  await api.createTransferLike(template.id, { processorId: processor.id });
  await signInAs("dpo");
  await page.goto(`/processors/${processor.id}/edit`);
  const form = RecordForm.processor(page);
  await expect(form.field("Name", { exact: true })).toHaveValue(vendor);

  // Its transfers rely on the DPF: a certification that ended yesterday would raise a flag.
  await form.fill("DPF certification valid until", isoDateInDays(-1));
  await expect(form.predictedOpenRule("processor.dpf-lapsed", { isNew: true })).toBeVisible();
  await expectNoSeriousAxeViolation(page);
  // The DPO thinks better of it: a valid date again, and a note.
  await form.fill("DPF certification valid until", isoDateInDays(300));
  await expect(form.predictedOpenRule("processor.dpf-lapsed")).toHaveCount(0);
  const note = `Edge network reviewed on ${isoDateInDays(0)}.`;
  await form.fill("Notes", note);
  await form.submit("Save processor");
  await page.waitForURL(recordUrl("processors"));
  await expect(page.getByTestId("processor-facts").getByText(note)).toBeVisible();
});

test("a stale edit of a processing activity is refused and names who changed it and when", async ({ browser, page, signInAs, api }) => {
  // An activity of the test's own, like the demo's "Push notifications".
  const name = uniqueName("Push notifications");
  const template = await api.findByName("/api/v1/activities", "Push notifications");
  const { id } = await api.createActivityLike(template.id, { name });
  await signInAs("dpo");
  await page.goto(`/activities/${id}/edit`);
  const activity = RecordForm.activity(page);
  const form = activity.form;
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue(name);

  // A second session of the DPO saves first.
  const other = await browser.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill("dpo@gncc-demo.example");
  await other.getByLabel("Password").fill("demo-dpo-2026");
  await other.getByRole("button", { name: /sign in/i }).click();
  await other.waitForURL((url) => url.pathname === "/");
  await other.goto(`/activities/${id}/edit`);
  await other.getByTestId("activity-form").getByLabel("Security measures").fill("TLS 1.3 to the push gateway; tokens rotated monthly.");
  await other.getByTestId("activity-form").getByRole("button", { name: "Save activity" }).click();
  await other.waitForURL(recordUrl("activities"));
  await other.close();

  await activity.fill("Security measures", "TLS 1.2 to the push gateway.");
  await activity.submit("Save activity");
  await expect(activity.formError).toContainText(/This processing activity was changed by Hélène Marchand <dpo@gncc-demo\.example> at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(activity.reloadLatest).toBeVisible();
  await expectNoSeriousAxeViolation(page);
  await activity.reloadLatest.click();
  await expect(form.getByLabel("Security measures")).toHaveValue("TLS 1.3 to the push gateway; tokens rotated monthly.");
});
