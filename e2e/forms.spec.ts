import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * The create and edit forms (issue #5, point 3): validated in the browser with the server's schemas, the
 * predicted flags shown before saving, and a stale save refused with who changed the record and when.
 * Every record this file changes is its own or a harmless field of the demo data (notes, security
 * measures), so that the other journeys' counts stay as they were.
 */

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

const RECORD_URL = (area: string) => new RegExp(`/${area}/[0-9a-f-]{36}$`);

/** The id of the one record an API list search finds (the session cookie authenticates a GET). */
async function findId(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.ok()).toBe(true);
  const { data } = (await response.json()) as { data: { id: string }[] };
  expect(data).toHaveLength(1);
  return data[0]!.id;
}

test("the DPO registers a vendor and a transfer, then sees an agreement's predicted effect before saving it", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  const vendor = `Forms Journey Storage ${Date.now().toString(36)}`;

  await page.goto("/processors/new");
  const processorForm = page.getByTestId("processor-form");
  // The server's schema runs in the browser: an empty name is refused next to the field, nothing is sent.
  await processorForm.getByRole("button", { name: "Create processor" }).click();
  await expect(processorForm.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await processorForm.getByLabel("Name", { exact: true }).fill(vendor);
  await processorForm.getByLabel("Service").selectOption("hosting");
  await processorForm.getByRole("button", { name: "Create processor" }).click();
  await page.waitForURL(RECORD_URL("processors"));
  const processorId = new URL(page.url()).pathname.split("/").pop()!;

  await page.goto(`/transfers/new?processor=${processorId}`);
  const transferForm = page.getByRole("form", { name: "New transfer" });
  await transferForm.getByLabel("Processing activity").selectOption({ label: "Account management" });
  await transferForm.getByRole("group", { name: "Where the people live" }).getByLabel("California").check();
  const categories = transferForm.getByRole("group", { name: "Data categories" });
  await categories.getByRole("searchbox").fill("email");
  await categories.getByLabel("Email address").check();
  await transferForm.getByLabel("People or devices per 12 months").fill("1200");
  // No agreement with this vendor yet: the prediction says the transfer would have no contract.
  await expect(page.getByTestId("predicted-open").locator('[data-rule-id="transfer.no-contract"]')).toBeVisible();
  await expectNoSeriousAxeViolation(page);
  await transferForm.getByRole("button", { name: "Create transfer" }).click();
  await page.waitForURL(RECORD_URL("transfers"));

  await page.goto(`/agreements/new?processor=${processorId}`);
  const agreementForm = page.getByTestId("agreement-form");
  await agreementForm.getByLabel("Type").selectOption("dpa");
  await agreementForm.getByLabel("Document reference").fill("CLM-E2E-001");
  // Unsigned, the agreement is not active: the missing-contract flag stays open.
  await expect(page.getByTestId("predicted-open").locator('[data-rule-id="transfer.no-contract"]')).toBeVisible();
  // An expiry before the signature is refused in the browser, on its field.
  await agreementForm.getByLabel("Signed on").fill(isoDateInDays(-10));
  await agreementForm.getByLabel("Expires on").fill(isoDateInDays(-20));
  await agreementForm.getByRole("button", { name: "Create agreement" }).click();
  await expect(agreementForm.getByText("Expires on: must not be before the signed date")).toBeVisible();
  await agreementForm.getByLabel("Expires on").fill(isoDateInDays(700));
  await expect(agreementForm.getByTestId("field-error")).toHaveCount(0);
  // Signed: before anything is saved, the prediction moves the flag to "resolved by this change".
  await expect(page.getByTestId("predicted-resolved").locator('[data-rule-id="transfer.no-contract"]')).toBeVisible();
  await expect(page.getByTestId("predicted-open").locator('[data-rule-id="transfer.no-contract"]')).toHaveCount(0);
  await expectNoSeriousAxeViolation(page);
  await page.screenshot({ path: testInfo.outputPath("agreement-create-predicted.png"), fullPage: true });
  await agreementForm.getByRole("button", { name: "Create agreement" }).click();
  await page.waitForURL(RECORD_URL("agreements"));

  await page.goto(`/processors/${processorId}`);
  await expect(page.locator('[data-testid="flag-item"][data-flag-status="open"]').filter({ hasText: "transfer.no-contract" })).toHaveCount(0);
});

test("the DPO edits a processor: a lapsed DPF date is predicted before saving, the saved change shows on its page", async ({ page, signInAs }) => {
  await signInAs("dpo");
  const id = await findId(page, "/api/v1/processors?q=Cloudflare");
  await page.goto(`/processors/${id}/edit`);
  const form = page.getByTestId("processor-form");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Cloudflare");

  // Cloudflare's transfers rely on the DPF: a certification that ended yesterday would raise a flag.
  await form.getByLabel("DPF certification valid until").fill(isoDateInDays(-1));
  await expect(page.getByTestId("predicted-open").locator('[data-rule-id="processor.dpf-lapsed"][data-new="true"]')).toBeVisible();
  await expectNoSeriousAxeViolation(page);
  // The DPO thinks better of it: a valid date again, and a note.
  await form.getByLabel("DPF certification valid until").fill(isoDateInDays(300));
  await expect(page.getByTestId("predicted-open").locator('[data-rule-id="processor.dpf-lapsed"]')).toHaveCount(0);
  const note = `Edge network reviewed on ${isoDateInDays(0)}.`;
  await form.getByLabel("Notes").fill(note);
  await form.getByRole("button", { name: "Save processor" }).click();
  await page.waitForURL(RECORD_URL("processors"));
  await expect(page.getByTestId("processor-facts").getByText(note)).toBeVisible();
});

test("a stale edit of a processing activity is refused and names who changed it and when", async ({ browser, page, signInAs }) => {
  await signInAs("dpo");
  const id = await findId(page, `/api/v1/activities?q=${encodeURIComponent("Push notifications")}`);
  await page.goto(`/activities/${id}/edit`);
  const form = page.getByTestId("activity-form");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Push notifications");

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
  await other.waitForURL(RECORD_URL("activities"));
  await other.close();

  await form.getByLabel("Security measures").fill("TLS 1.2 to the push gateway.");
  await form.getByRole("button", { name: "Save activity" }).click();
  await expect(form.getByTestId("form-error")).toContainText(/This processing activity was changed by Hélène Marchand <dpo@gncc-demo\.example> at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(form.getByRole("button", { name: /Reload the latest version/ })).toBeVisible();
  await expectNoSeriousAxeViolation(page);
  await form.getByRole("button", { name: /Reload the latest version/ }).click();
  await expect(form.getByLabel("Security measures")).toHaveValue("TLS 1.3 to the push gateway; tokens rotated monthly.");
});
