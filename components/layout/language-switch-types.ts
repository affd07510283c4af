import type { ActionResult } from "@/lib/auth/guard";
import type { Locale } from "@/lib/i18n/locales";

export interface ChooseLocaleRequest {
  locale: string;
}

export interface ChosenLocale {
  locale: Locale;
}

/** The shell's server action, passed in by the layout so that components never import from app/. */
export type ChooseLocaleAction = (input: ChooseLocaleRequest) => Promise<ActionResult<ChosenLocale>>;
