import { test as base } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/demo-users";
import { SignInPage } from "./pages/sign-in-page";

type Role = (typeof DEMO_USERS)[number]["role"];

export const demoUser = (role: Role) => {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
};

export const test = base.extend<{ signInAs: (role: Role) => Promise<void> }>({
  signInAs: async ({ page }, use) => {
    await use(async (role) => {
      const user = demoUser(role);
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn(user.email, user.password);
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    });
  },
});

export { expect } from "@playwright/test";
