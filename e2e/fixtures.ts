import { test as base } from "@playwright/test";
import { Api, demoUser, type Role } from "./api";
import { SignInPage } from "./pages/sign-in-page";
import { startE2EServer, type E2EServer } from "./server";

export { Api, demoUser, isoDateInDays, uniqueName, type Role } from "./api";

type TestFixtures = {
  /** Signs the page in as the demo user of `role` through the sign-in form. */
  signInAs: (role: Role) => Promise<void>;
  /** The REST API as the demo DPO, for the records a test creates before it changes or deletes them. */
  api: Api;
};

type WorkerFixtures = {
  /** This worker's own server and PGlite folder: its tests never see another worker's writes. */
  e2eServer: E2EServer;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  e2eServer: [
    async ({}, use, workerInfo) => {
      const server = await startE2EServer(`worker-${workerInfo.parallelIndex}`);
      await use(server);
      await server.stop();
    },
    // Started once per worker, before its first test: a cold start migrates and seeds the demo data.
    { scope: "worker", auto: true, timeout: 240_000 },
  ],
  baseURL: async ({ e2eServer }, use) => {
    await use(e2eServer.url);
  },
  signInAs: async ({ page }, use) => {
    await use(async (role) => {
      const user = demoUser(role);
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn(user.email, user.password);
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    });
  },
  api: async ({ playwright, baseURL }, use) => {
    const api = await Api.signIn(playwright.request, baseURL!, "dpo");
    await use(api);
    await api.dispose();
  },
});

export { expect } from "@playwright/test";
