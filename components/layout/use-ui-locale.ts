import { useLocale } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The page's language as the label catalogue takes it, in a client component or a synchronous server component.
 * next-intl types it as any string; lib/i18n/request.ts only ever answers one of our locales.
 */
export function useUiLocale(): Locale {
  return useLocale() as Locale;
}
