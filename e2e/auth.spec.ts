import { expect, test } from "./fixtures";
import { demoUser } from "./fixtures";

test("six wrong passwords in a row get 429, and the right password works again after the window", async ({ request, playwright, baseURL }) => {
  const { email, password } = demoUser("auditor");
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempt = (pass: string) =>
    request.post("/api/auth/callback/credentials", { form: { email, password: pass, csrfToken, json: "true" }, maxRedirects: 0 });

  for (let i = 1; i <= 5; i++) {
    const response = await attempt(`wrong-${i}`);
    // next-auth answers a wrong password with 401 and an error URL.
    expect(response.status(), `attempt ${i}`).toBe(401);
    expect(JSON.stringify(await response.json())).toContain("CredentialsSignin");
  }
  const limited = await attempt("wrong-6");
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  // Even the right password waits for the window (5 s in the end-to-end server, a minute in production).
  expect((await attempt(password)).status()).toBe(429);

  await new Promise((resolve) => setTimeout(resolve, 6_000));
  // A fresh context with the same cookies: after 6 idle seconds the server (5 s keep-alive) may be closing the
  // old socket just as the client reuses it, which fails with ECONNRESET rather than with an answer.
  const fresh = await playwright.request.newContext({ baseURL, storageState: await request.storageState() });
  const accepted = await fresh.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  expect(accepted.status()).toBeLessThan(400);
  expect(JSON.stringify(await accepted.json())).not.toContain("error=");
  await fresh.dispose();
});

test("the security headers forbid framing and sniffing", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("an API call without a session or token gets a problem+json 401, never a stack trace", async ({ request }) => {
  const response = await request.get("/api/v1/me");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({ status: 401, code: "unauthenticated" });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
});
