import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";

/** Who may do what: each role sees its own menu, and a page outside its role answers with the forbidden page. */

const mainNav = (page: Page) => new AppShell(page).nav;

async function expectForbidden(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { level: 1, name: "Not available for your role" })).toBeVisible();
}

test("the auditor reads the flags and the audit trail, but cannot accept a risk or manage users", async ({ page, signInAs }) => {
  await signInAs("auditor");
  await expect(page.getByTestId("current-user")).toContainText("AUDITOR");

  await page.goto("/flags");
  await expect(page.getByTestId("flag-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept risk" })).toHaveCount(0);

  await expect(mainNav(page).getByRole("link", { name: "Audit trail" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "API tokens" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
  await expectForbidden(page, "/users");
});

test("the engineer has no Users or Audit trail menu item, and both pages are forbidden", async ({ page, signInAs }) => {
  await signInAs("engineer");
  await expect(page.getByTestId("current-user")).toContainText("ENGINEER");
  await expect(mainNav(page).getByRole("link", { name: "Flags", exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "My flags" })).toHaveAttribute("href", "/flags?assignee=me");
  await expect(mainNav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(mainNav(page).getByRole("link", { name: "Audit trail" })).toHaveCount(0);
  await expectForbidden(page, "/users");
  await expectForbidden(page, "/audit");
});

test("the DPO manages an account, and the audit trail records it with an intact chain", async ({ page, signInAs }) => {
  await signInAs("dpo");
  await mainNav(page).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  // The demo accounts are listed and marked as such.
  const demoRow = page.getByTestId("user-row").filter({ hasText: "auditor@gncc-demo.example" });
  await expect(demoRow).toContainText("demo");

  // A password under 12 characters is refused next to its field.
  const email = `e2e-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const form = page.getByRole("form", { name: "Create a user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Robin E2E");
  await form.getByLabel("Role").selectOption("engineer");
  await form.getByLabel("Initial password").fill("too-short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByTestId("create-user-password-error")).toContainText("at least 12 characters");

  await form.getByLabel("Initial password").fill("a-long-enough-password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByTestId("create-user-success")).toContainText(email);

  // Promote to auditor, then disable.
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  const row = page.getByTestId("user-row").filter({ hasText: email });
  await expect(row.getByTestId("user-role")).toHaveText("Engineer");
  await row.getByLabel(`Role of ${email}`).selectOption("auditor");
  await row.getByRole("button", { name: /^Save role/ }).click();
  await expect(row.getByTestId("user-role")).toHaveText("Auditor");
  await row.getByRole("button", { name: /^Disable/ }).click();
  await row.getByRole("button", { name: /^Confirm disable/ }).click();
  await expect(row.getByTestId("user-status")).toHaveText("disabled");
  await expect(row.getByRole("button", { name: /^Enable/ })).toBeVisible();

  // The DPO's own row has no control that could lock them out.
  await page.goto("/users?q=dpo%40gncc-demo.example");
  const own = page.getByTestId("user-row").filter({ hasText: "dpo@gncc-demo.example" });
  await expect(own).toContainText("This is you");
  await expect(own.getByRole("button", { name: /^Disable/ })).toHaveCount(0);

  // The audit trail: the chain verifies, and the account's changes are there with what changed.
  await mainNav(page).getByRole("link", { name: "Audit trail" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByTestId("chain-status")).toContainText("Intact");
  await page.getByLabel("Record type").selectOption("user");
  await page.getByLabel("Action").selectOption("change_role");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/recordType=user/);
  const event = page.getByTestId("audit-row").first();
  await expect(event).toHaveAttribute("data-action", "change_role");
  await event.getByText("Show changes").click();
  const diff = event.getByTestId("audit-diff");
  // Values by their labels (components/audit/labels.ts: a user's role is a userRole), not their codes.
  await expect(diff.getByTestId("audit-diff-row").filter({ hasText: "Role" })).toContainText("Engineer");
  await expect(diff.getByTestId("audit-diff-row").filter({ hasText: "Role" })).toContainText("Auditor");
  // Only changed keys: the email did not change.
  await expect(diff.getByTestId("audit-diff-row").filter({ hasText: "Email" })).toHaveCount(0);
});

for (const role of ["dpo", "engineer", "auditor"] as const) {
  test(`the ${role} creates an API token, sees it once, uses it, and revokes it`, async ({ page, signInAs, request }) => {
    await signInAs(role);
    await mainNav(page).getByRole("link", { name: "API tokens" }).click();
    await expect(page).toHaveURL(/\/settings\/tokens$/);
    await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

    const name = `e2e ${role} ${crypto.randomBytes(3).toString("hex")}`;
    await page.getByLabel("Token name").fill(name);
    await page.getByLabel("Expires in (days)").fill("7");
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = page.getByLabel("Your new API token");
    await expect(secret).toHaveValue(/^tgv_/);
    await expect(page.getByTestId("new-token")).toContainText("shown only once");
    const token = await secret.inputValue();
    const row = page.getByTestId("token-row").filter({ hasText: name });
    await expect(row.getByTestId("token-status")).toHaveText("active");
    await expect(row).toContainText(token.slice(0, 10));

    // Shown once: after a reload only the prefix remains.
    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    await expect(row).toBeVisible();
    await expect(row).not.toContainText(token);

    const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ role, via: "token" });

    await row.getByRole("button", { name: /^Revoke/ }).click();
    await row.getByRole("button", { name: /^Confirm revoke/ }).click();
    await expect(row.getByTestId("token-status")).toContainText("revoked");

    const after = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ code: "unauthenticated" });
  });
}
