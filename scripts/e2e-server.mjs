// The app as the end-to-end tests see it: the production build, a fresh embedded database, demo mode.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { withRuntimeDefaults } from "./runtime-env.mjs";

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "governance-e2e-"));
const base = { ...process.env };
delete base.DATABASE_URL;
const env = withRuntimeDefaults({
  ...base,
  PORT: process.env.E2E_PORT || "3100",
  PGLITE_DIR: path.join(dataRoot, "pglite"),
  DEMO: "1",
  NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-e2e",
  // The sign-in rate-limit journey waits out the window: five seconds instead of a minute.
  LOGIN_WINDOW_SECONDS: "5",
  NEXTAUTH_URL: `http://localhost:${process.env.E2E_PORT || "3100"}`,
});
console.log(`[e2e] data folder ${env.PGLITE_DIR}`);
const child = spawn("npx", ["next", "start", "-p", env.PORT], { stdio: "inherit", env });
const stop = () => {
  child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => {
  fs.rmSync(dataRoot, { recursive: true, force: true });
  process.exit(code ?? 0);
});
