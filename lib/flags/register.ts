import "server-only";
import { listFlagRegisterRows, type FlagRegisterRow, type ListFlagRegisterInput } from "@/db/queries/flags";
import { RULE_CATALOG } from "@/lib/rules/catalog";

/*
 * The flag register as the API and the Flags page read it: the rows of db/queries/flags.ts with the
 * catalog's title of each rule, and a search that also matches rule titles (which live in the catalog, not
 * the database).
 */

const RULE_TITLES = new Map<string, string>(RULE_CATALOG.map((rule) => [rule.id, rule.title]));

/** The rules whose catalog title or id contains the text (case-insensitive on the title). */
function rulesMatching(q: string): string[] {
  const text = q.toLowerCase();
  return [...RULE_TITLES].filter(([id, title]) => title.toLowerCase().includes(text) || id.includes(text)).map(([id]) => id);
}

/** One page of the flag register, worst first then most recently seen; total for the pager. */
export async function listFlagRegister(input: ListFlagRegisterInput): Promise<{ rows: FlagRegisterRow[]; total: number; page: number; pageSize: number }> {
  const search = input.q?.trim();
  const result = await listFlagRegisterRows({ ...input, searchRuleIds: search ? rulesMatching(search) : [] });
  return {
    ...result,
    // The title goes right after the rule id, as the wire row has always had it.
    rows: result.rows.map(({ id, version, ruleId, ...rest }) => ({ id, version, ruleId, ruleTitle: RULE_TITLES.get(ruleId) ?? ruleId, ...rest })),
  };
}
