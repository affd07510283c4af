import type { Page, Response } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { DashboardPage } from "./pages/dashboard-page";
import { FlagsRegisterPage, RegisterPage } from "./pages/register-page";

/*
 * Issue 14, item 7: the pages' Content-Security-Policy allows no inline script but the ones carrying the
 * response's nonce (lib/auth/csp.ts, proxy.ts). A page whose scripts the browser refused would still show its
 * server-rendered HTML, so each journey proves that the page came alive: a control that needs React (a
 * client-side navigation, the column chooser) works, and the window it started in is still the same one (a
 * refused script would leave links to do full page loads). Every page is also checked for the browser's CSP
 * reports: none in the console, no `securitypolicyviolation` event, no uncaught error.
 */

declare global {
  interface Window {
    /** Set by this spec before a click: still there afterwards only if the click did not reload the page. */
    __e2eSameDocument?: string;
    /** Every `securitypolicyviolation` the document saw (added by `watchCsp` before any page script runs). */
    __e2eCspViolations?: string[];
    /** Set by Next's client runtime when its bootstrap script runs. */
    next?: { version: string };
  }
}

interface CspWatch {
  /** Console messages and uncaught errors about the Content Security Policy, and violation events. */
  reports: string[];
  /** Uncaught errors of the page (a failed hydration ends up here in a production build). */
  pageErrors: string[];
}

/** Collects, from now on, everything `page` says about its Content Security Policy, and its uncaught errors. */
async function watchCsp(page: Page): Promise<CspWatch> {
  const watch: CspWatch = { reports: [], pageErrors: [] };
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) watch.reports.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => watch.pageErrors.push(error.message));
  await page.addInitScript(() => {
    window.__e2eCspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__e2eCspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return watch;
}

/** The page reported nothing about the policy and threw nothing, including the document it shows now. */
async function expectNoCspReport(page: Page, watch: CspWatch) {
  const violations = await page.evaluate(() => window.__e2eCspViolations ?? []);
  expect([...watch.reports, ...violations], "CSP reports").toEqual([]);
  expect(watch.pageErrors, "uncaught errors").toEqual([]);
}

/** The script-src directive of a policy. */
function scriptSource(policy: string): string {
  return (
    policy
      .split(";")
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith("script-src ")) ?? ""
  );
}

/**
 * The document response carries a policy whose script-src allows a nonce and never 'unsafe-inline'; the
 * page's own scripts carry that nonce. Returns the nonce.
 */
async function expectNoncePolicy(page: Page, response: Response | null): Promise<string> {
  expect(response, "the page's document response").not.toBeNull();
  const policy = response!.headers()["content-security-policy"] ?? "";
  const scripts = scriptSource(policy);
  expect(scripts, `script-src of ${response!.url()}`).toMatch(/'nonce-[A-Za-z0-9+/]+={0,2}'/);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  const nonce = /'nonce-([A-Za-z0-9+/]+={0,2})'/.exec(scripts)![1]!;
  // The browser hides a script's nonce attribute from the DOM once it has checked it; the property keeps it.
  const inlineNonces = await page.evaluate(() => Array.from(document.scripts, (script) => (script.src ? null : script.nonce)).filter((value) => value !== null));
  expect(inlineNonces.length, "inline scripts of Next's flight data and bootstrap").toBeGreaterThan(0);
  expect(new Set(inlineNonces)).toEqual(new Set([nonce]));
  return nonce;
}

/**
 * Runs `act` (a click that navigates) and checks that it navigated inside the same document: only a
 * hydrated page handles a link or a router call without a full page load.
 */
async function expectClientSideNavigation(page: Page, act: () => Promise<void>, to: RegExp) {
  await page.evaluate(() => {
    window.__e2eSameDocument = "before the click";
  });
  await act();
  await expect(page).toHaveURL(to);
  expect(await page.evaluate(() => window.__e2eSameDocument), "the click navigated without reloading the page").toBe("before the click");
}

test("the response policy has a fresh nonce on every page load and no 'unsafe-inline' for scripts", async ({ page, signInAs }) => {
  const watch = await watchCsp(page);
  await signInAs("dpo");
  const first = await expectNoncePolicy(page, await page.goto("/"));
  const second = await expectNoncePolicy(page, await page.goto("/"));
  expect(second).not.toBe(first);
  // The sign-in page is public, and has its policy too.
  await page.context().clearCookies();
  const signIn = await page.goto("/sign-in");
  await expectNoncePolicy(page, signIn);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectNoCspReport(page, watch);
});

