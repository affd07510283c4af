import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, isLocale, negotiateLocale, type Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * The request's language: the one the user chose (remembered in a cookie, which sign-in sets from their stored
 * choice), else the browser's Accept-Language, else English. No locale in the URL: a DPO's links and bookmarks
 * stay the same in either language.
 */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // Dates are calendar dates of the register, shown as recorded: UTC, so server and browser render the same day.
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
