import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * Issue #6: an engineer registers a vendor with the guided form, leaves after step 2 and resumes the draft,
 * sees on the summary the flags the vendor will raise, and submits it; the DPO approves it in the review queue;
 * the engineer sees the outcome under My vendors.
 */

const wizard = (page: Page) => page.getByTestId("registration-wizard");
const currentStep = (page: Page) => wizard(page).getByTestId("wizard-steps").locator('[aria-current="step"]');
const next = (page: Page) => wizard(page).getByRole("button", { name: "Next", exact: true });
const myVendorRow = (page: Page, name: string): Locator => page.getByTestId("my-vendors").getByRole("row").filter({ hasText: name });

async function expectNoSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
}

test("an engineer registers a vendor in Mainland China step by step, resumes the draft, sees its flags and submits; the DPO approves it", async ({ page, signInAs }, testInfo) => {
  const name = `Shenzhen Geo SDK ${crypto.randomBytes(3).toString("hex")}`;
  await signInAs("engineer");
  await page.goto("/register");
  await page.getByRole("link", { name: "Register a vendor", exact: true }).click();
  await expect(page).toHaveURL(/\/register\/new$/);

  // --- Step 1: the vendor. Next with nothing filled in names the missing fields next to them.
  await expect(currentStep(page)).toContainText("The vendor");
  await next(page).click();
  await expect(wizard(page).getByText("Vendor name: is required")).toBeVisible();
  await expect(wizard(page).getByText(/^Role: must be one of processor/)).toBeVisible();
  await expect(wizard(page).getByText("Country of establishment: is required")).toBeVisible();
  await expect(wizard(page).getByLabel("Vendor name")).toHaveAttribute("aria-invalid", "true");

  // A name like one already in the register shows it, with a link, before going on.
  await wizard(page).getByLabel("Vendor name").fill("Cloudflare Inc");
  await expect(wizard(page).getByTestId("duplicate-item").filter({ hasText: "Cloudflare" })).toBeVisible();
  await expect(wizard(page).getByTestId("duplicate-item").getByRole("link", { name: "Cloudflare" })).toHaveAttribute("href", /^\/processors\/[0-9a-f-]{36}$/);

  await wizard(page).getByLabel("Vendor name").fill(name);
  await wizard(page).getByLabel("Website").fill("https://www.shenzhen-geo-maps.cn");
  await wizard(page).getByLabel("Role").selectOption("processor");
  await wizard(page).getByLabel("Service").selectOption("analytics");
  await wizard(page).getByLabel("Country of establishment").selectOption("CN");
  await expect(wizard(page).getByTestId("duplicate-item")).toHaveCount(0);
  await expectNoSeriousAxeViolation(page);
  await next(page).click();

  // --- Step 2: what data. Saved as a draft: the address now names it.
  await expect(currentStep(page)).toContainText("What data");
  await expect(page).toHaveURL(/\/register\/new\?draft=[0-9a-f-]{36}$/);
  await expect(wizard(page).getByRole("heading", { level: 2 })).toBeFocused();
  await wizard(page).getByLabel("Processing activity").selectOption({ label: "Product analytics" });
  const search = wizard(page).getByRole("searchbox", { name: /Search data categories/ });
  await search.fill("device id");
  await wizard(page).getByRole("checkbox", { name: /user\.device\.device_id/ }).check();
  await search.fill("precise");
  // Keyboard: Space ticks the focused checkbox.
  await wizard(page).getByRole("checkbox", { name: /user\.location\.precise$/ }).focus();
  await page.keyboard.press("Space");
  await expect(wizard(page).getByRole("checkbox", { name: /user\.location\.precise$/ })).toBeChecked();
  await expect(wizard(page).getByText(/Sensitive: .*PIPL Art\. 28/).first()).toBeVisible();
  await expect(wizard(page).getByText("2 selected")).toBeVisible();
  await next(page).click();
  await expect(currentStep(page)).toContainText("Where and how much");

  // --- Leave after step 2: My vendors lists the draft with "Continue", which resumes at step 3.
  await page.goto("/register");
  const draftRow = myVendorRow(page, name);
  await expect(draftRow).toContainText("draft");
  await draftRow.getByTestId("continue-draft").click();
  await expect(page).toHaveURL(/\/register\/new\?draft=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Continue registering ${name}`);
  await expect(currentStep(page)).toContainText("Where and how much");

  // --- Step 3: where and how much. The first destination defaults to the vendor's country.
  await wizard(page).getByLabel("Exporting entity").selectOption({ label: "GNCC Inc. (US)" });
  await expect(wizard(page).getByLabel("Where the data sits")).toHaveValue("US");
  await wizard(page).getByRole("checkbox", { name: "California" }).check();
  const destination = wizard(page).getByTestId("destination").first();
  await expect(destination.getByLabel("Destination")).toHaveValue("CN");
  await destination.getByLabel("People or devices per 12 months").fill("50000");
  await destination.getByLabel("Counted as").selectOption("devices");
  await destination.getByLabel("Frequency").selectOption("continuous");
  await next(page).click();

  // --- Step 4: how it is protected. Sent in clear, no mechanism, only a confidentiality agreement.
  await expect(currentStep(page)).toContainText("How it is protected");
  const protection = wizard(page).getByTestId("protection").first();
  await expect(protection).toContainText("Transfer to People's Republic of China");
  await protection.getByLabel("Encryption in transit").selectOption("none");
  await protection.getByLabel("Encryption at rest").selectOption("provider_keys");
  await protection.getByLabel("Transfer mechanism").selectOption("none");
  await wizard(page).getByRole("button", { name: "Add an agreement" }).click();
  const agreement = wizard(page).getByTestId("agreement").first();
  await agreement.getByLabel("Type").selectOption("confidentiality");
  // An expiry before the signature is refused next to its field, with the API's own rule.
  await agreement.getByLabel("Signed on").fill("2026-01-10");
  await agreement.getByLabel("Expires on").fill("2025-12-31");
  await next(page).click();
  await expect(agreement.getByText("Expires on: must not be before the signed date")).toBeVisible();
  await agreement.getByLabel("Expires on").fill("");
  await agreement.getByLabel("Document reference").fill("NDA-2026-017");
  await next(page).click();

  // --- Step 5: the summary, and the flags the rules engine predicts for exactly this data.
  await expect(currentStep(page)).toContainText("Summary");
  const summary = wizard(page).getByTestId("wizard-summary");
  await expect(summary).toContainText(name);
  await expect(summary).toContainText("user.device.device_id");
  await expect(summary).toContainText("user.location.precise");
  await expect(summary).toContainText("50,000 devices per 12 months");
  await expect(summary).toContainText("NDA-2026-017");
  const predicted = wizard(page).getByTestId("predicted-flag");
  await expect(predicted.first()).toBeVisible();
  const expectFlag = async (ruleId: string, title: string, severity: string) => {
    const flag = wizard(page).locator(`[data-testid="predicted-flag"][data-rule-id="${ruleId}"]`);
    await expect(flag).toContainText(title);
    await expect(flag.getByTestId("severity-badge")).toHaveText(severity);
  };
  // Precise location with a device id is sensitive: unencrypted is critical; 50,000 devices > 1,000 to China.
  await expectFlag("transfer.no-encryption-in-transit", "No encryption in transit", "critical");
  await expectFlag("transfer.doj-bulk-restricted", "Bulk US sensitive data to a country of concern", "critical");
  await expectFlag("transfer.no-contract", "No processing agreement", "high");
  await expect(wizard(page).locator('[data-rule-id="transfer.doj-bulk-restricted"]')).toContainText("50,000");
  await expectNoSeriousAxeViolation(page);
  await page.screenshot({ path: testInfo.outputPath("registration-summary.png"), fullPage: true });

  await wizard(page).getByRole("button", { name: "Submit for review" }).click();
  await page.waitForURL(/\/register\?submitted=1$/);
  await expect(page.getByTestId("submitted-message")).toBeVisible();
  await expect(myVendorRow(page, name)).toContainText("submitted");
  await expect(myVendorRow(page, name).getByTestId("continue-draft")).toHaveCount(0);
  await signOut(page);

  // --- The DPO approves it in the review queue, where it arrives with its flags.
  await signInAs("dpo");
  await page.goto("/review");
  const item = page.getByTestId("review-item").filter({ hasText: name });
  await expect(item.getByText("critical").first()).toBeVisible();
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("review-item").filter({ hasText: name })).toHaveCount(0);
  await signOut(page);

  // --- The engineer sees the outcome.
  await signInAs("engineer");
  await page.goto("/register");
  await expect(myVendorRow(page, name)).toContainText("approved");
});
