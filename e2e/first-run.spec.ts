import fs from "node:fs";
import { expect, test } from "./fresh-server";
import { RecordForm, RecordPage } from "./pages/record-page";

/*
 * Issue 13, first run without the demo: a fresh DEMO=0 installation has no account and no default password.
 * The operator reads the one-time code in the server log, creates the first DPO in the browser, lands on the
 * guided start and creates the company's first entity from it; the code then works no more. Then, in the browser
 * alone (the same day tests/first-run-api.test.ts spends through the API): a processing activity controlled by
 * that entity, a vendor, a transfer of EU people's data to it in the US with no mechanism, the flags the engine
 * raises on it, and the Art. 30 export that names the entity's DPO contact.
 */

const SETUP_CODE = /set-up code: ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/;

test("a fresh installation without the demo is set up in the browser with the code from the server log, then records its first transfer and exports it", async ({ page, freshServer, request }) => {
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

  // Step 2: a processing activity, controlled by the entity just created (no demo entity exists to default to).
  await page.goto("/setup/start");
  await steps.nth(1).getByRole("link", { name: "Record an activity" }).click();
  await page.waitForURL(/\/activities\/new$/);
  const activity = RecordForm.activity(page);
  await activity.field("Name", { exact: true }).fill("Cloud video storage");
  await activity.field("Controller").selectOption({ label: "Acme Cameras GmbH (DE)" });
  await activity.fill("Purpose", "Store the videos our cameras record for their owners");
  await activity.field("Legal basis (GDPR Art. 6(1))").selectOption("contract");
  await activity.fill("Retention period", "30 days after the clip");
  await activity.submit("Create activity");
  await new RecordPage(page, "activities").waitForRecord();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cloud video storage");

  // Step 3: the first vendor, a US storage provider without DPF certification.
  await page.goto("/setup/start");
  await expect(steps.nth(1)).toContainText("Done (1)");
  await page.goto("/processors/new");
  const vendor = RecordForm.processor(page);
  await vendor.field("Name", { exact: true }).fill("Nimbus Storage Inc.");
  await vendor.field("Country of establishment").selectOption("US");
  await vendor.field("Service").selectOption("hosting");
  await vendor.submit("Create processor");
  const vendorPage = new RecordPage(page, "processors");
  await vendorPage.waitForRecord();
  await expect(vendorPage.heading).toContainText("Nimbus Storage Inc.");
  const vendorId = vendorPage.id();
  await page.goto("/setup/start");
  for (let index = 0; index < 3; index++) await expect(steps.nth(index)).toContainText("Done (1)");

  // A transfer to the vendor: EU people's videos leave Germany for the US, with no mechanism, no agreement and
  // no encryption at rest.
  await page.goto(`/transfers/new?processor=${vendorId}`);
  await expect(page.getByRole("heading", { level: 1, name: "New transfer to Nimbus Storage Inc." })).toBeVisible();
  const transfer = RecordForm.newTransfer(page);
  await transfer.field("Processing activity").selectOption({ label: "Cloud video storage" });
  await transfer.field("Exporting entity").selectOption({ label: "Acme Cameras GmbH (DE)" });
  await transfer.field("Origin (where the data sits)").selectOption("DE");
  await transfer.form.getByRole("group", { name: "Where the people live" }).getByRole("checkbox", { name: "European Union EU", exact: true }).check();
  const categories = transfer.form.getByRole("group", { name: "Data categories" });
  await categories.getByRole("searchbox").fill("email");
  await categories.getByLabel("Email address").check();
  await expect(transfer.field("Destination")).toHaveValue("US");
  await transfer.fill("People or devices per 12 months", "5000");
  await transfer.field("Encryption at rest").selectOption("none");
  await transfer.field("Transfer mechanism").selectOption("none");
  // Before it is saved, the form predicts the flag of a Chapter V transfer without a mechanism.
  await expect(transfer.predictedOpenRule("transfer.no-mechanism")).toBeVisible();
  await transfer.submit("Create transfer");
  const transferPage = new RecordPage(page, "transfers");
  await transferPage.waitForRecord();
  await expect(transferPage.heading).toHaveText("Transfer to Nimbus Storage Inc.");

  // Its flags, on its page, by their titles: no mechanism (critical), no processing agreement, no encryption at rest.
  const flags = page.getByRole("region", { name: "Flags", exact: true });
  const noMechanism = flags.getByRole("listitem", { name: "No transfer mechanism" });
  await expect(noMechanism).toBeVisible();
  await expect(noMechanism).toContainText("transfer.no-mechanism");
  await expect(noMechanism).toContainText("has no transfer mechanism and the destination is not adequate");
  await expect(flags.getByRole("listitem", { name: "No processing agreement" })).toContainText("transfer.no-contract");
  await expect(flags.getByRole("listitem", { name: "No encryption at rest" })).toContainText("transfer.no-encryption-at-rest");

  // The Art. 30 record, from the Exports page: the activity, its controller and the entity's DPO contact.
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Exports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
  await page.getByLabel("Report").selectOption({ label: "Record of processing activities (GDPR Art. 30(1))" });
  await page.getByLabel("Format").selectOption("csv");
  await page.getByRole("button", { name: "Show preview" }).click();
  await expect(page).toHaveURL(/report=ropa/);
  await expect(page.getByTestId("export-preview")).toContainText("Cloud video storage");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Record of processing activities (GDPR Art. 30(1)) (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ropa.*\.csv$/);
  const ropa = fs.readFileSync((await download.path())!, "utf8");
  expect(ropa).toContain("Cloud video storage");
  expect(ropa).toContain("Acme Cameras Deutschland GmbH");
  expect(ropa).toContain("Dana Protection, dana@example.com");

  // The privacy notice, recorded in the browser on the empty installation (issue 18): it says the videos stay in
  // Germany, and the transfer to the US store contradicts it.
  await page.goto("/notice");
  await expect(page.getByText("No version of the notice is recorded yet.")).toBeVisible();
  const version = page.getByRole("form", { name: "A version of the privacy notice" });
  await version.getByLabel("Title", { exact: true }).fill("Acme privacy notice");
  await version.getByLabel("Version (as the company names it)").fill("2026-01");
  await version.getByLabel("Effective from").fill("2026-01-01");
  await version.getByRole("checkbox", { name: "English" }).check();
  await version.getByLabel("The published text").fill("We store the videos of your cameras in Germany.");
  await version.getByRole("button", { name: "Record the version" }).click();
  await expect(page.getByRole("link", { name: "Acme privacy notice (2026-01)" })).toBeVisible();
  const statement = page.getByRole("form", { name: "Add a statement" });
  await statement.getByLabel("Kind of statement").selectOption("storage_location");
  await statement.getByLabel("Country of storage").selectOption("DE");
  await statement.getByLabel("The notice's words").fill("We store the videos of your cameras in Germany.");
  await statement.getByLabel("Section", { exact: true }).fill("Where we store data");
  await statement.getByRole("button", { name: "Add the statement" }).click();
  const outside = page.getByTestId("notice-finding").and(page.locator('[data-rule="notice.storage-outside-declared"]'));
  await expect(outside).toHaveCount(1);
  await expect(outside).toContainText("We store the videos of your cameras in Germany.");

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
