// Environment defaults shared by `npm start` and the end-to-end tests, so that both run the app the same way.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * next-auth needs a secret. On the embedded database we keep a generated one beside the data folder,
 * so that sessions survive a restart with zero set-up. On PostgreSQL several instances must share one
 * secret, so it has to be configured.
 */
export function withRuntimeDefaults(env = process.env) {
  const result = { ...env };
  result.PORT ||= "3000";
  result.HOST ||= listenHost(result);
  result.NEXTAUTH_URL ||= `http://localhost:${result.PORT}`;
  result.NODE_OPTIONS = withHeapLimit(result.NODE_OPTIONS);
  if (!result.NEXTAUTH_SECRET) {
    if (result.DATABASE_URL) {
      throw new Error(
        "NEXTAUTH_SECRET is not set. With DATABASE_URL (PostgreSQL), set the same random NEXTAUTH_SECRET on every instance, e.g. `openssl rand -base64 32`.",
      );
    }
    const dataDir = path.resolve(result.PGLITE_DIR || "./data/pglite");
    const secretFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.nextauth-secret`);
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    if (!fs.existsSync(secretFile)) {
      fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
    }
    result.NEXTAUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
  }
  return result;
}

/**
 * V8 sizes its heap from the machine's memory (a 4 GB limit here) and lets it grow to about four times what is
 * live before collecting hard, so bursts of requests or imports showed as hundreds of MB of RSS. A 1 GB old space
 * keeps growth near 1.6 times the live heap (scripts/import-attack.ts: PGlite peak 803 → 474 MB, README
 * "Benchmark"); the largest export streams within it. An operator's own --max-old-space-size wins.
 */
export function withHeapLimit(nodeOptions = "") {
  if (/--max-old-space-size(=|\s)/.test(nodeOptions)) return nodeOptions;
  return `${nodeOptions} --max-old-space-size=1024`.trim();
}

/**
 * Whether the app runs in demo mode: DEMO=1/0, else on with the embedded database and off with PostgreSQL.
 * The same rule as isDemoMode in lib/env.ts, which the app itself reads; this file runs under plain Node before
 * any TypeScript, so it has its own copy (tests/runtime-env.test.ts checks that the two agree).
 */
export function isDemoMode(env = process.env) {
  const value = env.DEMO;
  if (value === undefined || value === "") return !env.DATABASE_URL;
  return !["0", "false", "no", "off"].includes(value.toLowerCase());
}

/** Next.js's own default for `next start -H`: every IPv4 interface. */
export const ALL_INTERFACES = "0.0.0.0";

/**
 * The address the server listens on: HOST when it is set; in demo mode, loopback only, because the demo accounts'
 * passwords are published (README) and anyone who could reach the port could sign in as the DPO; otherwise every
 * interface, as Next.js does.
 */
export function listenHost(env = process.env) {
  if (env.HOST) return env.HOST;
  return isDemoMode(env) ? "127.0.0.1" : ALL_INTERFACES;
}

/** The arguments of `next start` for an environment completed by withRuntimeDefaults. */
export function nextStartArgs(env) {
  return ["start", "-p", env.PORT, "-H", env.HOST];
}

/**
 * The start line: the address to open (NEXTAUTH_URL, the one sign-in redirects to), the interfaces the server
 * listens on (and why, in demo mode), the database.
 */
export function startLine(env) {
  const host = env.HOST;
  const everywhere = host === ALL_INTERFACES || host === "::";
  let listening = everywhere ? `listening on every interface (${host})` : `listening on ${host} only`;
  if (!everywhere && isDemoMode(env)) listening += " (demo mode: set HOST=0.0.0.0 to accept other machines)";
  const database = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${env.PGLITE_DIR || "./data/pglite"}`;
  return `[start] ${env.NEXTAUTH_URL} · ${listening} · database: ${database}`;
}
