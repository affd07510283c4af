import { expect, test } from "./fixtures";

/*
 * The DPO's journey on the notice page (issue 18): the demo register sends advertising data to France, a country the
 * demo notice does not name ("including but not limited to Mainland China, Hong Kong"); the DPO declares France in
 * the notice's words and sees that finding resolve, while the other findings stay.
 */

test("the DPO declares a country in the notice and sees the finding about it resolve", async ({ page, signInAs }) => {
  await signInAs("dpo");
  await page.goto("/notice");
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();

  const findings = page.getByTestId("notice-finding");
  const france = findings.filter({ hasText: "France" }).and(page.locator('[data-rule="notice.undisclosed-destination"]'));
  await expect(france).toHaveCount(1);
  await expect(france).toContainText("The notice says");
  await expect(france).toContainText("How we transfer your personal information globally");
  await expect(findings.and(page.locator('[data-rule="notice.transfer-without-contract-against-promise"]')).first()).toBeVisible();

  const form = page.getByRole("form", { name: "Add a statement" });
  await form.getByLabel("Kind of statement").selectOption({ label: "Country declared" });
  await form.getByLabel("Country", { exact: true }).selectOption("FR");
  await form.getByLabel("The notice's words").fill("Your personal information may also be processed in France by our advertising partner.");
  await form.getByLabel("Section", { exact: true }).fill("How we transfer your personal information globally");
  await form.getByRole("button", { name: "Add the statement" }).click();

  await expect(france).toHaveCount(0);
  await expect(page.getByTestId("statements-country")).toContainText("France");
  await expect(findings.and(page.locator('[data-rule="notice.transfer-without-contract-against-promise"]')).first()).toBeVisible();
});
