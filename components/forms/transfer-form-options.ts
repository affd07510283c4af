import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { enumOptions, listCountries } from "@/lib/labels";
import type { CategoryOption } from "./category-multi-select";
import type { TransferFormOptions } from "./transfer-form";

/** ISO 3166-1 countries by their name in the reader's language (and in its alphabetical order), for every country select. */
export function countryOptions(locale: Locale = DEFAULT_LOCALE) {
  return listCountries(locale).map((country) => ({ value: country.code, label: country.name }));
}

/**
 * The choices of the transfer form, labelled as the register shows them, in the reader's language. `today`
 * bounds the PIPIA date, which records an assessment already made (the server checks it against its own today).
 */
export function transferFormOptions({ today, locale }: { today: string; locale: Locale }): TransferFormOptions {
  return {
    today,
    countries: countryOptions(locale),
    accessTypes: enumOptions("accessType", locale),
    volumeUnits: enumOptions("volumeUnit", locale),
    frequencies: enumOptions("frequency", locale),
    encryptionInTransit: enumOptions("encryptionInTransit", locale),
    encryptionAtRest: enumOptions("encryptionAtRest", locale),
    mechanisms: enumOptions("transferMechanism", locale),
    dojExemptions: enumOptions("dojExemption", locale),
    piplExemptions: enumOptions("piplExemption", locale),
  };
}

/** The regions the rules read (EU/UK for Chapter V, US-CA, CN): the codes the schema accepts, in the form's order. */
const SUBJECT_REGIONS = ["EU", "EEA", "UK", "US", "US-CA", "CN", "HK"] as const;
export type SubjectRegion = (typeof SUBJECT_REGIONS)[number];

/**
 * Where the people whose data flows live, named in the reader's language by `label` (the forms namespace's
 * subjectRegions.<code>); the code is shown beside each, as the rules and exports print it.
 */
export function subjectRegionOptions(label: (region: SubjectRegion) => string): CategoryOption[] {
  return SUBJECT_REGIONS.map((key) => ({ key, label: label(key) }));
}
