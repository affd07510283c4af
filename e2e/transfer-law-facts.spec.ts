import type { Locator } from "@playwright/test";
import { formatDate } from "../lib/labels";
import { expect, isoDateInDays, test, uniqueName } from "./fixtures";
import { RecordForm, RecordPage } from "./pages/record-page";

/*
 * Issue 15, items 7 and 8: the facts the law turns on, recorded in the transfer form and read back in words.
 * An export from mainland China needs the individuals' separate consent (PIPL Art. 39) and a PIPIA (Art. 55-56):
 * without them the transfer carries `transfer.pipl-consent-or-pipia-missing`, and recording both resolves it.
 * A US DOJ exemption (28 CFR 202.501-202.511) is a claim the DPO must be able to defend: it is refused without
 * a justification and shown with its section once justified.
 *
 * The transfer is the test's own: a copy of the demo's China beta crash reports (CN -> US, neither fact
 * recorded), sent to a processor made for it, so no other spec's records change. 500 people keep it far under
 * every PIPL volume threshold, whatever the exporter's other exports add up to.
 */

const PIPL_RULE = "transfer.pipl-consent-or-pipia-missing";
const PIPL_FLAG_TITLE = "PIPL separate consent or impact assessment missing";
const CONSENT_LABEL = "Separate consent of the individuals obtained (PIPL Art. 39)";
const PIPIA_LABEL = "Personal-information protection impact assessment (PIPIA) date";
const DOJ_EXEMPTION_LABEL = "Exemption claimed (28 CFR 202.501-202.511)";
const JUSTIFICATION_LABEL = "Why the exemption applies";
const CORPORATE_GROUP = "Corporate group transaction (28 CFR 202.506)";

/** The value a record page's facts list (a DetailsList) shows for `term`. */
function detail(list: Locator, term: string): Locator {
  return list.locator("div").filter({ has: list.page().locator("dt").getByText(term, { exact: true }) }).locator("dd");
}

test("the DPO records a China export's separate consent and PIPIA, which clears its PIPL flag, then claims a DOJ exemption only with a justification", async ({
  page,
  signInAs,
  api,
}) => {
  const template = await api.findTransfer("CrashTrace", (row) => row.originCountry === "CN" && row.processorName === "CrashTrace");
  const recipient = await api.createProcessor({ name: uniqueName("E2E Crash Analytics Inc.") });
  const transfer = await api.createTransferLike(template.id, { processorId: recipient.id, estimatedSubjects: 500 });
  const pipiaDate = isoDateInDays(-30);

  await signInAs("dpo");
  const record = new RecordPage(page, "transfers");
  await record.goto(transfer.id);
  await expect(record.heading).toHaveText(`Transfer to ${recipient.name}`);

  // Neither fact is recorded: the page says so in words, and the PIPL flag is open under its title.
  const pipl = page.getByTestId("transfer-pipl");
  await expect(detail(pipl, "Separate consent (PIPL Art. 39)")).toHaveText("Not recorded");
  await expect(detail(pipl, "PIPIA (PIPL Art. 55-56)")).toHaveText("None recorded");
  const flags = page.getByRole("region", { name: "Flags", exact: true });
  const piplFlag = flags.getByRole("listitem", { name: PIPL_FLAG_TITLE });
  await expect(piplFlag).toHaveAttribute("data-flag-status", "open");
  await expect(piplFlag).toContainText("no separate consent of the individuals is recorded");
  await expect(piplFlag).toContainText("no personal-information protection impact assessment is recorded");

  // The edit form opens its "China (PIPL)" section by itself for an export from China.
  await record.editLink.click();
  await page.waitForURL(new RegExp(`/transfers/${transfer.id}/edit$`));
  const form = RecordForm.editTransfer(page);
  const piplSection = form.form.getByTestId("transfer-pipl-fields");
  await expect(piplSection.locator("summary")).toHaveText("China (PIPL)");
  await expect(piplSection).toHaveAttribute("open", "");
  await piplSection.getByLabel(CONSENT_LABEL).check();
  await piplSection.getByLabel(PIPIA_LABEL).fill(pipiaDate);
  // Before saving, the form predicts that the change resolves the flag.
  await expect(form.predictedResolvedRule(PIPL_RULE)).toBeVisible();
  await form.submit("Save transfer");
  await page.waitForURL(new RegExp(`/transfers/${transfer.id}$`));

  // Both facts in words on the transfer's page, and the flag is no longer among its open ones.
  await expect(detail(pipl, "Separate consent (PIPL Art. 39)")).toHaveText("Obtained");
  await expect(detail(pipl, "PIPIA (PIPL Art. 55-56)")).toHaveText(formatDate(pipiaDate, "en"));
  await expect(record.openFlag(PIPL_RULE)).toHaveCount(0);
  await expect(flags.locator('[data-testid="flag-item"][data-flag-status="resolved"]').filter({ hasText: PIPL_FLAG_TITLE })).toHaveCount(1);

  // A DOJ exemption without a justification is refused next to the field, and nothing is saved.
  await record.editLink.click();
  await page.waitForURL(new RegExp(`/transfers/${transfer.id}/edit$`));
  const dojSection = form.form.getByTestId("transfer-doj-fields");
  await dojSection.getByLabel(DOJ_EXEMPTION_LABEL).selectOption({ label: CORPORATE_GROUP });
  await expect(dojSection.getByLabel(JUSTIFICATION_LABEL)).toHaveValue("");
  await form.submit("Save transfer");
  await form.expectFieldInvalid(JUSTIFICATION_LABEL);
  await expect(dojSection.getByTestId("field-error")).toHaveText(
    `${JUSTIFICATION_LABEL}: is required when a US DOJ exemption (28 CFR 202.501-202.511) is claimed: say why it applies`,
  );
  await expect(page).toHaveURL(/\/edit$/);
  const { data: unchanged } = await api.get(`/api/v1/transfers/${transfer.id}`);
  expect(unchanged.dojExemption).toBeNull();

  // With a justification it saves, and the page names the exemption with its section and the reason.
  const justification = "Crash reports go to our US parent's group analytics, ancillary to the group's operations.";
  await dojSection.getByLabel(JUSTIFICATION_LABEL).fill(justification);
  await form.submit("Save transfer");
  await page.waitForURL(new RegExp(`/transfers/${transfer.id}$`));
  const doj = page.getByTestId("transfer-doj");
  await expect(detail(doj, "Exemption claimed")).toHaveText(CORPORATE_GROUP);
  await expect(detail(doj, "Exemption claimed")).toContainText("28 CFR 202.506");
  await expect(detail(doj, "Why the exemption applies")).toHaveText(justification);
  const { data: saved } = await api.get(`/api/v1/transfers/${transfer.id}`);
  expect(saved).toMatchObject({ dojExemption: "corporate_group", dojExemptionJustification: justification, piplSeparateConsent: true, pipiaDate });
});
