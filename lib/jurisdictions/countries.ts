import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";

/*
 * ISO 3166-1 alpha-2 country codes and their English names, from the `i18n-iso-countries` package.
 * The package's browser entry registers no locale, so English is registered explicitly here; registering
 * twice (the Node entry already registers every locale) is harmless.
 *
 * The package also carries XK (Kosovo), a user-assigned code that ISO 3166-1 does not officially list but
 * that the EU and most registries use; it is kept so that a transfer to Kosovo can be recorded.
 */
countries.registerLocale(en);

/** An upper-case ISO 3166-1 alpha-2 code ("US", "CN", "HK"). Kept as a string: the DB stores text. */
export type CountryCode = string;

export interface Country {
  code: CountryCode;
  name: string;
}

// "official" selects the first (ISO-style) name of each entry, e.g. "United States of America".
const NAMES: Readonly<Record<string, string>> = countries.getNames("en", { select: "official" });

const SORTED: readonly Country[] = Object.freeze(
  Object.entries(NAMES)
    .map(([code, name]) => Object.freeze({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "en")),
);

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

/** English name of a country, or undefined for an unknown code. Case-insensitive. */
export function countryName(code: string): string | undefined {
  const normalized = normalizeCountryCode(code);
  return Object.hasOwn(NAMES, normalized) ? NAMES[normalized] : undefined;
}

/** Every country, sorted by English name (for selects and filters). */
export function listCountries(): readonly Country[] {
  return SORTED;
}
