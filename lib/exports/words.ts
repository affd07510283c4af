import { countryName, enumLabel, formatDate, formatNumber } from "@/lib/labels";
import { RULE_IDS, type RuleId } from "@/lib/rules";
import { isNoticeRuleId } from "@/lib/rules/notice-rules";
import type { ReportLanguage } from "./report";

/*
 * The words every report writes around its values, in the report's language: yes and no, "none", a period,
 * a list. Values themselves come from the label catalogue (lib/labels): a person reads labels, never the
 * codes the register stores, which stay in the JSON exports only (beside their labels).
 */

const WORDS = {
  en: {
    yes: "Yes",
    no: "No",
    none: "None",
    noneLower: "none",
    notRecorded: "Not recorded",
    notApplicable: "Not applicable",
    period: (from: string, to: string) => `${from} to ${to}`,
    until: (date: string) => `until ${date}`,
  },
  fr: {
    yes: "Oui",
    no: "Non",
    none: "Aucun",
    noneLower: "aucun",
    notRecorded: "Non renseigné",
    notApplicable: "Sans objet",
    period: (from: string, to: string) => `du ${from} au ${to}`,
    until: (date: string) => `jusqu'au ${date}`,
  },
} as const satisfies Record<ReportLanguage, unknown>;

export type Words = (typeof WORDS)[ReportLanguage];

export function words(language: ReportLanguage): Words {
  return WORDS[language];
}

/** "label: value" in the language's typography: French puts a space before the colon. */
export function colon(language: ReportLanguage): string {
  return language === "fr" ? "\u00a0: " : ": ";
}

export const yesNo = (value: boolean, language: ReportLanguage) => (value ? WORDS[language].yes : WORDS[language].no);

/** A register date (YYYY-MM-DD) as the catalogue writes it ("17 Mar 2026", "17 mars 2026"); null stays null. */
export function day(value: string | null | undefined, language: ReportLanguage): string | null {
  return value ? formatDate(value, language) : null;
}

/** A month of the facts' "as of" (YYYY-MM) in words: "November 2026", "novembre 2026"; a full date as a day. */
export function asOfMonth(value: string, language: ReportLanguage): string {
  if (!/^\d{4}-\d{2}$/.test(value)) return formatDate(value, language);
  return new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${value}-01T00:00:00Z`));
}

/** "25 Nov 2025 to 24 Nov 2026" / "du 25 nov. 2025 au 24 nov. 2026". */
export function period(from: string, to: string, language: ReportLanguage): string {
  return WORDS[language].period(formatDate(from, language), formatDate(to, language));
}

/** An instant: its UTC day as the catalogue writes it, then the time of day (the exports' times are UTC). */
export function instant(value: Date, language: ReportLanguage): string {
  return `${formatDate(value.toISOString().slice(0, 10), language)} ${value.toISOString().slice(11, 19)} UTC`;
}

export function count(value: number, language: ReportLanguage): string {
  return formatNumber(value, language);
}

/** A country's name in the report's language ("Chine"), the code itself only when the package does not know it. */
export function country(code: string, language: ReportLanguage): string {
  return countryName(code, language) ?? code;
}

/** "CN China" / "CN Chine": the code a regulator files by, and the name a person reads. */
export function countryWithCode(code: string, language: ReportLanguage): string {
  const name = countryName(code, language);
  return name && name !== code ? `${code} ${name}` : code;
}

export const isRuleId = (value: string): value is RuleId => (RULE_IDS as readonly string[]).includes(value);

/** A rule's title; a rule since removed from the catalog keeps its id, the only name it still has. */
export function ruleTitle(ruleId: string, language: ReportLanguage): string {
  // The privacy-notice findings (notice.*) are flags like the others and have titles of their own.
  return isRuleId(ruleId) || isNoticeRuleId(ruleId) ? enumLabel("rule", ruleId, language) : ruleId;
}

/** Values of a "; "-separated aggregate (the export queries' lists), each through `label`. */
export function labelList(value: string | null, label: (item: string) => string, separator = "; "): string | null {
  if (!value) return null;
  return value
    .split(separator)
    .map((item) => label(item))
    .join("; ");
}

export function joined(values: readonly string[]): string | null {
  return values.length ? values.join("; ") : null;
}
