import { Api, demoUser, expect, isoDateInDays, test, uniqueName } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { RecordForm, RecordPage } from "./pages/record-page";

/*
 * Issue 17, the remediation journey: the DPO assigns a flag to an engineer with a due date; the engineer signs in,
 * finds it under "My flags", comments, follows the flag to the record, fixes it, and the flag resolves because
 * its cause is gone (the rules re-evaluate on save), not because anyone says so.
 */

test("the DPO assigns a flag to an engineer; the engineer signs in, sees it under My flags, comments, fixes the transfer, and the flag is resolved", async ({
  page,
  playwright,
  baseURL,
  signInAs,
  api,
}, testInfo) => {
  // The engineer registers the vendor and its transfer (a draft they may edit), sent in clear: a flag of their own.
  const engineerApi = await Api.signIn(playwright.request, baseURL!, "engineer");
  const vendor = uniqueName("Remediation Vendor");
  const processor = await engineerApi.createProcessor({ name: vendor, country: "CN", service: "technical_support" });
  const template = await api.findTransfer("Hengtong", (row) => row.destinationCountry === "CN" && row.accessType === "storage");
  await engineerApi.createTransferLike(template.id, { processorId: processor.id, encryptionInTransit: "none", status: "draft", estimatedSubjects: 100 });
  await engineerApi.dispose();
  const [flag] = await api.list(`/api/v1/flags?status=open&ruleId=transfer.no-encryption-in-transit&q=${encodeURIComponent(vendor)}`);
  expect(flag, "the unencrypted transfer raised its flag").toBeDefined();

  // The DPO opens the flag from the register and assigns it to the engineer, due in two weeks.
  await signInAs("dpo");
  await page.goto(`/flags?status=open&rule=transfer.no-encryption-in-transit&q=${encodeURIComponent(vendor)}`);
  await page.locator(`[data-testid="flag-row"][data-flag-id="${flag!.id}"]`).getByTestId("flag-page-link").click();
  await expect(page).toHaveURL(new RegExp(`/flags/${flag!.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: /^Flag: / })).toBeVisible();
  const engineer = demoUser("engineer");
  const form = page.getByTestId("remediation-form");
  await form.getByLabel("Assigned to").selectOption({ label: `${engineer.name} (Engineer)` });
  await form.getByLabel("Due date").fill(isoDateInDays(14));
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("remediation-status")).toHaveText("Saved.");
  await expect(page.getByTestId("flag-remediation-facts").getByTestId("flag-assignee")).toHaveText(engineer.name);
  await expect(page.getByTestId("record-history").getByTestId("history-item").first()).toContainText("Updated");
  await new AppShell(page).signOut();

  // The engineer finds it under "My flags", with its due date.
  await signInAs("engineer");
  const shell = new AppShell(page);
  await shell.navLink("My flags").click();
  await expect(page).toHaveURL(/\/flags\?assignee=me$/);
  await expect(page.getByTestId("flag-views").getByRole("link", { name: "Assigned to me" })).toHaveAttribute("aria-current", "page");
  const row = page.locator(`[data-testid="flag-row"][data-flag-id="${flag!.id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("flag-assignee")).toContainText(engineer.name);
  await expect(row.getByTestId("flag-due-date")).not.toHaveText("—");
  await page.screenshot({ path: testInfo.outputPath("my-flags.png"), fullPage: true });
  await row.getByTestId("flag-page-link").click();
  await expect(page).toHaveURL(new RegExp(`/flags/${flag!.id}$`));

  // An empty comment is refused next to its field; a real one joins the thread under the engineer's name.
  const comments = page.getByTestId("comment-form");
  await comments.getByRole("button", { name: "Add comment" }).click();
  await expect(comments.getByTestId("comment-error")).toContainText("must not be empty");
  const text = "The vendor's upload endpoint supports TLS 1.3: switching the transfer to it today.";
  await comments.getByLabel("Your comment").fill(text);
  await comments.getByRole("button", { name: "Add comment" }).click();
  const comment = page.getByTestId("flag-comment").filter({ hasText: text });
  await expect(comment).toContainText(engineer.name);
  // The assignee says where the work stands; assigning stays the DPO's.
  const work = page.getByTestId("remediation-form");
  await expect(work.getByLabel("Assigned to")).toHaveCount(0);
  await work.getByLabel("Work status").selectOption({ label: "In progress" });
  await work.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("flag-work-status")).toHaveText("In progress");
  await page.screenshot({ path: testInfo.outputPath("flag-page.png"), fullPage: true });

  // The flag leads to the record: fixing the transfer resolves it.
  await page.getByTestId("flag-fix-link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Edit transfer/ })).toBeVisible();
  const edit = RecordForm.editTransfer(page);
  await edit.field("Encryption in transit").selectOption("tls1_3");
  await expect(edit.predictedResolved).toContainText("transfer.no-encryption-in-transit");
  await edit.submit("Save transfer");
  await new RecordPage(page, "transfers").waitForRecord();

  await page.goto(`/flags/${flag!.id}`);
  await expect(page.getByTestId("flag-item")).toHaveAttribute("data-flag-status", "resolved");
  await expect(page.getByTestId("flag-status").first()).toHaveText("Resolved");
  await expect(page.getByTestId("flag-fix-link")).toHaveCount(0);
  await expect(page.getByTestId("flag-comment").filter({ hasText: text })).toHaveCount(1);
  // It has left the engineer's open work list.
  await page.goto("/flags?assignee=me");
  await expect(page.locator(`[data-testid="flag-row"][data-flag-id="${flag!.id}"]`)).toHaveCount(0);
});
