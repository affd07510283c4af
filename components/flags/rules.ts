import type { Locale } from "@/lib/i18n/locales";
import { enumLabel, enumOptions, isEnumValue } from "@/lib/labels";
import { RULE_IDS, type RuleId } from "@/lib/rules/types";

const KNOWN = new Set<string>(RULE_IDS);

/** A rule's title in the reader's language; the id itself for a rule no longer in the catalog (old flags outlive it). */
export function ruleTitle(ruleId: string, locale: Locale): string {
  // The notice rules (lib/rules/notice-rules.ts) are in the catalogue too, beside the register's.
  return KNOWN.has(ruleId) || isEnumValue("rule", ruleId) ? enumLabel("rule", ruleId as RuleId, locale) : ruleId;
}

/** Rules for a filter's select, in the catalogue's order. */
export function ruleOptions(locale: Locale): readonly { value: string; label: string }[] {
  return enumOptions("rule", locale);
}
