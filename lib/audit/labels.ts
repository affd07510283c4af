import type { Locale } from "@/lib/i18n/locales";
import {
  countryName,
  enumLabel,
  enumValues,
  fieldLabel,
  formatDate,
  formatDateTime,
  formatNumber,
  isEnumValue,
  type EnumKind,
  type FieldResource,
} from "@/lib/labels";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";
import { categoryNameFr } from "@/lib/taxonomy/names-fr";

/*
 * An audit event as a person reads it, in their language, for the audit pages (components/audit) and the audit
 * trail export (lib/exports/audit-words.ts) alike: its action, record type and system actors in the words of
 * the audit messages (lib/i18n/messages/<locale>/audit.json: actions, recordTypes, actors, keys, values), each
 * changed field by the catalogue's label for the record, and each stored value as what it means: the label of
 * its code ("TLS 1.3", not "tls1_3"), a country or a data category by its name, a date or a number in the
 * reader's format. The stored event (what its hash covers) keeps the codes: the JSON export and
 * `npm run audit:verify` read those. Framework-free (client components import it): the caller hands in the
 * audit namespace's translator.
 */

// i18n-namespace: audit
/** The audit namespace's translator, as next-intl's useTranslations("audit") / getTranslations("audit") / createTranslator give it. */
export interface AuditTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** One piece of a shown value: text to read, or an identifier (an id, a hash, a code none of us knows) to show as code. */
export interface ValuePart {
  text: string;
  code?: boolean;
}

