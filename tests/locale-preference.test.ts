import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Session, User } from "next-auth";
import { beforeEach, expect, it, vi } from "vitest";
import { auditEvents, users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { LOCALE_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/locale-cookie";
import type { Locale } from "@/lib/i18n/locales";
import { TEST_ACTOR } from "./factories";
import { describeOnDatabases, useAsAppDatabase } from "./databases";

/*
 * Issue 16: a user's language, chosen in the app shell, is stored on the account (audited, the account's version
 * untouched) and remembered in the browser's `locale` cookie; signing in brings a stored language to a browser
 * that does not have it yet. The cookie jar stands for Next's request scope: what a server action or next-auth's
 * route handler sets there reaches the response.
 */

const request = vi.hoisted(() => ({
  session: null as Session | null,
  /** The cookies set on the response; null: no request scope (a script), as outside Next. */
  jar: null as Map<string, { value: string; options: Record<string, unknown> }> | null,
}));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => request.session),
}));
vi.mock("next/headers", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next/headers")>();
  return {
    ...actual,
    cookies: vi.fn(async () => {
      const jar = request.jar;
      if (!jar) return actual.cookies();
      return { set: (name: string, value: string, options: Record<string, unknown>) => void jar.set(name, { value, options }) };
    }),
  };
});

const PASSWORD = "correct horse battery staple";
const TODAY = "2026-03-01";

describeOnDatabases("a user's language, stored and remembered (issue 16)", (use) => {
  useAsAppDatabase(use);

  beforeEach(() => {
    request.session = null;
    request.jar = null;
  });

  async function makeUser(locale: Locale | null = null) {
    const { createUser } = await import("@/lib/users/service");
    const tag = crypto.randomBytes(4).toString("hex");
    const { record } = await createUser({
      ctx: { db: use().db, actor: TEST_ACTOR, today: TODAY },
      input: { email: `locale-${tag}@locale.test`, name: `Locale ${tag}`, role: "engineer", password: PASSWORD },
    });
    if (locale) await use().db.update(users).set({ locale }).where(eq(users.id, record.id));
    const actor: UserActor = { kind: "user", userId: record.id, tokenId: null, label: record.email, role: "engineer" };
    return { user: record, ctx: { db: use().db, actor, today: TODAY } };
  }

  async function stored(userId: string) {
    const [row] = await use().db.select({ locale: users.locale, version: users.version }).from(users).where(eq(users.id, userId));
    return row!;
  }

  async function localeEvents(userId: string) {
    return use().db.select().from(auditEvents).where(and(eq(auditEvents.recordId, userId), eq(auditEvents.action, "change_locale")));
  }

  it("stores the user's own choice, audited with before and after, without bumping the account's version", async () => {
    const { changeOwnLocale } = await import("@/lib/auth/locale-preference");
    const { user, ctx } = await makeUser();
    const before = await stored(user.id);

    const { record } = await changeOwnLocale({ ctx, input: { locale: "fr" } });
    expect(record.locale).toBe("fr");
    expect(await stored(user.id)).toEqual({ locale: "fr", version: before.version });
    const [event] = await localeEvents(user.id);
    expect(event).toMatchObject({ actorUserId: user.id, recordType: "user" });
    expect(event!.before).toMatchObject({ locale: null });
    expect(event!.after).toMatchObject({ locale: "fr" });
    expect(event!.after).not.toHaveProperty("passwordHash");

    // The language already stored: nothing written, nothing audited.
    await changeOwnLocale({ ctx, input: { locale: "fr" } });
    expect(await localeEvents(user.id)).toHaveLength(1);
    await changeOwnLocale({ ctx, input: { locale: "en" } });
    expect((await stored(user.id)).locale).toBe("en");
    expect(await localeEvents(user.id)).toHaveLength(2);
  });

  it("refuses a language the UI does not have, and an actor that is not a signed-in user", async () => {
    const { changeOwnLocale } = await import("@/lib/auth/locale-preference");
    const { user, ctx } = await makeUser();
    await expect(changeOwnLocale({ ctx, input: { locale: "de" } })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(changeOwnLocale({ ctx, input: { locale: "fr", role: "dpo" } })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(changeOwnLocale({ ctx: { ...ctx, actor: TEST_ACTOR }, input: { locale: "fr" } })).rejects.toMatchObject({ code: "forbidden" });
    expect((await stored(user.id)).locale).toBeNull();
    expect(await localeEvents(user.id)).toHaveLength(0);
  });

  it("the shell's action stores the choice and sets the cookie for a year; without a session it does neither", async () => {
    const { chooseLocale } = await import("@/app/(dashboard)/actions");
    const { user } = await makeUser();

    request.jar = new Map();
    const refused = await chooseLocale({ locale: "fr" });
    expect(refused).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(request.jar.size).toBe(0);

    request.session = { user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion }, expires: "2099-01-01T00:00:00Z" };
    expect(await chooseLocale({ locale: "fr" })).toEqual({ ok: true, data: { locale: "fr" } });
    expect((await stored(user.id)).locale).toBe("fr");
    expect(request.jar.get("locale")).toEqual({
      value: "fr",
      options: { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS, sameSite: "lax", httpOnly: false, secure: false },
    });
  });

  /** Signs in with the credentials provider as next-auth's route handler does: authorize, then the jwt callback. */
  async function signIn(email: string) {
    const { authOptions } = await import("@/lib/auth/options");
    const provider = authOptions.providers.find((candidate) => candidate.id === "credentials") as unknown as {
      options: { authorize: (credentials: Record<string, string>, request: unknown) => Promise<User | null> };
    };
    const user = await provider.options.authorize({ email, password: PASSWORD }, {});
    expect(user).not.toBeNull();
    await authOptions.callbacks!.jwt!({ token: { email, name: user!.name }, user: user!, account: null, trigger: "signIn" } as never);
  }

  it("signing in sets the cookie to the stored language, and leaves the browser's own choice alone when none is stored", async () => {
    const { user: french } = await makeUser("fr");
    request.jar = new Map();
    await signIn(french.email);
    expect(request.jar.get("locale")?.value).toBe("fr");

    const { user: undecided } = await makeUser(null);
    request.jar = new Map();
    await signIn(undecided.email);
    expect(request.jar.has("locale")).toBe(false);

    // Outside a request (a script calling the callbacks), there is no browser to remember anything for: no error.
    request.jar = null;
    await signIn(french.email);
  });
});
