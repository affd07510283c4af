import { formatDate, formatNumber } from "@/lib/labels";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/*
 * Number and date formatting in the reader's language, usable in server and client components alike: a thin
 * wrapper over the label catalogue's formatters (lib/labels), which hold the one date format per locale.
 */

/**
 * One of our locales from a language tag: next-intl's `useLocale()` / `getLocale()` answer "en" or "fr"; an older
 * caller may still hand a browser tag ("fr-FR", "en-US"), which keeps its language.
 */
export function appLocale(tag: string | null | undefined): Locale {
  if (isLocale(tag)) return tag;
  const language = (tag ?? "").toLowerCase().split("-")[0];
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

export interface LocaleFormatters {
  locale: Locale;
  number: (value: number) => string;
  /** An ISO date (YYYY-MM-DD) or timestamp as the locale's date, in UTC; an em dash for none. */
  date: (value: string | Date | null | undefined) => string;
}

export function localeFormatters(locale: string): LocaleFormatters {
  const language = appLocale(locale);
  return {
    locale: language,
    number: (value) => formatNumber(value, language),
    date: (value) => {
      if (!value) return "—";
      // A calendar date goes as it is (no time zone to shift it); a timestamp as the instant it names.
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, language);
      const parsed = value instanceof Date ? value : new Date(value);
      return Number.isNaN(parsed.getTime()) ? String(value) : formatDate(parsed, language);
    },
  };
}