/** "change_role" -> "Change role": a code we have no words for (a kind added later), written out rather than shown raw. */
export function spelledOut(code: string): string {
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

const TAXONOMY_NAMES: ReadonlyMap<string, string> = new Map(DATA_CATEGORY_TAXONOMY.map((category) => [category.key, category.name]));
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
/** What reads as an identifier rather than words: a snake_case or dotted code, a UUID, a hash. */
const IDENTIFIER = /^(?:[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,})$/i;

/** The catalogue's resource whose field labels name an audited record type's keys. */
const RESOURCES: Readonly<Record<string, FieldResource>> = {
  processor: "processor",
  transfer: "transfer",
  agreement: "agreement",
  activity: "activity",
  entity: "entity",
  data_category: "dataCategory",
  flag: "flag",
  // The remediation of a flag (lib/flags/remediation.ts): its assignee, due date, work status and comments.
  flag_remediation: "flag",
  user: "user",
  api_token: "token",
  registration_draft: "processor",
};

/** The columns every record has: labelled alike in every resource, so also for a record type without one. */
const COMMON_FIELDS = new Set(["id", "version", "createdAt", "updatedAt"]);

/**
 * A changed field's name: the catalogue's label for the record type, else the audit messages' keys, else
 * `fallback` (its words; the audit pages pass the flags' fact labels, which know the acronyms).
 */
export function auditFieldLabel(t: AuditTranslator, recordType: string, key: string, locale: Locale, fallback: (key: string) => string = spelledOut): string {
  const resource = RESOURCES[recordType] ?? (COMMON_FIELDS.has(key) ? "processor" : undefined);
  const label = resource ? fieldLabel(resource, key, locale) : key;
  if (label !== key) return label;
  return t.has(`keys.${key}`) ? t(`keys.${key}`) : fallback(key);
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
  art9Conditions: "art9Condition",
  disclosureType: "disclosureType",
  sccModule: "sccModule",
  severity: "severity",
  acceptedSeverity: "severity",
  subjectType: "flagSubjectType",
  workStatus: "flagWorkStatus",
  dojExemption: "dojExemption",
  piplExemption: "piplExemption",
  ccpaCategory: "ccpaCategory",
  dojCategory: "dojCategory",
  dojIdentifierKind: "dojIdentifierKind",
  securityChecklist: "securityMeasure",
  locale: "locale",
  language: "locale",
  ruleId: "rule",
  // A transfer impact assessment (lib/tia).
  outcome: "tiaOutcome",
  riskLevel: "tiaRiskLevel",
};

/** The kind of a field's values; `status`, `role`, `type` and an export's own fields depend on the record. */
export function auditFieldKind(recordType: string, key: string): EnumKind | undefined {
  switch (key) {
    case "status":
      if (recordType === "tia") return "tiaStatus";
      return recordType === "transfer" ? "transferStatus" : recordType === "flag" || recordType === "flag_remediation" ? "flagStatus" : "recordStatus";
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
    case "kind":
      if (recordType === "notice_statement") return "noticeStatementKind";
      return recordType === "document" ? "documentKind" : undefined;
    case "template":
      return recordType === "export" ? "ropaTemplate" : undefined;
    default:
      return FIELD_KINDS[key];
  }
}

/**
 * The kind of a snake_case code found in a field that names none (an old snapshot's key, a list in an import's
 * summary): the first kind that has it, from the most specific codes to the most common words.
 */
const KIND_OF_CODE: ReadonlyMap<string, EnumKind> = (() => {
  const kinds: EnumKind[] = [
    "processorService",
    "transferMechanism",
    "accessType",
    "encryptionInTransit",
    "encryptionAtRest",
    "legalBasis",
    "art9Condition",
    "disclosureType",
    "agreementType",
    "sccModule",
    "dojExemption",
    "piplExemption",
    "dojIdentifierKind",
    "dojCategory",
    "securityMeasure",
    "processorRole",
    "frequency",
    "recordStatus",
  ];
  const map = new Map<string, EnumKind>();
  for (const kind of kinds) for (const value of enumValues(kind)) if (SNAKE_CASE.test(value) && !map.has(value)) map.set(value, kind);
  return map;
})();

/** Fields holding data category keys, shown by the category's name. */
const CATEGORY_FIELDS = new Set(["dataCategories", "categoryKey", "categoryKeys", "parentKey"]);
/** Fields holding ISO 3166 country codes (subjectRegions: beside "EU", "UK" or "US-CA", which read as they are). */
const COUNTRY_FIELDS = new Set(["country", "originCountry", "destinationCountry", "exporterCountry", "recipientCountry", "subjectRegions"]);


/** Whether a shown piece is a snake_case code: the export writes it out (spelledOut), having no code style. */
export const isSnakeCase = (text: string): boolean => SNAKE_CASE.test(text);

/**
 * One stored scalar (a string, a number, a boolean, null, "") as pieces: the label of its code, a category or
 * a country by its name, a date or an instant in the reader's format, a number with its grouping; anything
 * else as it is, an identifier marked as code.
 */
export function auditScalarParts(t: AuditTranslator, recordType: string, key: string, value: unknown, locale: Locale): ValuePart[] {
  if (value === null) return [{ text: t("values.empty") }];
  if (value === "") return [{ text: t("values.emptyText") }];
  if (typeof value === "boolean") return [{ text: t(value ? "values.yes" : "values.no") }];
  if (typeof value === "number") return [{ text: formatNumber(value, locale) }];
  if (typeof value !== "string") return [{ text: JSON.stringify(value), code: true }];
  const kind = auditFieldKind(recordType, key);
  if (kind && isEnumValue(kind, value)) return [{ text: enumLabel(kind, value, locale) }];
  if (CATEGORY_FIELDS.has(key) && TAXONOMY_NAMES.has(value)) {
    const category = { key: value, name: TAXONOMY_NAMES.get(value)! };
    return [{ text: locale === "fr" ? categoryNameFr(category) : category.name }];
  }
  if (COUNTRY_FIELDS.has(key) && /^[A-Z]{2}$/.test(value)) return [{ text: countryName(value, locale) }];
  // A notice statement's value is a category key, a country, a recipient category or a name, by its kind.
  if (recordType === "notice_statement" && key === "value") {
    if (TAXONOMY_NAMES.has(value)) return [{ text: locale === "fr" ? categoryNameFr({ key: value, name: TAXONOMY_NAMES.get(value)! }) : TAXONOMY_NAMES.get(value)! }];
    if (/^[A-Z]{2}$/.test(value)) return [{ text: countryName(value, locale) }];
    if (isEnumValue("processorService", value)) return [{ text: enumLabel("processorService", value, locale) }];
  }
  if (ISO_DAY.test(value)) return [{ text: formatDate(value, locale) }];
  if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return [{ text: formatDateTime(new Date(value), locale) }];
  const codeKind = KIND_OF_CODE.get(value);
  if (codeKind) return [{ text: enumLabel(codeKind, value, locale) }];
  if (IDENTIFIER.test(value)) return [{ text: value, code: true }];
  return [{ text: value }];
}
