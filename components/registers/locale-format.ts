/*
 * Number and date formatting for the user's locale, usable in client components: the server page picks the
 * locale from Accept-Language (lib/format/locale.ts) and hands it down, so server and browser render alike.
 */

export interface LocaleFormatters {
  locale: string;
  number: (value: number) => string;
  /** An ISO date (YYYY-MM-DD) or timestamp as a medium date in UTC; an em dash for none. */
  date: (value: string | null | undefined) => string;
}

export function localeFormatters(locale: string): LocaleFormatters {
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return {
    locale,
    number: (value) => numbers.format(value),
    date: (value) => {
      if (!value) return "—";
      const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
      return Number.isNaN(parsed.getTime()) ? value : dates.format(parsed);
    },
  };
}
