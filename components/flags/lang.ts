import type { Locale } from "@/lib/i18n/locales";

/**
 * The lang attribute of a text written in `text` on a page in `page`: set only where they differ. The rules
 * engine writes its messages (and the citations it quotes) in English, stored as written; on a French page they
 * are marked lang="en" so that a screen reader reads them with English pronunciation and the browser hyphenates
 * them as English.
 */
export function langWhereDifferent(text: Locale, page: Locale): Locale | undefined {
  return text === page ? undefined : text;
}

/** The lang attribute of what the engine wrote in English (a flag's message, its citation) on a page in `page`. */
export function engineLang(page: Locale): Locale | undefined {
  return langWhereDifferent("en", page);
}

/**
 * A flag's finding in the reader's language: the engine's French wording on a French page when it has one
 * (`messageFr`, empty for a flag not re-evaluated since findings were worded in French), else its English, marked.
 */
export function flagMessage(flag: { message: string; messageFr?: string | null }, page: Locale): { text: string; lang: Locale | undefined } {
  if (page === "fr" && flag.messageFr) return { text: flag.messageFr, lang: undefined };
  return { text: flag.message, lang: engineLang(page) };
}
