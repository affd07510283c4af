import { expect, test, uniqueName } from "./fixtures";
import { AppShell } from "./pages/app-shell";

/*
 * The organisation and its entities in the browser: the DPO creates, edits and deletes the company's own legal
 * entities (a delete is refused, naming them, while records depend on the entity); engineers read. Every
 * entity changed or deleted here is the test's own.
 */

const entityUrl = /\/organisation\/entities\/[0-9a-f-]{36}$/;

test("the DPO creates an entity from the organisation page, edits it, and finds it in the list in words", async ({ page, signInAs }) => {
  const name = uniqueName("E2E Europe GmbH");
  await signInAs("dpo");
  await new AppShell(page).navLink("Organisation").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisation");
  await page.getByRole("link", { name: "New entity" }).click();
  await page.waitForURL(/\/organisation\/entities\/new$/);

  const form = page.getByTestId("entity-form");
  // The form explains what it asks about China and the Art. 27 representatives.
  await expect(form).toContainText("PIPL Art. 40");
  await expect(form).toContainText("CAC security assessment");
  await expect(form).toContainText("GDPR Art. 27");
  // Browser-side validation with the contract's schema: no name, no country.
  await form.getByRole("button", { name: "Create entity" }).click();
  await expect(form.getByText("is required").first()).toBeVisible();

  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Legal name").fill(`${name} (registered)`);
  await form.getByLabel("Country").selectOption("DE");
  await expect(form.getByLabel("Role")).toHaveValue("controller");
  await expect(form.getByLabel("Role").locator("option:checked")).toHaveText("Controller");
  await form.getByLabel("Address").fill("Unter den Linden 1, Berlin");
  await form.getByLabel("Data protection officer").fill("Erika Mustermann, dpo@e2e.example");
  await form.getByLabel("Representative in the UK (UK GDPR Art. 27)").fill("UK Rep Ltd, London");
  await form.getByLabel(/Critical information infrastructure operator/).check();
  await form.getByRole("button", { name: "Create entity" }).click();
  await page.waitForURL(entityUrl);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const facts = page.getByTestId("entity-facts");
  await expect(facts).toContainText("Germany");
  await expect(facts).toContainText("Controller");
  await expect(facts).toContainText("Erika Mustermann, dpo@e2e.example");
  await expect(facts).toContainText("UK Rep Ltd, London");
  await expect(facts).toContainText("None designated");

  await page.getByTestId("edit-link").click();
  await page.waitForURL(/\/edit$/);
  await page.getByTestId("entity-form").getByLabel("Phone").fill("+49 30 000000");
  await page.getByTestId("entity-form").getByLabel("Role").selectOption("processor");
  await page.getByRole("button", { name: "Save entity" }).click();
  await page.waitForURL(entityUrl);
  await expect(page.getByTestId("entity-facts")).toContainText("+49 30 000000");
  await expect(page.getByTestId("entity-facts")).toContainText("Processor");
  await expect(page.locator('[data-testid="history-item"][data-action="update"]')).toHaveCount(1);

  await page.goto(`/organisation?q=${encodeURIComponent(name)}`);
  const row = page.getByTestId("entity-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Germany");
  await expect(row).toContainText("Processor");
  await expect(row).toContainText("Operator");
  await expect(row).not.toContainText(/\bDE\b|processor\b/);
});

test("deleting an entity a processing activity depends on is refused, naming it; a free entity is deleted", async ({ page, signInAs, api }) => {
  const busy = await api.create("/api/v1/entities", { name: uniqueName("E2E Busy Exporter"), country: "US", role: "controller" });
  const activityName = uniqueName("E2E activity of the busy exporter");
  await api.create("/api/v1/activities", { name: activityName, controllerEntityId: busy.id, purpose: "Keep the accounts", legalBasis: "contract" });
  const free = await api.create("/api/v1/entities", { name: uniqueName("E2E Free Entity"), country: "FR", role: "controller" });
  await signInAs("dpo");

  await page.goto(`/organisation/entities/${busy.id}`);
  await expect(page.getByTestId("entity-activities")).toContainText(activityName);
  await page.getByTestId("delete-record").click();
  await page.getByRole("button", { name: "Yes, delete the entity" }).click();
  const refusal = page.getByTestId("delete-confirmation").getByRole("status");
  await expect(refusal).toContainText("processing activity it controls");
  await expect(refusal).toContainText(activityName);
  expect(await api.status(`/api/v1/entities/${busy.id}`)).toBe(200);

  await page.goto(`/organisation/entities/${free.id}`);
  await page.getByTestId("delete-record").click();
  await page.getByRole("button", { name: "Yes, delete the entity" }).click();
  await page.waitForURL((url) => url.pathname === "/organisation");
  expect(await api.status(`/api/v1/entities/${free.id}`)).toBe(404);
});

test("an engineer reads the organisation but cannot add, edit or delete an entity", async ({ page, signInAs, api }) => {
  const entity = await api.create("/api/v1/entities", { name: uniqueName("E2E Read Only Ltd"), country: "GB", role: "controller", ciio: false });
  await signInAs("engineer");
  await page.goto("/organisation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisation");
  await expect(page.getByRole("link", { name: "New entity" })).toHaveCount(0);
  await page.goto(`/organisation/entities/${entity.id}`);
  await expect(page.getByTestId("entity-facts")).toContainText("United Kingdom");
  await expect(page.getByTestId("edit-link")).toHaveCount(0);
  await expect(page.getByTestId("delete-record")).toHaveCount(0);
  // The form is the DPO's: another role is sent to the "forbidden" page.
  await page.goto("/organisation/entities/new");
  await page.waitForURL(/\/forbidden/);
  await expect(page.getByTestId("entity-form")).toHaveCount(0);
});
