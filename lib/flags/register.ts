import "server-only";
import { listFlagRegisterRows, type FlagRegisterRow, type ListFlagRegisterInput } from "@/db/queries/flags";
import { todayIso } from "@/lib/clock";
import { LOCALES } from "@/lib/i18n/locales";
import { enumLabel } from "@/lib/labels";
import { RULE_CATALOG } from "@/lib/rules/catalog";
import { NOTICE_RULE_IDS } from "@/lib/rules/notice-rules";

/*
 * The flag register as the API and the Flags page read it: the rows of db/queries/flags.ts with the
 * catalog's title of each rule, whether an accepted risk has outlived its end date, and a search that also
 * matches rule titles (which live in the catalog, not the database), in every language of the UI.
 */

// The notice rules (lib/rules/notice-rules.ts) have no catalog entry: their titles are the label catalogue's.
const RULE_TITLES = new Map<string, string>([
  ...RULE_CATALOG.map((rule) => [rule.id, rule.title] as const),
  ...NOTICE_RULE_IDS.map((id) => [id, enumLabel("rule", id)] as const),
]);

/** Every title a reader may type, per rule: the catalog's, and the label catalogue's in each language of the UI. */
const SEARCHABLE_TITLES: readonly (readonly [string, readonly string[]])[] = [...RULE_CATALOG.map((rule) => rule.id), ...NOTICE_RULE_IDS].map((id) => [
  id,
  [RULE_TITLES.get(id)!, ...LOCALES.map((locale) => enumLabel("rule", id, locale))].map((title) => title.toLocaleLowerCase()),
]);

/** The rules whose title (in any language) or id contains the text (case-insensitive on the titles). */
function rulesMatching(q: string): string[] {
  const text = q.toLocaleLowerCase();
  return SEARCHABLE_TITLES.filter(([id, titles]) => id.includes(text) || titles.some((title) => title.includes(text))).map(([id]) => id);
}

/** A row of the register as it crosses the wire (lib/api/contracts/flags.ts flagListRow). */
export interface FlagListRow extends FlagRegisterRow {
  /**
   * An accepted risk whose end date has passed. The flag reopens the day after that date, at the next
   * evaluation of the dates (at start, then hourly): until then the register says the acceptance has expired
   * rather than showing it as current.
   */
  acceptanceExpired: boolean;
}

/** Whether `flag`'s acceptance ended before `today` (both YYYY-MM-DD, so they compare as text). */
export function isAcceptanceExpired(flag: Pick<FlagRegisterRow, "status" | "acceptedUntil">, today: string): boolean {
  return flag.status === "accepted" && flag.acceptedUntil !== null && flag.acceptedUntil < today;
}

/** One page of the flag register, worst first then most recently seen; total for the pager. `today` defaults to the clock's. */
export async function listFlagRegister({
  today = todayIso(),
  ...input
}: ListFlagRegisterInput & { today?: string }): Promise<{ rows: FlagListRow[]; total: number; page: number; pageSize: number }> {
  const search = input.q?.trim();
  const result = await listFlagRegisterRows({ ...input, searchRuleIds: search ? rulesMatching(search) : [] });
  return {
    ...result,
    // The title goes right after the rule id, as the wire row has always had it; the new field goes last.
    rows: result.rows.map(({ id, version, ruleId, ...rest }) => ({
      id,
      version,
      ruleId,
      ruleTitle: RULE_TITLES.get(ruleId) ?? ruleId,
      ...rest,
      acceptanceExpired: isAcceptanceExpired(rest, today),
    })),
  };
}
