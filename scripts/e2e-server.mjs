// The app as the end-to-end tests see it: the production build, a fresh embedded database, demo mode.
//
// Each Playwright worker starts its own (e2e/server.ts): its own port (E2E_PORT) and its own data folder
// (E2E_DATA_ROOT), so that workers run side by side without seeing each other's writes. By hand:
//   NEXT_DIST_DIR=.next-e2e npx next build && node scripts/e2e-server.mjs   # http://localhost:3100
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { withRuntimeDefaults } from "./runtime-env.mjs";

const port = process.env.E2E_PORT || "3100";
const dataRoot = process.env.E2E_DATA_ROOT || fs.mkdtempSync(path.join(os.tmpdir(), "governance-e2e-"));
fs.mkdirSync(dataRoot, { recursive: true });
const base = { ...process.env };
delete base.DATABASE_URL;
const env = withRuntimeDefaults({
  ...base,
  PORT: port,
  PGLITE_DIR: path.join(dataRoot, "pglite"),
  DEMO: "1",
  NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-e2e",
  // The sign-in rate-limit journey waits out the window: five seconds instead of a minute.
  LOGIN_WINDOW_SECONDS: "5",
  NEXTAUTH_URL: `http://localhost:${port}`,
});
console.log(`[e2e] port ${port}, data folder ${env.PGLITE_DIR}`);
// `next start` itself rather than through npx: the SIGTERM forwarded below must reach the server.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit", env });
const stop = () => {
  child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => {
  fs.rmSync(dataRoot, { recursive: true, force: true });
  process.exit(code ?? 0);
});
