import { countryName, formatDate, formatNumber, type Locale } from "@/lib/labels";
import { categoryNameFr } from "@/lib/taxonomy/names-fr";

/*
 * Message formatting: findings are read by people, in English and in French (each finding is worded in both).
 * English keeps the engine's historic forms (en-US thousands separators, ISO dates, country codes, category
 * keys); French takes the catalogue's forms (lib/labels: "1 240" with a no-break space, "17 mars 2026", the
 * country's French name, the taxonomy's French category names) so that a French message carries no code.
 */

export type { Locale };

const NUMBER = new Intl.NumberFormat("en-US");
const LIST_FORMATS: Readonly<Record<Locale, Intl.ListFormat>> = {
  en: new Intl.ListFormat("en", { style: "long", type: "conjunction" }),
  fr: new Intl.ListFormat("fr", { style: "long", type: "conjunction" }),
};

/** 1240 -> "1,240"; in French "1 240" (no-break space, as lib/labels formatNumber). */
export function formatCount(value: number, locale: Locale = "en"): string {
  return locale === "en" ? NUMBER.format(value) : formatNumber(value, locale);
}

/** ["CN", "HK"] -> "CN and HK"; ["CN", "HK", "MO"] -> "CN, HK, and MO"; in French "a, b et c". */
export function formatList(items: readonly string[], locale: Locale = "en"): string {
  // Intl formatting costs microseconds a call, and a full pass formats the same few lists (countries,
  // categories) in tens of thousands of messages.
  const key = `${locale}\u0001${items.join("\u0000")}`;
  let formatted = LISTS.get(key);
  if (formatted === undefined) {
    formatted = LIST_FORMATS[locale].format(items);
    if (LISTS.size >= 10_000) LISTS.clear();
    LISTS.set(key, formatted);
  }
  return formatted;
}

const LISTS = new Map<string, string>();

/** An ISO date in a message: as it is in English, "17 mars 2026" in French. */
export function formatDay(date: string, locale: Locale = "en"): string {
  return locale === "en" ? date : formatDate(date, locale);
}

/** A country in a message: its ISO code in English ("CN"), its French name in French ("Chine"). */
export function formatCountry(code: string, locale: Locale = "en"): string {
  return locale === "en" ? code : countryName(code, locale);
}

/**
 * A data category in a message: its key in English ("user.biometric.face"), its French name in French (the
 * taxonomy's, else the name recorded on the category, else the key: a custom key has no other words).
 */
export function formatCategory(category: { key: string; name?: string }, locale: Locale = "en"): string {
  return locale === "en" ? category.key : categoryNameFr({ key: category.key, name: category.name ?? category.key });
}

/** Category keys as a list in a message: the keys in English, the French names (looked up in `categories`) in French. */
export function formatCategoryKeys(
  categories: readonly { key: string; name?: string }[],
  keys: readonly string[],
  locale: Locale = "en",
): string {
  if (locale === "en") return formatList(keys);
  return formatList(keys.map((key) => formatCategory(categories.find((c) => c.key === key) ?? { key }, locale)), locale);
}

/** French « guillemets » with their no-break spaces, English "double quotes": a quoted name in a message. */
export function quote(text: string, locale: Locale = "en"): string {
  return locale === "en" ? `"${text}"` : `«\u00a0${text}\u00a0»`;
}

/** "de Shenzhen Analytics", "d'Acme Cloud": the French "de" before a name, elided before a vowel. */
export function ofName(name: string): string {
  return /^[aeiouyàâäéèêëîïôöûü]/i.test(name) ? `d'${name}` : `de ${name}`;
}

/** Sorted, de-duplicated copy (stable facts for the same register). */
export function uniqueSorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}