test("the dashboard hydrates under the nonce policy: its navigation moves to the transfers without a page load", async ({ page, signInAs }) => {
  const watch = await watchCsp(page);
  await signInAs("dpo");
  const dashboard = new DashboardPage(page);
  await expectNoncePolicy(page, await page.goto("/"));
  await expect(dashboard.heading).toBeVisible();
  await expect(dashboard.openFlagsCard("critical")).toBeVisible();
  await expectClientSideNavigation(page, () => new AppShell(page).navLink("Transfers").click(), /\/transfers$/);
  await expect(RegisterPage.transfers(page).heading).toBeVisible();
  await expect(RegisterPage.transfers(page).rows.first()).toBeVisible();
  await expectNoCspReport(page, watch);
});

test("the transfer register hydrates under the nonce policy: the column chooser hides a column", async ({ page, signInAs }) => {
  const watch = await watchCsp(page);
  await signInAs("dpo");
  const register = RegisterPage.transfers(page);
  await expectNoncePolicy(page, await page.goto("/transfers"));
  await expect(register.rows.first()).toBeVisible();
  await expect(register.columnHeader(/Exporter/)).toBeVisible();
  // The chooser's checkboxes are React's alone (no form behind them): they act only on a hydrated page.
  await expectClientSideNavigation(page, () => register.chooseColumn("Exporter", false), /[?&]cols=/);
  await expect(register.columnHeader(/Exporter/)).toHaveCount(0);
  await expect(register.rows.first()).toBeVisible();
  await expectNoCspReport(page, watch);
});

test("the processor register hydrates under the nonce policy: a column header sorts it in place", async ({ page, signInAs }) => {
  const watch = await watchCsp(page);
  await signInAs("dpo");
  const register = RegisterPage.processors(page);
  await expectNoncePolicy(page, await page.goto("/processors"));
  await expect(register.rows.first()).toBeVisible();
  await expectClientSideNavigation(page, () => register.sortBy(/^Country/), /sort=country&direction=asc/);
  await expect(register.columnHeader(/^Country/)).toHaveAttribute("aria-sort", "ascending");
  await expect(register.rows.first()).toBeVisible();
  await expectNoCspReport(page, watch);
});

test("the flag register hydrates under the nonce policy: its status tabs switch in place", async ({ page, signInAs }) => {
  const watch = await watchCsp(page);
  await signInAs("dpo");
  const flags = new FlagsRegisterPage(page);
  await expectNoncePolicy(page, await page.goto("/flags"));
  await expect(flags.rows.first()).toBeVisible();
  await expectClientSideNavigation(page, () => flags.tab("Resolved (history)").click(), /status=resolved/);
  await expect(flags.tab("Resolved (history)")).toHaveAttribute("aria-current", "page");
  await expectNoCspReport(page, watch);
});

test("an engineer sent to /forbidden gets a page that hydrates under the nonce policy, and its link goes back in place", async ({ page, signInAs }) => {
  const watch = await watchCsp(page);
  await signInAs("engineer");
  await page.goto("/users");
  await page.waitForURL(/\/forbidden$/);
  // Loaded as a document of its own, so that its own response's policy is the one checked.
  await expectNoncePolicy(page, await page.goto("/forbidden"));
  await expect(page.getByRole("heading", { level: 1, name: "Not available for your role" })).toBeVisible();
  await expectClientSideNavigation(page, () => page.getByRole("link", { name: "Back to the dashboard" }).click(), /\/$/);
  await expect(new DashboardPage(page).heading).toBeVisible();
  await expectNoCspReport(page, watch);
});

test("the 404 page is rendered per request with the nonce, so its scripts run and its link navigates client-side", async ({ page, signInAs }) => {
  const watch = await watchCsp(page);
  await signInAs("dpo");
  const response = await page.goto("/no-such-page-e2e");
  expect(response?.status()).toBe(404);
  await expectNoncePolicy(page, response);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectClientSideNavigation(page, () => page.getByRole("link", { name: "Back to the dashboard" }).click(), /\/$/);
  await expect(new DashboardPage(page).heading).toBeVisible();
  await expectNoCspReport(page, watch);
});
