import { expect, test } from "./fixtures";

/*
 * Deleting from a record's page: asked once, sent with the version the page shows, refused in words when
 * others still depend on the record. The tests share one database: only records they create are deleted.
 */

async function processorIdByName(page: import("@playwright/test").Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/v1/processors?q=${encodeURIComponent(name)}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data: { id: string; name: string }[] };
  const found = body.data.find((processor) => processor.name === name);
  expect(found, `processor ${name}`).toBeDefined();
  return found!.id;
}

test("the DPO deletes an agreement from its page and lands on the register, where it is gone", async ({ page, signInAs }) => {
  await signInAs("dpo");
  const processorId = await processorIdByName(page, "Cloudflare");
  // A session's API write must come from the app's own origin (the CSRF check), as the browser's would.
  const created = await page.request.post("/api/v1/agreements", {
    headers: { origin: new URL(page.url()).origin },
    data: { processorId, type: "confidentiality", documentRef: "E2E-DELETE-ME", signedDate: "2026-01-05", effectiveDate: "2026-01-05" },
  });
  expect(created.status()).toBe(201);
  const { data: agreement } = (await created.json()) as { data: { id: string } };

  await page.goto(`/agreements/${agreement.id}`);
  await page.getByTestId("delete-record").click();
  const confirmation = page.getByTestId("delete-confirmation");
  await expect(confirmation).toContainText("Delete this agreement?");
  // Cancel first: nothing happens.
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(confirmation).toHaveCount(0);

  await page.getByTestId("delete-record").click();
  await page.getByRole("button", { name: "Yes, delete the agreement" }).click();
  await page.waitForURL((url) => url.pathname === "/agreements");
  await page.goto("/agreements?q=E2E-DELETE-ME");
  await expect(page.getByTestId("agreements-register")).toContainText("No agreement matches these filters.");
  expect((await page.request.get(`/api/v1/agreements/${agreement.id}`)).status()).toBe(404);
});

test("deleting a processor that still has transfers is refused, naming them, and deletes nothing", async ({ page, signInAs }) => {
  await signInAs("dpo");
  const processorId = await processorIdByName(page, "Hengtong Technical Services");
  await page.goto(`/processors/${processorId}`);
  await page.getByTestId("delete-record").click();
  await page.getByRole("button", { name: "Yes, delete the processor" }).click();
  const confirmation = page.getByTestId("delete-confirmation");
  await expect(confirmation.getByRole("status")).toContainText(/transfer/i);
  await expect(page).toHaveURL(new RegExp(`/processors/${processorId}$`));
  expect((await page.request.get(`/api/v1/processors/${processorId}`)).status()).toBe(200);
});

test("the auditor sees no delete control", async ({ page, signInAs }) => {
  await signInAs("auditor");
  const processorId = await processorIdByName(page, "Cloudflare");
  await page.goto(`/processors/${processorId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cloudflare");
  await expect(page.getByTestId("delete-record")).toHaveCount(0);
});
