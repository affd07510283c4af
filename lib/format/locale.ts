import "server-only";
import { formatDate, formatDateTime, formatDayMonth, formatNumber } from "@/lib/labels";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request";

/*
 * Number and date formatters of the request, for server components. The product speaks two languages and has
 * one date and one number format per language (lib/labels/format.ts): the request's language decides which,
 * as it decides the UI's texts (the user's choice in its cookie, else Accept-Language, else English), rather
 * than the browser's exact tag, which once gave "Mar 17, 2026" to one reader and "17/03/2026" to the next.
 */

/** Formatters bound to a language: "17 Mar 2026" / "17 mars 2026", "12,345" / "12 345". */
export function formattersFor(locale: Locale) {
  return {
    locale,
    number: (value: number) => formatNumber(value, locale),
    date: (value: Date | string) => formatDate(value, locale),
    /** Day and month, for a chart's axis: "17 Mar" / "17 mars". */
    shortDate: (value: string) => formatDayMonth(value, locale),
    /** A timestamp to the minute, in UTC: "17 Mar 2026 14:05 UTC". */
    dateTime: (value: Date | string) => formatDateTime(value, locale),
  };
}

/** Number and date formatters in the request's language. */
export async function requestFormatters() {
  return formattersFor(await requestLocale());
}

export type Formatters = ReturnType<typeof formattersFor>;
