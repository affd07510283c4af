import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";
import type { Locale } from "@/db/schema/enums";

/*
 * ISO 3166-1 alpha-2 country codes and their names in the product's languages (English, French), from the
 * `i18n-iso-countries` package. The package's browser entry registers no locale, so both are registered
 * explicitly here; registering twice (the Node entry already registers every locale) is harmless.
 *
 * The package also carries XK (Kosovo), a user-assigned code that ISO 3166-1 does not officially list but
 * that the EU and most registries use; it is kept so that a transfer to Kosovo can be recorded.
 */
countries.registerLocale(en);
countries.registerLocale(fr);

/** An upper-case ISO 3166-1 alpha-2 code ("US", "CN", "HK"). Kept as a string: the DB stores text. */
export type CountryCode = string;

export interface Country {
  code: CountryCode;
  name: string;
}

// "official" selects the first (ISO-style) name of each entry, e.g. "United States of America", "États-Unis d'Amérique".
const NAMES_BY_LOCALE: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: countries.getNames("en", { select: "official" }),
  fr: countries.getNames("fr", { select: "official" }),
};
const NAMES = NAMES_BY_LOCALE.en;

// Sorted once per language, in that language's collation ("Égypte" sorts with E in French).
const SORTED_BY_LOCALE = new Map<Locale, readonly Country[]>();
function sortedCountries(locale: Locale): readonly Country[] {
  let sorted = SORTED_BY_LOCALE.get(locale);
  if (!sorted) {
    sorted = Object.freeze(
      Object.entries(NAMES_BY_LOCALE[locale])
        .map(([code, name]) => Object.freeze({ code, name }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    );
    SORTED_BY_LOCALE.set(locale, sorted);
  }
  return sorted;
}

/** Trims and upper-cases user input ("fr " -> "FR"); validate the result with `isValidCountryCode`. */
export function normalizeCountryCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Strict check for a stored code: exactly two upper-case letters known to the package.
 * Lower-case input is rejected on purpose so that one spelling reaches the database; normalize first.
 */
export function isValidCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && Object.hasOwn(NAMES, code);
}

/**
 * Name of a country in the language asked (English unless told), or undefined for an unknown code.
 * Case-insensitive. lib/labels' countryName is the one that falls back to the code, for display.
 */
export function countryName(code: string, locale: Locale = "en"): string | undefined {
  const normalized = normalizeCountryCode(code);
  const names = NAMES_BY_LOCALE[locale] ?? NAMES;
  return Object.hasOwn(names, normalized) ? names[normalized] : undefined;
}

/** Every country, sorted by its name in the language asked (English unless told), for selects and filters. */
export function listCountries(locale: Locale = "en"): readonly Country[] {
  return sortedCountries(locale);
}
