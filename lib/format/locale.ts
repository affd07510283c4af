import "server-only";
import { headers } from "next/headers";

const FALLBACK_LOCALE = "en-US";

/** The first locale of Accept-Language that Intl supports, else en-US. */
export function pickLocale(acceptLanguage: string | null): string {
  const candidates = (acceptLanguage ?? "")
    .split(",")
    .map((part) => part.split(";")[0]!.trim())
    .filter((tag) => tag && tag !== "*");
  for (const tag of candidates) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag from the client is skipped, not an error.
    }
  }
  return FALLBACK_LOCALE;
}

/** Number and date formatters for the user's locale, read from the request. */
export async function requestFormatters() {
  const locale = pickLocale((await headers()).get("accept-language"));
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const shortDates = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  return {
    locale,
    number: (value: number) => numbers.format(value),
    date: (value: Date | string) => dates.format(typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value),
    shortDate: (value: string) => shortDates.format(new Date(`${value}T00:00:00Z`)),
  };
}

export type Formatters = Awaited<ReturnType<typeof requestFormatters>>;
