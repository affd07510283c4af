import { encode } from "next-auth/jwt";
import { NextRequest, type NextFetchEvent } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import proxy, { config } from "@/proxy";

/*
 * Issue 14: the proxy gives every page, the public ones included, a Content-Security-Policy whose scripts need
 * a fresh nonce (no 'unsafe-inline'), hands the nonce to Next on the request (Next reads it from the request's
 * CSP header to put it on its script tags), and answers a write from another site (a server action) with 403.
 */

const SECRET = "proxy-test-secret-0123456789abcdef";
const EVENT = { waitUntil: () => undefined } as unknown as NextFetchEvent;

function page(path: string, init: { method?: string; headers?: Record<string, string> } = {}): NextRequest {
  return new NextRequest(new URL(path, "http://localhost:3000"), { method: init.method ?? "GET", headers: { host: "localhost:3000", ...init.headers } });
}

function scriptSources(policy: string): string {
  return policy.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src")) ?? "";
}

const previousSecret = process.env.NEXTAUTH_SECRET;
beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= SECRET;
});
afterAll(() => {
  if (previousSecret === undefined) delete process.env.NEXTAUTH_SECRET;
});

describe("proxy: the pages' Content-Security-Policy", () => {
  it("the sign-in page gets a policy whose scripts need this response's nonce, and Next gets the same nonce", async () => {
    const response = (await proxy(page("/sign-in"), EVENT))!;
    const policy = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(Buffer.from(nonce!, "base64")).toHaveLength(16);
    expect(scriptSources(policy)).not.toContain("'unsafe-inline'");
    expect(scriptSources(policy)).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    // NextResponse.next({ request: { headers } }) passes the request's new headers to the page as x-middleware-request-*.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("each response has its own nonce", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) nonces.add((await proxy(page("/setup"), EVENT))!.headers.get("x-middleware-request-x-nonce")!);
    expect(nonces.size).toBe(5);
  });

  it("a signed-in page gets the policy too; an anonymous browser is sent to sign in", async () => {
    const token = await encode({ token: { uid: "00000000-0000-4000-8000-000000000001", role: "dpo", sv: 0 }, secret: process.env.NEXTAUTH_SECRET! });
    const signedIn = (await proxy(page("/transfers", { headers: { cookie: `next-auth.session-token=${token}` } }), EVENT))!;
    expect(scriptSources(signedIn.headers.get("content-security-policy")!)).toMatch(/'nonce-[^']+'/);

    const anonymous = (await proxy(page("/transfers?destination=CN"), EVENT))!;
    expect(anonymous.status).toBe(307);
    expect(new URL(anonymous.headers.get("location")!).pathname).toBe("/sign-in");
  });

  it("runs on every page, the public ones included, and not on the API or Next's static files", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/sign-in", "/setup", "/setup/start", "/transfers/123", "/forbidden"]) expect(matcher.test(path), path).toBe(true);
    for (const path of ["/api/v1/transfers", "/api/auth/session", "/_next/static/chunks/app.js", "/favicon.ico"]) expect(matcher.test(path), path).toBe(false);
  });
});

describe("proxy: writes from another site", () => {
  it("a server action posted from another origin gets 403 problem+json, not Next's 500", async () => {
    const foreign: Record<string, string>[] = [
      { origin: "https://evil.example", "next-action": "7f00aa" },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example", "next-action": "7f00aa" },
      { "next-action": "7f00aa" },
    ];
    for (const headers of foreign) {
      const response = (await proxy(page("/users", { method: "POST", headers }), EVENT))!;
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ status: 403, code: "forbidden" });
    }
  });

  it("a server action from the app's own page goes on", async () => {
    const response = (await proxy(page("/sign-in", { method: "POST", headers: { "sec-fetch-site": "same-origin", origin: "http://localhost:3000", "next-action": "7f00aa" } }), EVENT))!;
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
