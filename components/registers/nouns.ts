/*
 * The shared register parts name what a register holds with the English noun their callers pass ("processors",
 * "data categories", "processing activity"). Messages cannot put that noun in French grammar, so each noun is
 * a key (registers.nouns.*, registers.delete.*) and the English noun is its fallback.
 */

/** "data categories" → "dataCategories": the message key of a caller's noun. */
export function nounKey(noun: string): string {
  return noun
    .trim()
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join("");
}

/** A translator narrowed to what the noun look-up needs (next-intl's `t` of the `registers` namespace). */
interface NounTranslator {
  (key: string): string;
  has(key: string): boolean;
}

/** The register's noun (plural, as the sentences use it) in the reader's language; the caller's own noun if unknown. */
export function registerNoun(t: NounTranslator, noun: string): string {
  const key = `nouns.${nounKey(noun)}`;
  return t.has(key) ? t(key) : noun;
}
