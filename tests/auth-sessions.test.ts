import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { beforeEach, expect, it, vi } from "vitest";
import { auditEvents, users, type UserRole } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { TEST_ACTOR } from "./factories";
import { describeOnDatabases, useAsAppDatabase } from "./databases";

/*
 * Issue 14, item 6 and the smaller holes of item 7 that concern sessions and passwords: signing out ends the
 * session on the server (the old cookie is refused afterwards), a password or role change ends the user's
 * sessions, passwords meet a strength policy, and a server action from another site is refused.
 *
 * A session here is what next-auth makes of a cookie: the credentials provider's authorize, then the jwt and
 * session callbacks of lib/auth/options.ts, exactly as next-auth chains them; getServerSession (which needs
 * Next's request scope to read the cookie) answers with that session.
 */

const cookie = vi.hoisted(() => ({ session: null as Session | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => cookie.session),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
// The headers of the request that invoked a server action; none (outside a request scope) unless a test sets them.
const actionRequest = vi.hoisted(() => ({ headers: null as Headers | null }));
vi.mock("next/headers", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next/headers")>();
  return { ...actual, headers: vi.fn(async () => actionRequest.headers ?? actual.headers()) };
});

const STRONG = "correct horse battery staple";
const NEWER = "violet tractor under seven lanterns";
const TODAY = "2026-03-01";

describeOnDatabases("sessions that end, and the password policy (issue 14)", (use) => {
  useAsAppDatabase(use);

  beforeEach(() => {
    cookie.session = null;
    actionRequest.headers = null;
  });

  async function makeUser(role: UserRole, password = STRONG) {
    const { createUser } = await import("@/lib/users/service");
    const tag = crypto.randomBytes(4).toString("hex");
    const { record } = await createUser({ ctx: { db: use().db, actor: TEST_ACTOR, today: TODAY }, input: { email: `${role}-${tag}@sessions.test`, name: `${role} ${tag}`, role, password } });
    const actor: UserActor = { kind: "user", userId: record.id, tokenId: null, label: record.email, role };
    return { user: record, actor, ctx: { db: use().db, actor, today: TODAY } };
  }

  /** Signs in with the credentials provider as next-auth does: authorize, then the jwt and session callbacks. */
  async function signIn(email: string, password: string): Promise<{ token: JWT; session: Session } | null> {
    const { authOptions } = await import("@/lib/auth/options");
    const provider = authOptions.providers.find((candidate) => candidate.id === "credentials") as unknown as {
      options: { authorize: (credentials: Record<string, string>, request: unknown) => Promise<User | null> };
    };
    const user = await provider.options.authorize({ email, password }, {});
    if (!user) return null;
    const token = await authOptions.callbacks!.jwt!({ token: { email, name: user.name }, user, account: null, trigger: "signIn" } as never);
    const session = await authOptions.callbacks!.session!({ session: { user: {}, expires: "2099-01-01T00:00:00Z" }, token } as never);
    return { token: token as JWT, session: session as Session };
  }

  async function signOut(token: JWT) {
    const { authOptions } = await import("@/lib/auth/options");
    await authOptions.events!.signOut!({ token, session: null as never });
  }

  /** GET /api/v1/me with the given session cookie: 200 while the session is valid, else 401. */
  async function meWith(session: Session | null): Promise<number> {
    const { GET } = await import("@/app/api/v1/me/route");
    cookie.session = session;
    const response = await GET(new Request("http://localhost:3000/api/v1/me"), { params: Promise.resolve({}) });
    return response.status;
  }

  async function sessionVersionOf(userId: string): Promise<number> {
    const [row] = await use().db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId));
    return row!.version;
  }

  it("after sign-out the old cookie is refused: 401 for the API, the sign-in page for pages; a new sign-in works", async () => {
    const { user } = await makeUser("engineer");
    const first = (await signIn(user.email, STRONG))!;
    expect(await meWith(first.session)).toBe(200);

    await signOut(first.token);
    expect(await meWith(first.session)).toBe(401);
    const { requirePageActor } = await import("@/lib/auth/guard");
    cookie.session = first.session;
    await expect(requirePageActor()).rejects.toMatchObject({ digest: expect.stringContaining("/sign-in") });

    const second = (await signIn(user.email, STRONG))!;
    expect(await meWith(second.session)).toBe(200);
    const signOuts = await use().db.select().from(auditEvents).where(and(eq(auditEvents.recordId, user.id), eq(auditEvents.action, "sign_out")));
    expect(signOuts).toHaveLength(1);
  });

  it("signing out ends the user's sessions in every browser; replaying a refused cookie's sign-out changes nothing", async () => {
    const { user } = await makeUser("auditor");
    const laptop = (await signIn(user.email, STRONG))!;
    const phone = (await signIn(user.email, STRONG))!;
    await signOut(laptop.token);
    expect(await meWith(phone.session)).toBe(401);

    const fresh = (await signIn(user.email, STRONG))!;
    const version = await sessionVersionOf(user.id);
    await signOut(laptop.token);
    expect(await sessionVersionOf(user.id)).toBe(version);
    expect(await meWith(fresh.session)).toBe(200);
  });

  it("a role change ends the changed user's sessions, not the DPO's", async () => {
    const { changeUserRole } = await import("@/lib/users/service");
    const dpo = await makeUser("dpo");
    const engineer = await makeUser("engineer");
    const dpoSession = (await signIn(dpo.user.email, STRONG))!;
    const engineerSession = (await signIn(engineer.user.email, STRONG))!;

    await changeUserRole({ ctx: dpo.ctx, input: { userId: engineer.user.id, role: "auditor" } });
    expect(await meWith(engineerSession.session)).toBe(401);
    expect(await meWith(dpoSession.session)).toBe(200);
    // Asking for the role the user already has changes nothing, sessions included.
    const again = (await signIn(engineer.user.email, STRONG))!;
    await changeUserRole({ ctx: dpo.ctx, input: { userId: engineer.user.id, role: "auditor" } });
    expect(await meWith(again.session)).toBe(200);
  });

  it("disabling a user ends their sessions for good: enabling them again does not bring the old cookie back", async () => {
    const { disableUser, enableUser } = await import("@/lib/users/service");
    const dpo = await makeUser("dpo");
    const { user } = await makeUser("engineer");
    const before = (await signIn(user.email, STRONG))!;
    await disableUser({ ctx: dpo.ctx, input: { userId: user.id } });
    await enableUser({ ctx: dpo.ctx, input: { userId: user.id } });
    expect(await meWith(before.session)).toBe(401);
    expect(await meWith((await signIn(user.email, STRONG))!.session)).toBe(200);
  });

  it("a password change ends every session of the user; the user must give the current password, a DPO resets without it", async () => {
    const { changePassword } = await import("@/lib/users/service");
    const { user, ctx } = await makeUser("engineer");
    const office = (await signIn(user.email, STRONG))!;
    const home = (await signIn(user.email, STRONG))!;

    await expect(changePassword({ ctx, input: { userId: user.id, password: NEWER, currentPassword: "not-the-password" } })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: "currentPassword" }] },
    });
    await expect(changePassword({ ctx, input: { userId: user.id, password: "password1234", currentPassword: STRONG } })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: "password", message: expect.stringContaining("commonly used") }] },
    });
    expect(await meWith(office.session)).toBe(200);

    await changePassword({ ctx, input: { userId: user.id, password: NEWER, currentPassword: STRONG } });
    expect(await meWith(office.session)).toBe(401);
    expect(await meWith(home.session)).toBe(401);
    expect(await signIn(user.email, STRONG)).toBeNull();
    expect(await meWith((await signIn(user.email, NEWER))!.session)).toBe(200);

    const dpo = await makeUser("dpo");
    const other = await makeUser("auditor");
    await expect(changePassword({ ctx: other.ctx, input: { userId: user.id, password: STRONG } })).rejects.toMatchObject({ code: "forbidden" });
    await changePassword({ ctx: dpo.ctx, input: { userId: user.id, password: STRONG } });
    expect(await signIn(user.email, STRONG)).not.toBeNull();
  });

  it("a cookie issued before session versions existed is accepted until the user's sessions are first ended", async () => {
    const { user } = await makeUser("auditor");
    const legacy: Session = { user: { id: user.id, email: user.email, name: user.name, role: user.role }, expires: "2099-01-01T00:00:00Z" };
    expect(await meWith(legacy)).toBe(200);
    await signOut({ uid: user.id });
    expect(await meWith(legacy)).toBe(401);
  });

  it("a weak or common password is refused wherever an account is created, naming the field and why", async () => {
    const { createUser } = await import("@/lib/users/service");
    const { createUserAccount } = await import("@/app/(dashboard)/users/actions");
    for (const password of ["password1234", "qwertyuiop12", "aaaaaaaaaaaaaaaa"]) {
      await expect(
        createUser({ ctx: { db: use().db, actor: TEST_ACTOR, today: TODAY }, input: { email: `weak-${crypto.randomUUID()}@sessions.test`, name: "Weak", role: "auditor", password } }),
      ).rejects.toMatchObject({ code: "validation_failed", details: { fields: [{ path: "password", message: expect.stringMatching(/commonly used|too easy to guess/) }] } });
    }
    const dpo = await makeUser("dpo");
    cookie.session = (await signIn(dpo.user.email, STRONG))!.session;
    const refused = await createUserAccount({ email: `page-${crypto.randomUUID()}@sessions.test`, name: "Page", role: "auditor", password: "password1234" });
    expect(refused).toMatchObject({ ok: false, error: { code: "validation_failed", fields: [{ path: "password" }] } });
    const created = await createUserAccount({ email: `page-${crypto.randomUUID()}@sessions.test`, name: "Page", role: "auditor", password: NEWER });
    expect(created).toMatchObject({ ok: true });
  });

  it("a server action invoked from another site is refused as forbidden; from the app's own pages it runs", async () => {
    const { createUserAccount } = await import("@/app/(dashboard)/users/actions");
    const dpo = await makeUser("dpo");
    cookie.session = (await signIn(dpo.user.email, STRONG))!.session;
    const input = () => ({ email: `csrf-${crypto.randomUUID()}@sessions.test`, name: "Csrf", role: "auditor" as const, password: NEWER });

    actionRequest.headers = new Headers({ origin: "https://evil.example", host: "localhost:3000" });
    expect(await createUserAccount(input())).toMatchObject({ ok: false, error: { code: "forbidden" } });
    actionRequest.headers = new Headers({ "sec-fetch-site": "cross-site", origin: "https://evil.example", host: "localhost:3000" });
    expect(await createUserAccount(input())).toMatchObject({ ok: false, error: { code: "forbidden" } });

    actionRequest.headers = new Headers({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000", host: "localhost:3000" });
    expect(await createUserAccount(input())).toMatchObject({ ok: true });
    actionRequest.headers = new Headers({ origin: "http://localhost:3000", host: "localhost:3000" });
    expect(await createUserAccount(input())).toMatchObject({ ok: true });
  });
});
