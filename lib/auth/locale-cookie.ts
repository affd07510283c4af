import type { Locale } from "@/lib/i18n/locales";

/*
 * The cookie that remembers a browser's language (LOCALE_COOKIE, read by lib/i18n/request.ts on every request).
 * Written by the server when a signed-in user chooses a language or signs in with one stored, and by the browser
 * itself on the sign-in page, where nobody is signed in yet to store it for. Not HttpOnly: it holds no secret,
 * and the sign-in page's switch writes it from script. Type imports only: the browser's switch imports this
 * module, and lib/i18n/locales.ts reads the database schema's enums.
 */

/** A year: the choice outlives any session (8 hours) and is renewed each time the user signs in or switches. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export interface LocaleCookie {
  /** LOCALE_COOKIE, handed over by the server component that renders the switch. */
  name: string;
  /** Over HTTPS the cookie is Secure, like next-auth's own. */
  secure: boolean;
}

/** The attributes both writers give the cookie, so that one never leaves a second, differently scoped copy. */
export function localeCookieAttributes({ secure }: Pick<LocaleCookie, "secure">) {
  return { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS, sameSite: "lax" as const, httpOnly: false, secure };
}

/** The `document.cookie` assignment that remembers `locale`, with the same attributes as the server's. */
export function localeCookieString(locale: Locale, cookie: LocaleCookie): string {
  const attributes = localeCookieAttributes(cookie);
  return [
    `${cookie.name}=${locale}`,
    `Path=${attributes.path}`,
    `Max-Age=${attributes.maxAge}`,
    "SameSite=Lax",
    ...(attributes.secure ? ["Secure"] : []),
  ].join("; ");
}
