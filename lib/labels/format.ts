import type { Locale } from "./kinds";

/*
 * One date format and one number format per locale, across the UI and every export: "17 Mar 2026" and
 * "17 mars 2026", "12,345" and "12 345". Dates are calendar dates of the register, read in UTC, so that a
 * server, a browser and a PDF show the same day. The date is composed from Intl's parts rather than taken from a
 * locale's medium style: en-GB writes "Sept" since ICU 72 and en-US puts the month first, and either would give
 * the app two spellings of one date.
 */

const TAGS: Readonly<Record<Locale, string>> = { en: "en-US", fr: "fr-FR" };

// Intl objects are costly to build and the exports format thousands of cells: one of each per locale.
const DATE_PARTS = new Map<Locale, Intl.DateTimeFormat>();
const TIME_PARTS = new Map<Locale, Intl.DateTimeFormat>();
const NUMBERS = new Map<string, Intl.NumberFormat>();

function datePartsFormat(locale: Locale): Intl.DateTimeFormat {
  let format = DATE_PARTS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(TAGS[locale], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    DATE_PARTS.set(locale, format);
  }
  return format;
}

function timeFormat(locale: Locale): Intl.DateTimeFormat {
  let format = TIME_PARTS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(TAGS[locale], { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
    TIME_PARTS.set(locale, format);
  }
  return format;
}

/** "2026-03-17" is a calendar date (UTC midnight); anything else is read as a timestamp. Null when unreadable. */
export function toDate(value: Date | string): Date | null {
  const parsed = value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function dayMonthYear(date: Date, locale: Locale): { day: string; month: string; year: string } {
  const parts = datePartsFormat(locale).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: part("day"), month: part("month"), year: part("year") };
}

/**
 * A date as a person reads it: en "17 Mar 2026", fr "17 mars 2026" (the French short months keep their
 * abbreviation point: "17 sept. 2026"). A string that is not a date is returned as it is, never half-formatted.
 */
export function formatDate(value: Date | string, locale: Locale = "en"): string {
  const date = toDate(value);
  if (!date) return String(value);
  const { day, month, year } = dayMonthYear(date, locale);
  return `${day} ${month} ${year}`;
}

/** Day and month only, for a chart's axis: en "17 Mar", fr "17 mars". */
export function formatDayMonth(value: Date | string, locale: Locale = "en"): string {
  const date = toDate(value);
  if (!date) return String(value);
  const { day, month } = dayMonthYear(date, locale);
  return `${day} ${month}`;
}

/** A timestamp to the minute, in UTC and saying so: en "17 Mar 2026 14:05 UTC", fr "17 mars 2026 14:05 UTC". */
export function formatDateTime(value: Date | string, locale: Locale = "en"): string {
  const date = toDate(value);
  if (!date) return String(value);
  return `${formatDate(date, locale)} ${timeFormat(locale).format(date)} UTC`;
}

/**
 * A number with the locale's grouping: en "12,345", fr "12 345". French groups with a no-break space (U+00A0)
 * rather than Intl's narrow one (U+202F): the same in every browser and ICU version, present in every PDF font,
 * and a number never wraps at its separator.
 */
export function formatNumber(value: number, locale: Locale = "en", options?: Intl.NumberFormatOptions): string {
  const key = `${locale}|${options ? JSON.stringify(options) : ""}`;
  let format = NUMBERS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(TAGS[locale], options);
    NUMBERS.set(key, format);
  }
  return format.format(value).replace(/[\u202f\u00a0]/g, "\u00a0");
}
