import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/*
 * One end-to-end server per Playwright worker: scripts/e2e-server.mjs (the production build in .next-e2e,
 * demo mode) on a free port, with its PGlite folder under this run's temporary folder. A worker's tests
 * share its database; no two workers share one.
 */

export interface E2EServer {
  url: string;
  dataRoot: string;
  stop(): Promise<void>;
}

const PROJECT_ROOT = path.resolve(__dirname, "..");
const START_TIMEOUT_MS = 180_000;

/** A port nothing listens on right now (the kernel's choice), for this worker's server. */
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

/** The folder every worker's data folder sits in: made by e2e/global-setup.ts, else the system's temp folder. */
function runRoot(): string {
  const root = process.env.E2E_RUN_DIR || path.join(os.tmpdir(), "governance-e2e-run");
  fs.mkdirSync(root, { recursive: true });
  return root;
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the end-to-end server exited (${child.exitCode ?? child.signalCode}) before answering:\n${log()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the end-to-end server did not answer ${url}/api/health within ${START_TIMEOUT_MS / 1000} s:\n${log()}`);
}

/** `env` adds to the server's environment (e.g. SMTP_URL pointing at a spec's own mail receiver). */
export async function startE2EServer(workerName: string, env: Record<string, string> = {}): Promise<E2EServer> {
  const port = await freePort();
  const dataRoot = fs.mkdtempSync(path.join(runRoot(), `${workerName}-`));
  const logFile = path.join(dataRoot, "server.log");
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "scripts/e2e-server.mjs")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, E2E_PORT: String(port), E2E_DATA_ROOT: dataRoot },
    stdio: ["ignore", out, out],
    // Its own process group: if it does not stop on SIGTERM, the group (script and `next start`) is killed.
    detached: true,
  });
  fs.closeSync(out);
  const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-4000) : "(no log)");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://localhost:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killed = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    }
    // The script removes its data folder when the server exits; a killed one leaves it to us.
    fs.rmSync(dataRoot, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataRoot, stop };
}
