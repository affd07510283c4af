import { factLabel } from "@/components/flags/format";
import { categoryName } from "@/components/registers/category-name";
import type { Locale } from "@/lib/i18n/locales";
import { countryName, enumLabel, fieldLabel, formatDate, formatDateTime, formatNumber, isEnumValue, type EnumKind, type FieldResource } from "@/lib/labels";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";

/*
 * An audit event as a person reads it, in their language: its action and record type in words (audit.actions,
 * audit.recordTypes), each changed field by the catalogue's label for the record, and each value as the label of
 * its code ("TLS 1.3", not "tls1_3"). The stored event (what its hash covers) keeps the codes: the JSON export
 * and `npm run audit:verify` read those. A code none of these know is shown as what it is, an identifier (code).
 */

/** The audit namespace's translator, as next-intl's useTranslations("audit") / getTranslations("audit") give it. */
export interface AuditTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** One piece of a shown value: text to read, or an identifier to show as code. */
export interface ValuePart {
  text: string;
  code?: boolean;
}

/** "change_role" -> "Change role": a code we have no words for (a kind added later), written out rather than shown raw. */
function spelledOut(code: string): string {
  const text = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the event did: "Role changed" / "Changement de rôle"; the registration wizard's "save_step_3" names its step. */
export function auditActionLabel(t: AuditTranslator, action: string): string {
  if (t.has(`actions.${action}`)) return t(`actions.${action}`);
  const step = /^save_step_(\d+)$/.exec(action);
  if (step) return t("actionSaveStep", { step: step[1]! });
  return spelledOut(action);
}

/** What the event is about: "API token" / "Jeton d'API". */
export function auditRecordTypeLabel(t: AuditTranslator, recordType: string): string {
  return t.has(`recordTypes.${recordType}`) ? t(`recordTypes.${recordType}`) : spelledOut(recordType);
}

/** The actors the product itself writes as (lib/auth/actor.ts systemActor labels), in words; a person's label as recorded. */
const SYSTEM_ACTORS: Readonly<Record<string, string>> = {
  system: "system",
  "system (demo data)": "demoData",
  "system (reference data)": "referenceData",
  setup: "setup",
};

export function auditActorLabel(t: AuditTranslator, actorLabel: string): string {
  const key = SYSTEM_ACTORS[actorLabel];
  return key ? t(`actors.${key}`) : actorLabel;
}

/** The record an event names: an export's id is its report (lib/exports/download.ts), which has a name. */
export function auditRecordText(recordType: string, recordId: string, locale: Locale): ValuePart {
  if (recordType === "export" && isEnumValue("exportReport", recordId)) return { text: enumLabel("exportReport", recordId, locale) };
  return { text: recordId, code: true };
}

/** The catalogue's resource whose field labels name an audited record type's keys. */
const RESOURCES: Readonly<Record<string, FieldResource>> = {
  processor: "processor",
  transfer: "transfer",
  agreement: "agreement",
  activity: "activity",
  entity: "entity",
  data_category: "dataCategory",
  flag: "flag",
  user: "user",
  api_token: "token",
  registration_draft: "processor",
};

/** A changed field's name: the catalogue's label for the record type, else audit.keys, else its words. */
export function auditFieldLabel(t: AuditTranslator, recordType: string, key: string, locale: Locale): string {
  const resource = RESOURCES[recordType];
  const label = resource ? fieldLabel(resource, key, locale) : key;
  if (label !== key) return label;
  return t.has(`keys.${key}`) ? t(`keys.${key}`) : factLabel(key);
}

/** Fields whose values are codes of one kind, whatever the record. */
const FIELD_KINDS: Readonly<Record<string, EnumKind>> = {
  service: "processorService",
  mechanism: "transferMechanism",
  accessType: "accessType",
  encryptionInTransit: "encryptionInTransit",
  encryptionAtRest: "encryptionAtRest",
  volumeUnit: "volumeUnit",
  frequency: "frequency",
  legalBasis: "legalBasis",
  art9Condition: "art9Condition",
  disclosureType: "disclosureType",
  sccModule: "sccModule",
  severity: "severity",
  acceptedSeverity: "severity",
  subjectType: "flagSubjectType",
  dojExemption: "dojExemption",
  piplExemption: "piplExemption",
  ccpaCategory: "ccpaCategory",
  dojCategory: "dojCategory",
  dojIdentifierKind: "dojIdentifierKind",
  securityChecklist: "securityMeasure",
  locale: "locale",
  language: "locale",
  ruleId: "rule",
};

/** The kind of a field's values; `status`, `role`, `type` and an export's own fields depend on the record. */
function fieldKind(recordType: string, key: string): EnumKind | undefined {
  switch (key) {
    case "status":
      return recordType === "transfer" ? "transferStatus" : recordType === "flag" ? "flagStatus" : "recordStatus";
    case "role":
      return recordType === "user" ? "userRole" : recordType === "entity" ? "entityRole" : "processorRole";
    case "type":
      return recordType === "agreement" ? "agreementType" : undefined;
    case "format":
      return recordType === "export" ? "exportFormat" : undefined;
    case "pending":
      return recordType === "export" ? "pendingMode" : undefined;
    case "report":
      return recordType === "export" ? "exportReport" : undefined;
    case "template":
      return recordType === "export" ? "ropaTemplate" : undefined;
    default:
      return FIELD_KINDS[key];
  }
}

/** Fields holding data category keys, shown by the category's name. */
const CATEGORY_FIELDS = new Set(["dataCategories", "categoryKey", "categoryKeys", "parentKey"]);
/** Fields holding ISO 3166 country codes. */
const COUNTRY_FIELDS = new Set(["country", "originCountry", "destinationCountry", "exporterCountry"]);

const TAXONOMY_NAMES: ReadonlyMap<string, string> = new Map(DATA_CATEGORY_TAXONOMY.map((category) => [category.key, category.name]));
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** What reads as an identifier rather than words: a snake_case or dotted code, a UUID, a hash. */
const IDENTIFIER = /^(?:[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,})$/i;

function scalarParts(t: AuditTranslator, recordType: string, key: string, value: unknown, locale: Locale): ValuePart[] {
  if (value === null) return [{ text: t("values.empty") }];
  if (value === "") return [{ text: t("values.emptyText") }];
  if (typeof value === "boolean") return [{ text: t(value ? "values.yes" : "values.no") }];
  if (typeof value === "number") return [{ text: formatNumber(value, locale) }];
  if (typeof value !== "string") return [{ text: JSON.stringify(value), code: true }];
  const kind = fieldKind(recordType, key);
  if (kind && isEnumValue(kind, value)) return [{ text: enumLabel(kind, value, locale) }];
  if (CATEGORY_FIELDS.has(key) && TAXONOMY_NAMES.has(value)) {
    return [{ text: categoryName({ key: value, name: TAXONOMY_NAMES.get(value)! }, locale) }];
  }
  if (COUNTRY_FIELDS.has(key) && /^[A-Z]{2}$/.test(value)) return [{ text: countryName(value, locale) }];
  if (ISO_DAY.test(value)) return [{ text: formatDate(value, locale) }];
  if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return [{ text: formatDateTime(new Date(value), locale) }];
  if (IDENTIFIER.test(value)) return [{ text: value, code: true }];
  return [{ text: value }];
}

/**
 * A before/after value of a diff as pieces: labels for codes, names for categories and countries, dates and
 * numbers in the reader's format, lists comma-separated; absent and null told apart; an object as its JSON.
 */
export function auditValueParts(t: AuditTranslator, recordType: string, key: string, value: unknown, locale: Locale): ValuePart[] {
  if (value === undefined) return [{ text: t("values.absent") }];
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ text: t("values.emptyList") }];
    return value.flatMap((item, index) => [...(index > 0 ? [{ text: ", " }] : []), ...scalarParts(t, recordType, key, item, locale)]);
  }
  if (typeof value === "object" && value !== null) return [{ text: JSON.stringify(value), code: true }];
  return scalarParts(t, recordType, key, value, locale);
}
