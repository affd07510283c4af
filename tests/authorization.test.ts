import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiTokens, users, type UserRole } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createApiToken, createUser } from "@/lib/users/service";
import { createTestDatabase } from "./databases";

/*
 * Every route handler and server action must go through the one guard. This test finds them all on disk,
 * so a new route without a check fails here: each must refuse an anonymous caller (401) and every role it
 * does not allow (403). Public routes are listed by name below, on purpose.
 */

// openapi.json is public (issue 12 part 5): a client generator reads it without a token. The first-run set-up
// (issue 13) is public: nobody can sign in yet; its one-time code from the server log is the credential.
const PUBLIC_ROUTES = new Set(["app/api/health/route.ts", "app/api/auth/[...nextauth]/route.ts", "app/api/v1/openapi.json/route.ts", "app/api/setup/route.ts"]);
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROLES: UserRole[] = ["dpo", "engineer", "auditor"];

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => session.current),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

function findFiles(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, name);
    return entry.name === name ? [full] : [];
  });
}

type Guarded = ((...args: never[]) => Promise<unknown>) & { access?: { roles?: readonly UserRole[]; public?: true } };

let handle: DatabaseHandle;
const userIds: Record<UserRole, string> = { dpo: "", engineer: "", auditor: "" };

beforeAll(async () => {
  handle = await createTestDatabase("pglite");
  (globalThis as unknown as { __governanceDb?: DatabaseHandle }).__governanceDb = handle;
  for (const role of ROLES) {
    const { record: user } = await createUser({ ctx: { db: handle.db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${role}@authz.test`, name: role, role, password: "a-long-password-1" } });
    userIds[role] = user.id;
  }
});

afterAll(async () => {
  (globalThis as unknown as { __governanceDb?: DatabaseHandle }).__governanceDb = undefined;
  await handle.close();
});

const routeFiles = findFiles("app", "route.ts").map((file) => file.split(path.sep).join("/"));
const actionFiles = findFiles("app", "actions.ts").map((file) => file.split(path.sep).join("/"));

function request(method: string, url = "http://localhost:3000/x") {
  return new Request(url, {
    method,
    headers: { origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json" },
    body: ["GET", "HEAD"].includes(method) ? undefined : "{}",
  });
}

describe("every route handler is guarded", () => {
  it("finds the route handlers", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of routeFiles) {
    it(`${file} checks the session and role`, async () => {
      const mod = (await import(`../${file}`)) as Record<string, Guarded>;
      const methods = HTTP_METHODS.filter((method) => typeof mod[method] === "function");
      expect(methods.length).toBeGreaterThan(0);
      for (const method of methods) {
        const handler = mod[method]!;
        expect(handler.access, `${method} ${file} is not wrapped in route()`).toBeDefined();
        if (handler.access!.public) {
          expect(PUBLIC_ROUTES.has(file), `${method} ${file} is public but not on the list of public routes`).toBe(true);
          continue;
        }
        session.current = null;
        const call = handler as unknown as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
        const params = Promise.resolve({ id: "00000000-0000-4000-8000-000000000000", report: "transfers", action: "submit" });
        expect((await call(request(method), { params })).status, `${method} ${file} anonymous`).toBe(401);
        for (const role of ROLES.filter((r) => !handler.access!.roles!.includes(r))) {
          session.current = { user: { id: userIds[role] } };
          expect((await call(request(method), { params })).status, `${method} ${file} as ${role}`).toBe(403);
        }
      }
    });
  }
});

describe("every server action is guarded", () => {
  for (const file of actionFiles) {
    it(`${file} checks the session and role`, async () => {
      const mod = (await import(`../${file}`)) as Record<string, Guarded>;
      const actions = Object.entries(mod).filter(([, value]) => typeof value === "function");
      expect(actions.length).toBeGreaterThan(0);
      for (const [name, fn] of actions) {
        expect(fn.access, `${name} in ${file} is not wrapped in action()`).toBeDefined();
        session.current = null;
        const call = fn as unknown as (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
        expect(await call({}), `${name} anonymous`).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
        for (const role of ROLES.filter((r) => !fn.access!.roles!.includes(r))) {
          session.current = { user: { id: userIds[role] } };
          expect(await call({}), `${name} as ${role}`).toMatchObject({ ok: false, error: { code: "forbidden" } });
        }
      }
    });
  }
});

describe("API tokens", () => {
  it("authenticate while valid; a revoked token or a disabled owner's token gets 401", async () => {
    session.current = null;
    const { GET } = await import("../app/api/v1/me/route");
    const call = (token: string) =>
      GET(new Request("http://localhost:3000/api/v1/me", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

    const first = await createApiToken({ ctx: { db: handle.db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: userIds.engineer, name: "ci" } });
    const ok = await call(first.token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ role: "engineer", via: "token" });
    expect((await call("tgv_not-a-real-token")).status).toBe(401);

    await handle.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, first.record.id));
    expect((await call(first.token)).status).toBe(401);

    const second = await createApiToken({ ctx: { db: handle.db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: userIds.auditor, name: "reports" } });
    expect((await call(second.token)).status).toBe(200);
    await handle.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userIds.auditor));
    expect((await call(second.token)).status).toBe(401);
  });

  it("refuses a cookie-authenticated write from another origin (CSRF)", async () => {
    const { requestActor } = await import("@/lib/auth/guard");
    session.current = { user: { id: userIds.dpo } };
    const crossSite = new Request("http://localhost:3000/api/v1/me", { method: "POST", headers: { origin: "https://evil.example", host: "localhost:3000" } });
    await expect(requestActor(crossSite)).rejects.toMatchObject({ code: "forbidden" });
    const sameSite = new Request("http://localhost:3000/api/v1/me", { method: "POST", headers: { origin: "http://localhost:3000", host: "localhost:3000" } });
    await expect(requestActor(sameSite)).resolves.toMatchObject({ role: "dpo" });
  });
});
