import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { RegisterPage } from "./pages/register-page";
import { SignInPage } from "./pages/sign-in-page";

test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/processors");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Transfer governance" })).toBeVisible();
});

test("a wrong password is refused with a message", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("dpo@gncc-demo.example", "not-the-password");
  await signIn.expectError();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the demo DPO signs in and pages through the processors", async ({ page, signInAs }, testInfo) => {
  await signInAs("dpo");
  const shell = new AppShell(page);
  await expect(shell.currentUser).toContainText("DPO");

  await shell.navLink("Processors").click();
  await expect(page.getByRole("heading", { name: "Processors" })).toBeVisible();
  const processors = RegisterPage.processors(page);
  const rows = processors.rows;
  await expect(rows.first()).toBeVisible();
  const firstPageNames = await rows.locator("td:first-child .font-medium").allTextContents();
  expect(firstPageNames.length).toBeGreaterThan(0);

  // A small page size makes the demo register span several pages: the pager is server-side.
  await processors.goto("pageSize=5");
  await expect(processors.paginationSummary).toContainText("1–5 of");
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(processors.paginationSummary).toContainText("6–");
  await page.screenshot({ path: testInfo.outputPath("processors.png"), fullPage: true });

  // Search narrows the list on the server.
  await processors.goto("q=google");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(/Google/i);
});

test("the health endpoint reports the embedded database and its migration", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: "pglite" });
  expect(body.migration).toMatch(/^\d{4}_/);
});
