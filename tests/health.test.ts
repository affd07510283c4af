import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { latestMigrationTag } from "@/db/migrate";
import { authConfigurationProblems } from "@/lib/auth/configuration-check";
import { createTestDatabase } from "./databases";

const global = globalThis as unknown as { __governanceDb?: DatabaseHandle };
const opened: DatabaseHandle[] = [];

afterAll(async () => {
  global.__governanceDb = undefined;
  for (const handle of opened) await handle.close().catch(() => undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function health() {
  const { GET } = await import("../app/api/health/route");
  return GET(new Request("http://localhost:3000/api/health"), { params: Promise.resolve({}) });
}

/** A configuration as the README asks for it: a random secret of 44 characters, the public URL. */
const SOUND = {
  NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
  NEXTAUTH_URL: "https://privacy.example.com",
};

function stubEnv(values: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
}

describe("GET /api/health", () => {
  it("reports the driver and the latest migration", async () => {
    global.__governanceDb = await createTestDatabase("pglite");
    opened.push(global.__governanceDb);
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "pglite", migration: latestMigrationTag() });
  });

  it("answers 503 with a reason when the database is unreachable", async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    global.__governanceDb = openDatabase({ driver: "postgres", url: "postgres://postgres@127.0.0.1:1/none" });
    opened.push(global.__governanceDb);
    const response = await health();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe("unavailable");
    expect(body.reason).toMatch(/database unreachable/);
  });
});

describe("GET /api/health with a broken authentication configuration", () => {
  beforeAll(async () => {
    global.__governanceDb = await createTestDatabase("pglite");
    opened.push(global.__governanceDb);
  });

  async function unavailable(): Promise<string> {
    const response = await health();
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body.status).toBe("unavailable");
    expect(body.reason).toMatch(/^authentication misconfigured: /);
    return body.reason;
  }

  it("is ok with a sound production configuration, SSO and an audit key included", async () => {
    stubEnv({ ...SOUND, NODE_ENV: "production", AUDIT_KEY: crypto.randomBytes(32).toString("hex"), OIDC_ISSUER: "https://login.example.com/realms/acme", OIDC_CLIENT_ID: "governance", OIDC_CLIENT_SECRET: "s3cret-client" });
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("is 503 without NEXTAUTH_SECRET in production (next-auth cannot sign a session), ok without it in development", async () => {
    stubEnv({ ...SOUND, NEXTAUTH_SECRET: undefined, NODE_ENV: "production" });
    expect(await unavailable()).toContain("NEXTAUTH_SECRET is not set");
    vi.stubEnv("NODE_ENV", "development");
    expect((await health()).status).toBe(200);
  });

  it("is 503 with a short NEXTAUTH_SECRET, and never shows the secret", async () => {
    stubEnv({ ...SOUND, NEXTAUTH_SECRET: "changeme-Zq7" });
    const reason = await unavailable();
    expect(reason).toContain("NEXTAUTH_SECRET is shorter than 32 characters");
    expect(reason).not.toContain("changeme-Zq7");
  });

  it("is 503 with a NEXTAUTH_URL that is not an http(s) URL", async () => {
    for (const url of ["localhost:3000", "privacy.example.com", "ftp://privacy.example.com", "http://"]) {
      stubEnv({ ...SOUND, NEXTAUTH_URL: url });
      expect(await unavailable()).toContain("NEXTAUTH_URL is not an absolute http(s) URL");
    }
  });

  it("is 503 with an AUDIT_KEY that is set but short, ok when it is left unset", async () => {
    stubEnv({ ...SOUND, AUDIT_KEY: "tiny-audit-key" });
    const reason = await unavailable();
    expect(reason).toContain("AUDIT_KEY is shorter than 32 characters");
    expect(reason).not.toContain("tiny-audit-key");
    vi.stubEnv("AUDIT_KEY", undefined);
    expect((await health()).status).toBe(200);
  });

  it("is 503 with SSO half configured, naming what is missing and not the client secret", async () => {
    stubEnv({ ...SOUND, OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_SECRET: "client-secret-value" });
    const reason = await unavailable();
    expect(reason).toContain("SSO is half configured: OIDC_CLIENT_ID is not set");
    expect(reason).not.toContain("client-secret-value");
  });

  it("lists every problem at once", () => {
    expect(
      authConfigurationProblems({ NODE_ENV: "production", NEXTAUTH_URL: "nope", AUDIT_KEY: "short", OIDC_ISSUER: "login.example.com" }),
    ).toEqual([
      "NEXTAUTH_SECRET is not set: sessions cannot be signed",
      "NEXTAUTH_URL is not an absolute http(s) URL",
      "AUDIT_KEY is shorter than 32 characters",
      "SSO is half configured: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not set",
      "OIDC_ISSUER is not an absolute http(s) URL",
    ]);
    expect(authConfigurationProblems({ NODE_ENV: "test" })).toEqual([]);
  });
});
