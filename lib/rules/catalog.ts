import { AGREEMENT_RULES } from "./agreement-rules";
import { PROCESSOR_RULES } from "./processor-rules";
import { TRANSFER_RULES } from "./transfer-rules";
import type { Rule, RuleId } from "./types";

/** Every rule of DOMAIN.md §4, in its order. Ids are stable: flags are stored against them. */
export const RULE_CATALOG: readonly Rule[] = [...TRANSFER_RULES, ...AGREEMENT_RULES, ...PROCESSOR_RULES];

const BY_ID = new Map<RuleId, Rule>(RULE_CATALOG.map((rule) => [rule.id, rule]));

export function getRule(id: RuleId): Rule {
  const rule = BY_ID.get(id);
  if (rule === undefined) throw new Error(`Unknown rule ${id}`);
  return rule;
}
