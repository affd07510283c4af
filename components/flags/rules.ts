import { RULE_CATALOG } from "@/lib/rules/catalog";

const TITLES = new Map<string, string>(RULE_CATALOG.map((rule) => [rule.id, rule.title]));

/** The catalog's title of a rule; the id itself for a rule no longer in the catalog (old flags outlive it). */
export function ruleTitle(ruleId: string): string {
  return TITLES.get(ruleId) ?? ruleId;
}

/** Rules for a filter's select, in catalog order. */
export const RULE_OPTIONS: readonly { id: string; title: string }[] = RULE_CATALOG.map((rule) => ({ id: rule.id, title: rule.title }));
