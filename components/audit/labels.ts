import { factLabel } from "@/components/flags/format";
import {
  auditFieldLabel as sharedFieldLabel,
  auditScalarParts,
  type AuditTranslator,
  type ValuePart,
} from "@/lib/audit/labels";
import type { Locale } from "@/lib/i18n/locales";

/*
 * An audit event on the audit pages, in the reader's language. The words and the field and value mapping are
 * lib/audit/labels.ts's, which the audit trail export reads too; what is the pages' own: a field without a
 * label by the flags' fact words (acronyms kept), absent and empty told apart, an object shown as its JSON.
 */

// `t` is the audit namespace's translator, as the pages hold it: useTranslations("audit") / getTranslations("audit").
export { auditActionLabel, auditActorLabel, auditRecordText, auditRecordTypeLabel, type AuditTranslator, type ValuePart } from "@/lib/audit/labels";

/** A changed field's name: the catalogue's label for the record type, else audit.keys, else its words. */
export function auditFieldLabel(t: AuditTranslator, recordType: string, key: string, locale: Locale): string {
  return sharedFieldLabel(t, recordType, key, locale, factLabel);
}

/**
 * A before/after value of a diff as pieces: labels for codes, names for categories and countries, dates and
 * numbers in the reader's format, lists comma-separated; absent and null told apart; an object as its JSON.
 */
export function auditValueParts(t: AuditTranslator, recordType: string, key: string, value: unknown, locale: Locale): ValuePart[] {
  if (value === undefined) return [{ text: t("values.absent") }];
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ text: t("values.emptyList") }];
    return value.flatMap((item, index) => [...(index > 0 ? [{ text: ", " }] : []), ...auditScalarParts(t, recordType, key, item, locale)]);
  }
  if (typeof value === "object" && value !== null) return [{ text: JSON.stringify(value), code: true }];
  return auditScalarParts(t, recordType, key, value, locale);
}
