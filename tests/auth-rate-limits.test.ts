import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { TEST_ACTOR } from "./factories";
import { describeOnDatabases, useAsAppDatabase } from "./databases";

/*
 * Issue 14, item 2: rate limits an attacker cannot sidestep. The sign-in limit is keyed by account and client
 * address; the address used to be the last X-Forwarded-For entry, which Next passes on as the client wrote
 * it, so a new made-up address per attempt reset the limit. These tests go through a real HTTP server, so that
 * the socket peer is real (the app learns it from Node's diagnostics channel, lib/auth/socket-peer.ts), and
 * call the route handlers as Next would.
 */

// next-auth's own handler needs Next's request scope; a stand-in answers like it for credentials: a wrong
// password is a 401 whose URL carries error=CredentialsSignin (what the route's limiter counts), the right one
// a redirect URL.
const RIGHT_PASSWORD = "the-right-password-7";
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  default: () => async (request: Request) => {
    const form = await request.formData();
    return form.get("password") === RIGHT_PASSWORD
      ? Response.json({ url: "http://localhost:3000/" }, { status: 200 })
      : Response.json({ url: "http://localhost:3000/api/auth/error?error=CredentialsSignin" }, { status: 401 });
  },
}));

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

/** An HTTP server in this process that hands each request to a route handler, as Next's server does. */
async function startServer(routes: (url: URL) => { handler: Handler; params: Record<string, unknown> }): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) headers.append(name, one);
    }
    const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host}`);
    const request = new Request(url, { method: incoming.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const { handler, params } = routes(url);
    const response = await handler(request, { params: Promise.resolve(params) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describeOnDatabases("rate limits an attacker cannot sidestep (issue 14)", (use) => {
  useAsAppDatabase(use);
  let server: Awaited<ReturnType<typeof startServer>>;
  const previousTrusted = process.env.TRUSTED_PROXIES;
  const previousRate = process.env.API_RATE_LIMIT;

  beforeAll(async () => {
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const { GET: me } = await import("@/app/api/v1/me/route");
    const { clientAddress } = await import("@/lib/auth/request");
    const echo: Handler = async (request) => Response.json({ address: clientAddress(request) });
    server = await startServer((url) => {
      if (url.pathname === "/echo") return { handler: echo, params: {} };
      if (url.pathname === "/api/v1/me") return { handler: me as unknown as Handler, params: {} };
      return { handler: POST as unknown as Handler, params: { nextauth: url.pathname.replace("/api/auth/", "").split("/") } };
    });
  });

  afterAll(async () => {
    await server.close();
  });

  afterEach(() => {
    for (const [name, value] of [["TRUSTED_PROXIES", previousTrusted], ["API_RATE_LIMIT", previousRate]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const addressSeen = async (headers: Record<string, string>) =>
    ((await (await fetch(`${server.url}/echo`, { headers })).json()) as { address: string }).address;

  const signIn = (email: string, password: string, forwardedFor: string) =>
    fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forwardedFor },
      body: new URLSearchParams({ email, password, csrfToken: "t", json: "true" }),
    });

  it("without trusted proxies, the client is the socket peer whatever X-Forwarded-For or a forged stamp claims", async () => {
    delete process.env.TRUSTED_PROXIES;
    expect(await addressSeen({})).toBe("127.0.0.1");
    expect(await addressSeen({ "x-forwarded-for": "198.51.100.1" })).toBe("127.0.0.1");
    expect(await addressSeen({ "x-forwarded-for": "198.51.100.1, 198.51.100.2" })).toBe("127.0.0.1");
    expect(await addressSeen({ "x-governance-socket-peer": "forged 198.51.100.3" })).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, the hop the proxy saw is the client, not what the client wrote left of it", async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    expect(await addressSeen({ "x-forwarded-for": "198.51.100.1, 203.0.113.9" })).toBe("203.0.113.9");
    expect(await addressSeen({ "x-forwarded-for": "198.51.100.2, 203.0.113.9" })).toBe("203.0.113.9");
  });

  it("rotating X-Forwarded-For no longer resets the sign-in limit: the sixth attempt gets 429 with Retry-After", async () => {
    delete process.env.TRUSTED_PROXIES;
    const email = `rotating-${Date.now()}@limits.test`;
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signIn(email, `wrong-${attempt}`, `198.51.100.${attempt}`)).status, `attempt ${attempt}`).toBe(401);
    }
    for (const forwardedFor of ["198.51.100.6", "203.0.113.77", "10.0.0.1, 198.51.100.8"]) {
      const limited = await signIn(email, RIGHT_PASSWORD, forwardedFor);
      expect(limited.status, forwardedFor).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // The limit is the account's at this address: another account from the same address is not held back.
    expect((await signIn(`other-${Date.now()}@limits.test`, RIGHT_PASSWORD, "198.51.100.9")).status).toBe(200);
  });

  it("a burst of parallel guesses meets the limit too: at most five reach the password check", async () => {
    delete process.env.TRUSTED_PROXIES;
    const email = `burst-${Date.now()}@limits.test`;
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(email, `wrong-${i}`, "198.51.100.20").then((r) => r.status)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it("behind a trusted proxy, each real client has its own limit", async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.0/8";
    const email = `proxied-${Date.now()}@limits.test`;
    for (let attempt = 1; attempt <= 5; attempt++) {
      // The attacker also rewrites the left of the header each time; the proxy appends what it saw.
      expect((await signIn(email, "wrong", `192.0.2.${attempt}, 203.0.113.50`)).status).toBe(401);
    }
    expect((await signIn(email, RIGHT_PASSWORD, "192.0.2.99, 203.0.113.50")).status).toBe(429);
    // A colleague behind the same proxy, from another address, signs in.
    expect((await signIn(email, RIGHT_PASSWORD, "203.0.113.51")).status).toBe(200);
  });

  it("an API token over API_RATE_LIMIT gets a 429 problem with Retry-After; other tokens are not held back", async () => {
    const { createApiToken, createUser } = await import("@/lib/users/service");
    const { apiTokenLimiter } = await import("@/lib/auth/api-rate-limit");
    apiTokenLimiter.clear();
    process.env.API_RATE_LIMIT = "3";
    const ctx = { db: use().db, actor: TEST_ACTOR, today: "2026-03-01" };
    const { record: owner } = await createUser({ ctx, input: { email: `api-${Date.now()}@limits.test`, name: "Api Caller", role: "engineer", password: "correct horse battery staple" } });
    const busy = await createApiToken({ ctx, input: { userId: owner.id, name: "busy" } });
    const quiet = await createApiToken({ ctx, input: { userId: owner.id, name: "quiet" } });
    const call = (token: string) => fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

    for (let i = 1; i <= 3; i++) expect((await call(busy.token)).status, `call ${i}`).toBe(200);
    const limited = await call(busy.token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ status: 429, code: "rate_limited", limitPerMinute: 3 });
    expect((await call(quiet.token)).status).toBe(200);
  });
});
