import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { MyVendorsPage, RegistrationWizardPage } from "./pages/registration-wizard-page";
import { ReviewQueuePage } from "./pages/review-queue-page";

/*
 * Issue #6: an engineer registers a vendor with the guided form, leaves after step 2 and resumes the draft,
 * sees on the summary the flags the vendor will raise, and submits it; the DPO approves it in the review queue;
 * the engineer sees the outcome under My vendors.
 */

async function expectNoSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test("an engineer registers a vendor in Mainland China step by step, resumes the draft, sees its flags and submits; the DPO approves it", async ({ page, signInAs }, testInfo) => {
  const name = `Shenzhen Geo SDK ${crypto.randomBytes(3).toString("hex")}`;
  const shell = new AppShell(page);
  const myVendors = new MyVendorsPage(page);
  const registration = new RegistrationWizardPage(page);
  const wizard = registration.wizard;
  await signInAs("engineer");
  await myVendors.goto();
  await myVendors.startRegistration();
  await expect(page).toHaveURL(/\/register\/new$/);

  // --- Step 1: the vendor. Next with nothing filled in names the missing fields next to them.
  await expect(registration.currentStep).toContainText("The vendor");
  await registration.next();
  await expect(wizard.getByText("Vendor name: is required")).toBeVisible();
  await expect(wizard.getByText(/^Role: must be one of: Processor/)).toBeVisible();
  await expect(wizard.getByText("Country of establishment: is required")).toBeVisible();
  await expect(wizard.getByLabel("Vendor name")).toHaveAttribute("aria-invalid", "true");

  // A name like one already in the register shows it, with a link, before going on.
  await wizard.getByLabel("Vendor name").fill("Cloudflare Inc");
  await expect(wizard.getByTestId("duplicate-item").filter({ hasText: "Cloudflare" })).toBeVisible();
  await expect(wizard.getByTestId("duplicate-item").getByRole("link", { name: "Cloudflare" })).toHaveAttribute("href", /^\/processors\/[0-9a-f-]{36}$/);

  await wizard.getByLabel("Vendor name").fill(name);
  await wizard.getByLabel("Website").fill("https://www.shenzhen-geo-maps.cn");
  await wizard.getByLabel("Role").selectOption("processor");
  await wizard.getByLabel("Service").selectOption("analytics");
  await wizard.getByLabel("Country of establishment").selectOption("CN");
  await expect(wizard.getByTestId("duplicate-item")).toHaveCount(0);
  await expectNoSeriousAxeViolation(page);
  await registration.next();

  // --- Step 2: what data. Saved as a draft: the address now names it.
  await expect(registration.currentStep).toContainText("What data");
  await expect(page).toHaveURL(/\/register\/new\?draft=[0-9a-f-]{36}$/);
  await expect(wizard.getByRole("heading", { level: 2 })).toBeFocused();
  await wizard.getByLabel("Processing activity").selectOption({ label: "Product analytics" });
  const search = wizard.getByRole("searchbox", { name: /Search data categories/ });
  await search.fill("device id");
  await wizard.getByRole("checkbox", { name: /user\.device\.device_id/ }).check();
  await search.fill("precise");
  // Keyboard: Space ticks the focused checkbox.
  await wizard.getByRole("checkbox", { name: /user\.location\.precise$/ }).focus();
  await page.keyboard.press("Space");
  await expect(wizard.getByRole("checkbox", { name: /user\.location\.precise$/ })).toBeChecked();
  await expect(wizard.getByText(/Sensitive: .*PIPL Art\. 28/).first()).toBeVisible();
  await expect(wizard.getByText("2 selected")).toBeVisible();
  await registration.next();
  await expect(registration.currentStep).toContainText("Where and how much");

  // --- Leave after step 2: My vendors lists the draft with "Continue", which resumes at step 3.
  await myVendors.goto();
  const draftRow = myVendors.row(name);
  // Statuses read as their labels (lib/labels recordStatus), never the code.
  await expect(draftRow).toContainText("Draft");
  await draftRow.getByTestId("continue-draft").click();
  await expect(page).toHaveURL(/\/register\/new\?draft=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Continue registering ${name}`);
  await expect(registration.currentStep).toContainText("Where and how much");

  // --- Step 3: where and how much. The first destination defaults to the vendor's country.
  await wizard.getByLabel("Exporting entity").selectOption({ label: "GNCC Inc. (US)" });
  await expect(wizard.getByLabel("Where the data sits")).toHaveValue("US");
  await wizard.getByRole("checkbox", { name: "California" }).check();
  const destination = wizard.getByTestId("destination").first();
  await expect(destination.getByLabel("Destination")).toHaveValue("CN");
  await destination.getByLabel("People or devices per 12 months").fill("50000");
  await destination.getByLabel("Counted as").selectOption("devices");
  await destination.getByLabel("Frequency").selectOption("continuous");
  await registration.next();

  // --- Step 4: how it is protected. Sent in clear, no mechanism, only a confidentiality agreement.
  await expect(registration.currentStep).toContainText("How it is protected");
  const protection = wizard.getByTestId("protection").first();
  await expect(protection).toContainText("Transfer to People's Republic of China");
  await protection.getByLabel("Encryption in transit").selectOption("none");
  await protection.getByLabel("Encryption at rest").selectOption("provider_keys");
  await protection.getByLabel("Transfer mechanism").selectOption("none");
  await wizard.getByRole("button", { name: "Add an agreement" }).click();
  const agreement = wizard.getByTestId("agreement").first();
  await agreement.getByLabel("Type").selectOption("confidentiality");
  // An expiry before the signature is refused next to its field, with the API's own rule.
  await agreement.getByLabel("Signed on").fill("2026-01-10");
  await agreement.getByLabel("Expires on").fill("2025-12-31");
  await registration.next();
  await expect(agreement.getByText("Expires on: must not be before the signed date")).toBeVisible();
  await agreement.getByLabel("Expires on").fill("");
  await agreement.getByLabel("Document reference").fill("NDA-2026-017");
  await registration.next();

  // --- Step 5: the summary, and the flags the rules engine predicts for exactly this data.
  await expect(registration.currentStep).toContainText("Summary");
  const summary = registration.summary;
  await expect(summary).toContainText(name);
  await expect(summary).toContainText("user.device.device_id");
  await expect(summary).toContainText("user.location.precise");
  await expect(summary).toContainText("50,000 devices per 12 months");
  await expect(summary).toContainText("NDA-2026-017");
  const predicted = registration.predictedFlags;
  await expect(predicted.first()).toBeVisible();
  const expectFlag = async (ruleId: string, title: string, severity: string) => {
    const flag = registration.predictedFlag(ruleId);
    await expect(flag).toContainText(title);
    await expect(flag.getByTestId("severity-badge")).toHaveText(severity);
  };
  // Precise location with a device id is sensitive: unencrypted is critical; 50,000 devices > 1,000 to China.
  await expectFlag("transfer.no-encryption-in-transit", "No encryption in transit", "Critical");
  await expectFlag("transfer.doj-bulk-restricted", "Bulk US sensitive data to a country of concern", "Critical");
  await expectFlag("transfer.no-contract", "No processing agreement", "High");
  await expect(wizard.locator('[data-rule-id="transfer.doj-bulk-restricted"]')).toContainText("50,000");
  await expectNoSeriousAxeViolation(page);
  await page.screenshot({ path: testInfo.outputPath("registration-summary.png"), fullPage: true });

  await registration.submitForReview();
  await page.waitForURL(/\/register\?submitted=1$/);
  await expect(myVendors.submittedMessage).toBeVisible();
  await expect(myVendors.row(name)).toContainText("Awaiting review");
  await expect(myVendors.continueDraft(name)).toHaveCount(0);
  await shell.signOut();

  // --- The DPO approves it in the review queue, where it arrives with its flags.
  await signInAs("dpo");
  const review = new ReviewQueuePage(page);
  await review.goto();
  await expect(review.item(name).getByText("Critical").first()).toBeVisible();
  await review.approve(name);
  await expect(review.item(name)).toHaveCount(0);
  await shell.signOut();

  // --- The engineer sees the outcome.
  await signInAs("engineer");
  await myVendors.goto();
  await expect(myVendors.row(name)).toContainText("Approved");
});
