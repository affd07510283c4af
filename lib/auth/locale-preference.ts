import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { z } from "zod";
import type { VisibleUser } from "@/db/queries/users";
import { users, type User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locales";
import { withDb, type ServiceCall } from "@/lib/services/context";
import { updateRecord, type RecordKind, type WriteResult } from "@/lib/services/write-record";
import { userKind } from "@/lib/users/service";
import { parseInput } from "@/lib/validation/parse";
import { localeCookieAttributes, type LocaleCookie } from "./locale-cookie";

/*
 * A user's language (issue 16): stored on the account (users.locale), so that it follows them to another
 * browser, and remembered per browser in the `locale` cookie, which every request reads (lib/i18n/request.ts).
 * Choosing a language writes both; signing in copies the stored one into the cookie (lib/auth/options.ts).
 */

/** The cookie as the server writes it; over HTTPS (the site's NEXTAUTH_URL) it is Secure, like next-auth's. */
export function localeCookie(env: NodeJS.ProcessEnv = process.env): LocaleCookie {
  return { name: LOCALE_COOKIE, secure: (env.NEXTAUTH_URL ?? "").startsWith("https://") };
}

/**
 * Sets the language cookie on the response of the current server action or route handler (next-auth's sign-in
 * is one). Returns false when there is no request (a test, a script calling the callbacks directly): no browser
 * to remember anything for. Next throws outside a request scope; any other error propagates.
 */
export async function rememberLocaleCookie(locale: Locale): Promise<boolean> {
  try {
    const cookie = localeCookie();
    (await cookies()).set(cookie.name, locale, localeCookieAttributes(cookie));
    return true;
  } catch (error) {
    if (error instanceof Error && /outside a request scope/.test(error.message)) return false;
    throw error;
  }
}

const localeChoice = z.strictObject({
  locale: z.enum(LOCALES, { message: "must be English or French" }),
});

/** Only the account itself chooses its language: not even the DPO sets another user's. */
const ownAccountKind: RecordKind<User, VisibleUser> = {
  ...userKind,
  authorize: (_tx, actor, row) => {
    if (actor.kind === "user" && actor.userId === row.id) return;
    throw new AppError("forbidden", "Only the account's owner chooses its language.");
  },
};

/**
 * The signed-in user's language. Audited like every change to an account (the write sequence: locked,
 * authorised, before and after), but the account's version is left as it is: it is a preference, not an
 * administered property, and a DPO changing the same user's role from a page opened earlier must not be told
 * that the account changed under them. Choosing the language already stored writes nothing.
 */
export async function changeOwnLocale({ ctx, input }: ServiceCall): Promise<WriteResult<VisibleUser>> {
  const { locale } = parseInput(localeChoice, input);
  if (ctx.actor.kind !== "user") throw new AppError("forbidden", "Only a signed-in user chooses a language.");
  const userId = ctx.actor.userId;
  return ctx.db.transaction(async (tx) => {
    const current = await ownAccountKind.lock(tx, userId);
    if (current && current.locale === locale) return { record: await ownAccountKind.expand(tx, current), flags: [] };
    return updateRecord({
      ctx: withDb(ctx, tx),
      kind: ownAccountKind,
      id: userId,
      // A missing account has no version: the write sequence's lock answers not_found.
      version: current?.version ?? 0,
      action: "change_locale",
      change: async (inner, row) => {
        const [updated] = await inner.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, row.id)).returning();
        return updated!;
      },
    });
  });
}
