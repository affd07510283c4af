import { expect, test } from "./fresh-server";

/*
 * Issue 13, first run without the demo: a fresh DEMO=0 installation has no account and no default password.
 * The operator reads the one-time code in the server log, creates the first DPO in the browser, lands on the
 * guided start and creates the company's first entity from it; the code then works no more.
 */

const SETUP_CODE = /set-up code: ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/;

test("a fresh installation without the demo is set up in the browser with the code from the server log", async ({ page, freshServer, request }) => {
  test.setTimeout(180_000);
  const code = await freshServer.waitForLog(SETUP_CODE);
  expect(freshServer.log()).toContain("/setup");

  // Nobody can sign in yet: the app opens on the set-up page, not on a sign-in form without an account.
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up transfer governance" })).toBeVisible();
  await expect(page.getByText("printed in its log at start-up")).toBeVisible();

  // A wrong code is refused next to its field; nothing is created.
  await page.getByLabel("Set-up code").fill("AAAA-BBBB-CCCC");
  await page.getByLabel("Your name").fill("Dana Protection");
  await page.getByLabel("Email").fill("dana@example.com");
  await page.getByLabel("Password").fill("a-long-password-for-dana");
  await page.getByRole("button", { name: "Create the DPO account" }).click();
  await expect(page.getByTestId("setup-error")).toContainText("The set-up code is not correct");
  await expect(page.getByText("Set-up code: is not the code printed in the server log")).toBeVisible();

  // The code as printed (typed in lower case, which the form accepts): the DPO is created and signed in.
  await page.getByLabel("Set-up code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Create the DPO account" }).click();
  await page.waitForURL(/\/setup\/start$/);
  await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
  await expect(page.getByText("Welcome, Dana Protection.")).toBeVisible();
  const steps = page.getByRole("list", { name: "Guided start" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("Step 1: Your organisation and its entities");
  await expect(steps.nth(0).getByRole("link", { name: "Add an entity" })).toHaveAttribute("href", "/organisation/entities/new");
  await expect(steps.nth(1).getByRole("link", { name: "Record an activity" })).toHaveAttribute("href", "/activities/new");
  await expect(steps.nth(2).getByRole("link", { name: "Register a vendor" })).toHaveAttribute("href", "/register/new");
  for (let index = 0; index < 3; index++) await expect(steps.nth(index)).toContainText("To do");

  // Step 1 in the browser: the company's own entity, from the guided start's link; the step is then done.
  await steps.nth(0).getByRole("link", { name: "Add an entity" }).click();
  await page.waitForURL(/\/organisation\/entities\/new$/);
  await expect(page.getByTestId("current-user")).toContainText("Dana Protection · DPO");
  const entityForm = page.getByTestId("entity-form");
  await entityForm.getByLabel("Name", { exact: true }).fill("Acme Cameras GmbH");
  await entityForm.getByLabel("Legal name").fill("Acme Cameras Deutschland GmbH");
  await entityForm.getByLabel("Country").selectOption("DE");
  await entityForm.getByLabel("Role").selectOption("controller");
  await entityForm.getByLabel("Address").fill("Hauptstraße 1, 10115 Berlin");
  await entityForm.getByLabel("Data protection officer").fill("Dana Protection, dana@example.com");
  await entityForm.getByRole("button", { name: "Create entity" }).click();
  await page.waitForURL(/\/organisation\/entities\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Acme Cameras GmbH", level: 1 })).toBeVisible();

  await page.goto("/setup/start");
  await expect(steps.nth(0)).toContainText("Done (1)");
  await expect(steps.nth(1)).toContainText("To do");
  await expect(steps.nth(2)).toContainText("To do");

  // Signed in as the DPO: the dashboard opens.
  await page.getByRole("link", { name: "Go to the dashboard" }).click();
  await expect(page.getByTestId("current-user")).toContainText("Dana Protection · DPO");

  // The code is spent: /setup now sends to sign-in, and the API says the installation is set up.
  const again = await request.post("/api/setup", {
    data: { code, name: "Someone Else", email: "else@example.com", password: "another-long-password" },
    headers: { origin: freshServer.url },
  });
  expect(again.status()).toBe(409);
  expect(again.headers()["content-type"]).toContain("application/problem+json");
  expect(await again.json()).toMatchObject({ code: "conflict", setupComplete: true });
  const setupPage = await request.get("/setup", { maxRedirects: 0 });
  expect([307, 308, 303, 302]).toContain(setupPage.status());
  expect(setupPage.headers()["location"]).toContain("/sign-in");
});
