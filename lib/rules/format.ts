/* Message formatting: findings are read by people, so numbers get en-US thousands separators. */

const NUMBER = new Intl.NumberFormat("en-US");
const LIST = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/** 1240 -> "1,240". */
export function formatCount(value: number): string {
  return NUMBER.format(value);
}

/** ["CN", "HK"] -> "CN and HK"; ["CN", "HK", "MO"] -> "CN, HK, and MO". */
export function formatList(items: readonly string[]): string {
  // Intl formatting costs microseconds a call, and a full pass formats the same few lists (countries,
  // categories) in tens of thousands of messages.
  const key = items.join("\u0000");
  let formatted = LISTS.get(key);
  if (formatted === undefined) {
    formatted = LIST.format(items);
    if (LISTS.size >= 10_000) LISTS.clear();
    LISTS.set(key, formatted);
  }
  return formatted;
}

const LISTS = new Map<string, string>();

/** Sorted, de-duplicated copy (stable facts for the same register). */
export function uniqueSorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}
