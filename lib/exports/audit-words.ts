// use-intl/core, not next-intl: this module also runs outside React (CLI scripts, the notification runner), where
// next-intl's entry loads React bindings that the react-server condition lacks.
import { createTranslator } from "use-intl/core";
import {
  auditActionLabel as actionLabel,
  auditActorLabel as actorLabel,
  auditFieldLabel as fieldLabel,
  auditRecordText as recordText,
  auditRecordTypeLabel as recordTypeLabel,
  auditScalarParts,
  isSnakeCase,
  spelledOut,
  type AuditTranslator,
} from "@/lib/audit/labels";
import en from "@/lib/i18n/messages/en/audit.json";
import fr from "@/lib/i18n/messages/fr/audit.json";
import type { ReportLanguage } from "./report";
import { colon } from "./words";

/*
 * An audit event in the audit trail export, as a person reads it: the audit pages' words and mapping
 * (lib/audit/labels.ts, over the audit messages), so that the trail reads the same on screen and on paper:
 * the action and record type in words, each changed field by its label, each value as a label, a country or a
 * category by its name ("Country: — → United States of America"), never the stored code. What is the export's
 * own: a cell has no code style, so a code no one knows is written out as words, and an absent or empty value
 * is a dash. The event's exact content (what its hash covers) stays in the JSON export, which
 * `npm run audit:verify` reads.
 */

// The audit namespace's messages as next-intl reads them on the pages; one translator per language.
const TRANSLATORS: Readonly<Record<ReportLanguage, AuditTranslator>> = {
  en: createTranslator({ locale: "en", messages: en }) as unknown as AuditTranslator,
  fr: createTranslator({ locale: "fr", messages: fr }) as unknown as AuditTranslator,
};

const translator = (language: ReportLanguage): AuditTranslator => TRANSLATORS[language] ?? TRANSLATORS.en;

export function auditActionLabel(action: string, language: ReportLanguage): string {
  return actionLabel(translator(language), action);
}

export function auditRecordTypeLabel(recordType: string, language: ReportLanguage): string {
  return recordTypeLabel(translator(language), recordType);
}

/** Who acted: a person's label as recorded, the product's own actors ("system (demo data)") in words. */
export function auditActorText(label: string, language: ReportLanguage): string {
  return actorLabel(translator(language), label);
}

/** A field's name as the catalogue labels it for the record type, else the audit messages' word for it, else its key written out. */
export function auditFieldLabel(recordType: string, key: string, language: ReportLanguage): string {
  return fieldLabel(translator(language), recordType, key, language);
}

/** The record an event is about: its id, or for an export the report's name (the id its events carry). */
export function auditRecordText(recordType: string, recordId: string | null, language: ReportLanguage): string | null {
  return recordId === null ? null : recordText(recordType, recordId, language).text;
}

/** One stored value in words: labels for codes, names for countries and categories, dates and numbers as the catalogue writes them, lists and objects spelled out. */
export function auditValueText(recordType: string, key: string, value: unknown, language: ReportLanguage): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map((item) => auditValueText(recordType, key, item, language)).join(", ") : "—";
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `(${entries.map(([k, v]) => `${auditFieldLabel(recordType, k, language)}${colon(language)}${auditValueText(recordType, k, v, language)}`).join("; ")})`;
  }
  return auditScalarParts(translator(language), recordType, key, value, language)
    .map((part) => (part.code && isSnakeCase(part.text) ? spelledOut(part.text) : part.text))
    .join("");
}
