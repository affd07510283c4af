import { expect, test, uniqueName } from "./fixtures";
import { RegisterPage } from "./pages/register-page";
import { RecordPage } from "./pages/record-page";

/*
 * Deleting from a record's page: asked once, sent with the version the page shows, refused in words when
 * others still depend on the record. Every record deleted, or asked to be, is the test's own.
 */

test("the DPO deletes an agreement from its page and lands on the register, where it is gone", async ({ page, signInAs, api }) => {
  const processor = await api.createProcessor({ name: uniqueName("Delete Journey Vendor") });
  const agreement = await api.createAgreement({
    processorId: processor.id,
    type: "confidentiality",
    documentRef: "E2E-DELETE-ME",
    signedDate: "2026-01-05",
    effectiveDate: "2026-01-05",
  });
  await signInAs("dpo");

  const record = new RecordPage(page, "agreements");
  await record.goto(agreement.id);
  await record.deleteButton.click();
  await expect(record.deleteConfirmation).toContainText("Delete this agreement?");
  // Cancel first: nothing happens.
  await record.deleteConfirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(record.deleteConfirmation).toHaveCount(0);

  await record.delete({ confirm: "Yes, delete the agreement" });
  await page.waitForURL((url) => url.pathname === "/agreements");
  await RegisterPage.agreements(page).goto("q=E2E-DELETE-ME");
  await expect(page.getByTestId("agreements-register")).toContainText("No agreement matches these filters.");
  expect(await api.status(`/api/v1/agreements/${agreement.id}`)).toBe(404);
});

test("deleting a processor that still has transfers is refused, naming them, and deletes nothing", async ({ page, signInAs, api }) => {
  // A processor of the test's own, with a transfer like the demo's Hengtong diagnostics upload.
  const templateTransfer = await api.findTransfer("Hengtong", (row) => row.processorName === "Hengtong Technical Services");
  const processor = await api.createProcessor({ name: uniqueName("Delete Refused Vendor"), country: "CN" });
  await api.createTransferLike(templateTransfer.id, { processorId: processor.id });
  await signInAs("dpo");

  const record = new RecordPage(page, "processors");
  await record.goto(processor.id);
  await record.delete({ confirm: "Yes, delete the processor" });
  await expect(record.deleteConfirmation.getByRole("status")).toContainText(/transfer/i);
  await expect(page).toHaveURL(new RegExp(`/processors/${processor.id}$`));
  expect(await api.status(`/api/v1/processors/${processor.id}`)).toBe(200);
});

test("the auditor sees no delete control", async ({ page, signInAs, api }) => {
  const cloudflare = await api.findByName("/api/v1/processors", "Cloudflare");
  await signInAs("auditor");
  const record = new RecordPage(page, "processors");
  await record.goto(cloudflare.id);
  await expect(record.heading).toHaveText("Cloudflare");
  await expect(record.deleteButton).toHaveCount(0);
});
