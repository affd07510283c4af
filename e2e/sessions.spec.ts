import crypto from "node:crypto";
import type { APIRequest, APIRequestContext, Cookie } from "@playwright/test";
import { demoUser, expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in-page";
import { UsersPage } from "./pages/users-page";

/*
 * Issue 14: sessions that end (item 6) and the demo's honesty (item 7). A session is a signed cookie; the user
 * row's session version refuses every cookie issued before a sign-out, a password change or a role change
 * (lib/auth/sessions.ts), so a copy of the cookie taken before is worth nothing afterwards. The DPO's new
 * accounts get a password that is not a common one (lib/auth/password.ts).
 *
 * Signing out ends the user's sessions in every browser: the sign-out journey uses the engineer, whom no other
 * test of this worker is signed in as at the same time (a worker runs one test at a time).
 */

/** The next-auth session cookie(s) of a browser context (a large token is split into numbered chunks). */
function sessionCookies(cookies: readonly Cookie[]): Cookie[] {
  return cookies.filter((cookie) => cookie.name.includes("next-auth.session-token"));
}

/** A request context carrying only `cookies`: what someone who copied them could send. */
async function withCookies(requests: APIRequest, baseURL: string, cookies: readonly Cookie[]): Promise<APIRequestContext> {
  return requests.newContext({ baseURL, storageState: { cookies: [...cookies], origins: [] } });
}

/** GET /api/v1/me with `cookies` alone, in a context of its own (no reused socket, no other cookie). */
async function meWith(requests: APIRequest, baseURL: string, cookies: readonly Cookie[]) {
  const request = await withCookies(requests, baseURL, cookies);
  try {
    const response = await request.get("/api/v1/me");
    return { status: response.status(), contentType: response.headers()["content-type"] ?? "", body: (await response.json()) as Record<string, unknown> };
  } finally {
    await request.dispose();
  }
}

test("signing out in the browser ends the session: a copy of the old cookie is refused by the API and sent to sign-in by the pages", async ({
  page,
  signInAs,
  browser,
  playwright,
  baseURL,
}) => {
  await signInAs("engineer");
  const copied = sessionCookies(await page.context().cookies());
  expect(copied.length, "the session cookie").toBeGreaterThan(0);
  expect(copied.every((cookie) => cookie.httpOnly)).toBe(true);

  // Before the sign-out the copy works: the refusal below is the sign-out's doing, not a broken copy.
  const before = await meWith(playwright.request, baseURL!, copied);
  expect(before.status).toBe(200);
  expect(before.body).toMatchObject({ email: demoUser("engineer").email, role: "engineer", via: "session" });

  await new AppShell(page).signOut();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  const after = await meWith(playwright.request, baseURL!, copied);
  expect(after.status).toBe(401);
  expect(after.contentType).toContain("application/problem+json");
  expect(after.body).toMatchObject({ status: 401, code: "unauthenticated" });

  // A browser holding the copy is treated as signed out: a register sends it to the sign-in page.
  const thief = await browser.newContext({ baseURL, storageState: { cookies: copied, origins: [] } });
  try {
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/transfers");
    await thiefPage.waitForURL(/\/sign-in/);
    await expect(thiefPage.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expect(thiefPage.getByTestId("transfer-row")).toHaveCount(0);
  } finally {
    await thief.close();
  }

  // Signing in again opens a new session, which works.
  await signInAs("engineer");
  await expect(new AppShell(page).currentUser).toContainText(demoUser("engineer").name);
  const fresh = sessionCookies(await page.context().cookies());
  expect((await meWith(playwright.request, baseURL!, fresh)).status).toBe(200);
});

test("the demo server's sign-in page says it is a demo, with its public accounts, before anyone signs in", async ({ page }) => {
  await new SignInPage(page).goto();
  const notice = page.getByRole("note").filter({ has: page.getByRole("heading", { name: "This is a demo" }) });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Do not enter real personal data here");
  const accounts = page.getByRole("region", { name: "Demo accounts" });
  for (const role of ["dpo", "engineer", "auditor"] as const) await expect(accounts).toContainText(demoUser(role).email);
});

test("the DPO cannot give a new account a common password; the account made with a strong one loses its session when its role changes", async ({
  page,
  signInAs,
  browser,
  baseURL,
  playwright,
}) => {
  const email = `e2e-session-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const name = "Sam Session";
  await signInAs("dpo");
  const users = new UsersPage(page);
  await users.goto();

  // Twelve characters, but on the list of the most used passwords (a keyboard walk): refused next to the field, nothing created.
  await users.createUser({ email, name, role: "engineer", password: "1q2w3e4r5t6y" });
  await expect(users.passwordError).toHaveText("The password is one of the most commonly used passwords: choose another.");
  await expect(users.createForm.getByLabel("Initial password")).toHaveAttribute("aria-invalid", "true");
  await expect(users.created).toHaveCount(0);
  await users.goto(email);
  await expect(users.row(email)).toHaveCount(0);

  // Random characters: accepted.
  const password = `${crypto.randomBytes(12).toString("base64url")}-Kq7`;
  await users.goto();
  await users.createUser({ email, name, role: "engineer", password });
  await expect(users.created).toHaveText(`Created ${name} <${email}> as Engineer.`);
  await expect(users.passwordError).toHaveCount(0);

  // The new engineer signs in in a browser of their own.
  const theirs = await browser.newContext({ baseURL });
  try {
    const theirPage = await theirs.newPage();
    await new SignInPage(theirPage).goto();
    await new SignInPage(theirPage).signIn(email, password);
    await theirPage.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await expect(new AppShell(theirPage).currentUser).toContainText(name);
    const engineerCookies = sessionCookies(await theirs.cookies());
    expect((await meWith(playwright.request, baseURL!, engineerCookies)).body).toMatchObject({ email, role: "engineer" });

    // The DPO makes them an auditor: the session issued as an engineer ends at once.
    await users.goto(email);
    await users.changeRole(email, "auditor");
    await expect(users.row(email).getByTestId("user-role")).toHaveText("Auditor");
    expect((await meWith(playwright.request, baseURL!, engineerCookies)).status).toBe(401);
    await theirPage.reload();
    await theirPage.waitForURL(/\/sign-in/);

    // Signing in again gives a session with the new role.
    await new SignInPage(theirPage).signIn(email, password);
    await theirPage.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    expect((await meWith(playwright.request, baseURL!, sessionCookies(await theirs.cookies()))).body).toMatchObject({ email, role: "auditor" });
  } finally {
    await theirs.close();
  }
});
