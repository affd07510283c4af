// Server response times of the dashboard and of one register page, against the production server, each
// beside its floor: GET /api/health on the same server (routing, middleware, one trivial query), timed in
// the same rounds, so that a page's figure reads as a multiple of what any request costs there.
// Called by scripts/bench.ts after it has built the synthetic register; runnable alone too:
//   BENCH_SCALE=0.1 BENCH_DB=pglite|postgres tsx --conditions=react-server scripts/bench-web.ts
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedReferenceData } from "@/lib/seed/reference";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { todayIso } from "@/lib/clock";
import { createUser } from "@/lib/users/service";
import { BENCH_ACTOR, buildSyntheticRegister, FULL_SIZE } from "./bench-register";

export const BUILD_DIR = process.env.BENCH_DIST_DIR || ".next-bench";
const REQUESTS = 50;
const WARM_UP = 5;
const BENCH_EMAIL = "bench-dpo@bench.example";
const BENCH_PASSWORD = crypto.randomBytes(12).toString("base64url");

export interface WebTiming {
  path: string;
  p50: number;
  p95: number;
  /** The first request after the server started: nothing cached yet (e.g. the dashboard's aggregates). */
  first: number;
}

export interface BenchWebInput {
  /** The database holding the register; a PGlite handle is closed here, the server needs the folder. */
  handle: DatabaseHandle;
  /** How the server reaches the same database: { DATABASE_URL } or { PGLITE_DIR }. */
  databaseEnv: { DATABASE_URL: string } | { PGLITE_DIR: string };
  port?: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function ensureProductionBuild(): void {
  if (fs.existsSync(path.join(BUILD_DIR, "BUILD_ID"))) return;
  console.log(`building the production server into ${BUILD_DIR} (once)…`);
  // tsconfig.bench.json extends tsconfig.json: Next leaves it as it is (it adds a build folder's types only
  // to a tsconfig that extends nothing), so building into .next-bench modifies no file of the repository.
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: BUILD_DIR, NEXT_TSCONFIG_PATH: "tsconfig.bench.json" },
  });
  if (result.status !== 0) throw new Error(`next build failed with status ${result.status}`);
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with status ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become healthy within 120 s");
}

/** next-auth's credentials flow: the CSRF token and its cookie, then the callback; returns the Cookie header. */
async function signIn(base: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const separator = pair!.indexOf("=");
      jar.set(pair!.slice(0, separator), pair!.slice(separator + 1));
    }
  };
  keep(csrfResponse);
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email: BENCH_EMAIL, password: BENCH_PASSWORD, json: "true" }),
  });
  keep(callback);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`sign-in failed (HTTP ${callback.status}): no session cookie`);
  }
  return cookieHeader();
}

