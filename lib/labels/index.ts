import { countryName as countryNameOrUndefined, listCountries as listCountriesIn, type Country } from "@/lib/jurisdictions/countries";
import { EN, EN_FIELDS } from "./en";
import { FR, FR_FIELDS } from "./fr";
import type { ContractDuty, EnumCatalogue, EnumKind, EnumValue, FieldCatalogue, FieldName, FieldResource, Locale } from "./kinds";

/*
 * The one label catalogue (issue 16): every enum value and field a person or a regulator reads, in English and
 * French, for the UI, every export, error messages and the API's problem details. Codes stay in data (the
 * database, the API's JSON); anything shown goes through here. Framework-free and without the schema's runtime
 * tuples, so that client components may import it.
 */

export type { ContractDuty, DojStatus, EnumCatalogue, EnumKind, EnumValue, EnumValues, FieldCatalogue, FieldName, FieldResource, Locale } from "./kinds";
export { FIELD_RESOURCES } from "./kinds";
export { formatDate, formatDateTime, formatDayMonth, formatNumber } from "./format";

const CATALOGUES: Readonly<Record<Locale, EnumCatalogue>> = { en: EN, fr: FR };
const FIELDS: Readonly<Record<Locale, FieldCatalogue>> = { en: EN_FIELDS, fr: FR_FIELDS };

// Anything but a known locale reads English: a stale cookie or a bad argument never leaves a label empty.
const catalogue = (locale: Locale): EnumCatalogue => CATALOGUES[locale] ?? EN;

/**
 * enumLabel("transferMechanism", "scc", "fr") -> "Clauses contractuelles types (CCT)". A value read as a plain
 * string (a flag's rule id, a column of text) is accepted too; one the catalogue does not know (the rule of an
 * old flag, since removed) comes back as it is, so that it shows as what it is instead of vanishing.
 */
export function enumLabel<K extends EnumKind>(kind: K, value: EnumValue<K>, locale?: Locale): string;
export function enumLabel(kind: EnumKind, value: string, locale?: Locale): string;
export function enumLabel(kind: EnumKind, value: string, locale: Locale = "en"): string {
  const labels: Readonly<Record<string, string>> = catalogue(locale)[kind];
  const english: Readonly<Record<string, string>> = EN[kind];
  if (Object.hasOwn(labels, value)) return labels[value]!;
  return Object.hasOwn(english, value) ? english[value]! : value;
}

/** Every value of a kind with its label, for a map or a select: enumLabels("encryptionInTransit", "en").tls1_3 -> "TLS 1.3". */
export function enumLabels<K extends EnumKind>(kind: K, locale: Locale = "en"): Readonly<Record<EnumValue<K>, string>> {
  return catalogue(locale)[kind];
}

/** The values of a kind, in the order of its tuple (the English catalogue lists them in that order). */
export function enumValues<K extends EnumKind>(kind: K): readonly EnumValue<K>[] {
  return Object.keys(EN[kind]) as EnumValue<K>[];
}

/** [{ value, label }] in the tuple's order, for a select or radio group. */
export function enumOptions<K extends EnumKind>(kind: K, locale: Locale = "en"): { value: EnumValue<K>; label: string }[] {
  const labels = enumLabels(kind, locale);
  return enumValues(kind).map((value) => ({ value, label: labels[value] }));
}

/**
 * A flag's remediation in the reader's language, and the language it is actually in.
 *
 * A flag stores the English remediation its rule wrote when it fired (lib/rules, Finding.remediation): the rule's
 * own, or for transfer.no-contract the one instrument its recipient needs. Both are in the catalogue
 * (`ruleRemediation` by rule id, `contractRemediation` by duty), so the stored text is matched against them
 * rather than replaced by the rule's: the English reader keeps the exact sentence the engine wrote, and a French
 * reader gets the translation of that same sentence. A text the catalogue does not know (a rule since removed or
 * reworded, whose old flags keep their words) comes back as it is, marked English, for the page to say so
 * (lang="en") rather than show the current rule's advice for a finding it did not make.
 */
export function flagRemediation(ruleId: string, stored: string, locale: Locale = "en"): { text: string; lang: Locale } {
  if (locale === "en" || !Object.hasOwn(CATALOGUES, locale)) return { text: stored, lang: "en" };
  if (isEnumValue("ruleRemediation", ruleId) && EN.ruleRemediation[ruleId] === stored) {
    return { text: enumLabel("ruleRemediation", ruleId, locale), lang: locale };
  }
  const duty = (Object.keys(EN.contractRemediation) as ContractDuty[]).find((key) => EN.contractRemediation[key] === stored);
  if (ruleId === "transfer.no-contract" && duty !== undefined) return { text: enumLabel("contractRemediation", duty, locale), lang: locale };
  return { text: stored, lang: "en" };
}

/** Whether a stored or submitted string is a value of the kind (a flag of a rule no longer in the catalogue is not). */
export function isEnumValue<K extends EnumKind>(kind: K, value: unknown): value is EnumValue<K> {
  return typeof value === "string" && Object.hasOwn(EN[kind], value);
}

/**
 * The labels of a kind as one list for a sentence, in the tuple's order: "Consent; Contract; …". Semicolons,
 * because labels have commas of their own ("Employment, social security and social protection law").
 */
export function enumLabelList<K extends EnumKind>(kind: K, locale: Locale = "en", values: readonly EnumValue<K>[] = enumValues(kind)): string {
  const labels = enumLabels(kind, locale);
  return values.map((value) => labels[value]).join("; ");
}

/**
 * fieldLabel("transfer", "encryptionAtRest", "fr") -> "Chiffrement au repos". A field name read as a string (an
 * error's path) is accepted; one without a label comes back as it is.
 */
export function fieldLabel<R extends FieldResource>(resource: R, field: FieldName<R>, locale?: Locale): string;
export function fieldLabel(resource: FieldResource, field: string, locale?: Locale): string;
export function fieldLabel(resource: FieldResource, field: string, locale: Locale = "en"): string {
  const labels: Readonly<Record<string, string>> = (FIELDS[locale] ?? EN_FIELDS)[resource];
  const english: Readonly<Record<string, string>> = EN_FIELDS[resource];
  if (Object.hasOwn(labels, field)) return labels[field]!;
  return Object.hasOwn(english, field) ? english[field]! : field;
}

/** Whether a field name (a column, an error's path) has a label for the resource. */
export function isLabelledField<R extends FieldResource>(resource: R, field: string): field is FieldName<R> {
  return Object.hasOwn(EN_FIELDS[resource], field);
}

/** countryName("CN", "fr") -> "Chine"; an unknown code is shown as it is rather than dropped. */
export function countryName(code: string, locale: Locale = "en"): string {
  return countryNameOrUndefined(code, locale) ?? code;
}

/** Every country sorted by its name in the locale, for a select. */
export function listCountries(locale: Locale = "en"): readonly Country[] {
  return listCountriesIn(locale);
}
