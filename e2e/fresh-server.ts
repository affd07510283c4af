import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { test as base } from "@playwright/test";

/*
 * A fresh installation without the demo, for the first-run journey: one more production server (the build in
 * .next-e2e, like the workers' servers of e2e/server.ts) with DEMO=0 and an empty PGlite folder of its own, whose
 * output is captured so that a test can read what an operator reads in the server log (the one-time set-up code).
 * Tests that use this fixture take `test` from here, not from ./fixtures: they need no demo server.
 */

const PROJECT_ROOT = path.resolve(__dirname, "..");
const START_TIMEOUT_MS = 180_000;

export interface FreshServer {
  url: string;
  /** Everything the server printed so far (stdout and stderr). */
  log(): string;
  /** Waits until the log has a match of `pattern` and answers its first group (or the whole match). */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startFreshServer(): Promise<FreshServer & { stop(): Promise<void> }> {
  const port = await freePort();
  const root = process.env.E2E_RUN_DIR || os.tmpdir();
  fs.mkdirSync(root, { recursive: true });
  const dataRoot = fs.mkdtempSync(path.join(root, "fresh-demo0-"));
  const logFile = path.join(dataRoot, "server.log");
  const out = fs.openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PGLITE_DIR: path.join(dataRoot, "pglite"),
    DEMO: "0",
    NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-e2e",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
    LOGIN_WINDOW_SECONDS: "5",
  };
  delete env.DATABASE_URL;
  // `next start` itself (as scripts/e2e-server.mjs does), in its own process group so that it can be stopped whole.
  const nextBin = createRequire(__filename).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { cwd: PROJECT_ROOT, env, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "");
  const url = `http://localhost:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, "SIGTERM");
      const killed = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    }
    fs.rmSync(dataRoot, { recursive: true, force: true });
  };

  const waitForLog = async (pattern: RegExp, timeoutMs = START_TIMEOUT_MS) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = pattern.exec(log());
      if (match) return match[1] ?? match[0];
      if (child.exitCode !== null || child.signalCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the fresh server's log has no ${pattern}:\n${log().slice(-4000)}`);
  };

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the fresh server exited before answering:\n${log().slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`the fresh server did not answer ${url}/api/health:\n${log().slice(-4000)}`);
      const healthy = await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, log, waitForLog, stop };
}

export const test = base.extend<{ freshServer: FreshServer }>({
  freshServer: [
    async ({}, use) => {
      const server = await startFreshServer();
      await use(server);
      await server.stop();
    },
    { timeout: 240_000 },
  ],
  baseURL: async ({ freshServer }, use) => {
    await use(freshServer.url);
  },
});

export { expect } from "@playwright/test";