async function timeGet(base: string, cookie: string, pagePath: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${base}${pagePath}`, { headers: { cookie, "accept-language": "en-US" }, redirect: "manual" });
  // The body is read: a streamed server component is only done when the last chunk arrives.
  await response.text();
  if (response.status !== 200) throw new Error(`GET ${pagePath}: HTTP ${response.status}`);
  return performance.now() - start;
}

/**
 * Each path's first request (nothing cached yet) and a warm-up, then REQUESTS rounds of one request per
 * path in turn: the floor and the pages meet the same load of the shared machine.
 */
async function timeRequests(base: string, cookie: string, paths: readonly string[]): Promise<WebTiming[]> {
  const firsts = new Map<string, number>();
  for (const pagePath of paths) {
    firsts.set(pagePath, await timeGet(base, cookie, pagePath));
    for (let i = 1; i < WARM_UP; i++) await timeGet(base, cookie, pagePath);
  }
  const durations = new Map<string, number[]>(paths.map((pagePath) => [pagePath, []]));
  for (let i = 0; i < REQUESTS; i++) {
    for (const pagePath of paths) durations.get(pagePath)!.push(await timeGet(base, cookie, pagePath));
  }
  return paths.map((pagePath) => {
    const values = durations.get(pagePath)!;
    return { path: pagePath, p50: percentile(values, 50), p95: percentile(values, 95), first: firsts.get(pagePath)! };
  });
}

export const HEALTH_PATH = "/api/health";
export const PAGE_TARGETS: Readonly<Record<string, number>> = { "/": 300, "/transfers?page=2": 200 };

/**
 * Creates a DPO, serves the production build on the given database, signs in and times 50 sequential
 * rounds of GETs of the health route (the floor), the dashboard and page 2 of the transfer register (after
 * a warm-up). Prints and returns p50/p95, the health route's first.
 */
export async function benchWebPages({ handle, databaseEnv, port = 3190 }: BenchWebInput): Promise<WebTiming[]> {
  await createUser({
    ctx: { db: handle.db, actor: BENCH_ACTOR, today: todayIso() },
    input: { email: BENCH_EMAIL, name: "Bench DPO", role: "dpo", password: BENCH_PASSWORD },
  });
  // A PGlite data folder is single-process (db/folder-lock.ts): the server opens it after we let go.
  if (handle.driver === "pglite") await handle.close();
  ensureProductionBuild();
  const base = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...databaseEnv,
    NEXT_DIST_DIR: BUILD_DIR,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
    DEMO: "0",
    NODE_ENV: "production",
  };
  if (!("DATABASE_URL" in databaseEnv)) delete env.DATABASE_URL;
  // A server left on the port (an interrupted run) would answer the health check and the requests instead.
  const occupied = await fetch(`${base}/api/health`).then(
    () => true,
    () => false,
  );
  if (occupied) throw new Error(`port ${port} is already in use: stop the process listening there and run the bench again`);
  const server = spawn("npx", ["next", "start", "-p", String(port)], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  try {
    await waitForHealth(base, server);
    const cookie = await signIn(base);
    const timings = await timeRequests(base, cookie, [HEALTH_PATH, ...Object.keys(PAGE_TARGETS)]);
    for (const timing of timings) {
      const target = PAGE_TARGETS[timing.path];
      console.log(
        `GET ${timing.path} (production server, ${REQUESTS} requests): p50 ${timing.p50.toFixed(0)} ms, p95 ${timing.p95.toFixed(0)} ms` +
          `${target ? `  [target p95 ≤ ${target} ms]` : "  (floor)"}; first request after start ${timing.first.toFixed(0)} ms`,
      );
    }
    return timings;
  } finally {
    // npx starts next in a process group of its own: end the whole group, not just npx.
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

/** Standalone run: builds a register (BENCH_SCALE of the full size) in a fresh database, then benches it. */
async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const size = {
    processors: Math.round(FULL_SIZE.processors * scale),
    transfers: Math.round(FULL_SIZE.transfers * scale),
    agreements: Math.round(FULL_SIZE.agreements * scale),
  };
  const prepare = async (handle: DatabaseHandle) => {
    await runMigrations(handle);
    await seedReferenceData(handle.db);
    await buildSyntheticRegister(handle.db, size);
    await runFullEvaluation({ db: handle.db, today: new Date().toISOString().slice(0, 10) });
    // As autovacuum would after the flags are written (see scripts/bench.ts).
    await handle.db.execute(sql`analyze`);
  };
  console.log(`web bench, scale ${scale}: ${size.processors} processors, ${size.transfers} transfers`);
  if (process.env.BENCH_DB === "postgres") {
    const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `governance_webbench_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 });
    try {
      await prepare(handle);
      await benchWebPages({ handle, databaseEnv: { DATABASE_URL: url.toString() } });
    } finally {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    return;
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-webbench-"));
  const dataDir = path.join(root, "pglite");
  try {
    const handle = openDatabase({ driver: "pglite", dataDir });
    await prepare(handle);
    await benchWebPages({ handle, databaseEnv: { PGLITE_DIR: dataDir } });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("bench-web.ts")) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
