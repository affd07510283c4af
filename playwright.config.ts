import { defineConfig, devices } from "@playwright/test";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  // Each worker starts its own server with its own PGlite folder (e2e/fixtures.ts, `e2eServer`), and every
  // spec creates the records it changes: tests run in any order, on any worker. Two fit a 2-core machine.
  workers: Number(process.env.E2E_WORKERS || 2),
  fullyParallel: true,
  // Checks that the production build exists and makes the run's temporary folder for the data folders.
  globalSetup: "./e2e/global-setup.ts",
  retries: 0,
  timeout: 60_000,
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: "playwright-report" }],
    // Read by scripts/test-summary.mjs for the closing "N passed, N failed" line of npm test.
    ["json", { outputFile: "reports/playwright.json" }],
  ],
  use: {
    // baseURL is the worker's own server: set by the `baseURL` fixture in e2e/fixtures.ts.
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on these machines.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
