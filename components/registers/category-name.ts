import { categoryNameFr } from "@/lib/taxonomy/names-fr";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A data category's name in the reader's language: the taxonomy's French names (lib/taxonomy/names-fr.ts,
 * the CNIL register's too) in French, the stored name otherwise or when the taxonomy has none for the key.
 */
export function categoryName(category: { key: string; name: string }, locale: Locale): string {
  return locale === "fr" ? categoryNameFr(category) : category.name;
}
