"use client";

import { clsx } from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { localeCookieString, type LocaleCookie } from "@/lib/auth/locale-cookie";
import type { Locale } from "@/lib/i18n/locales";
import type { ChooseLocaleAction } from "./language-switch-types";

/**
 * Each language named in itself ("Français" in the English UI too): whoever cannot read the current language
 * must still find their own. A Record, so that a new locale cannot be forgotten here.
 */
const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: "English", fr: "Français" };
const LANGUAGES = Object.keys(LANGUAGE_NAMES) as Locale[];

/**
 * "English / Français". Signed in, `choose` (the shell's server action) stores the choice on the account and
 * sets this browser's cookie; on the sign-in page nobody is signed in yet, so `cookie` remembers it in this
 * browser only. Either way the page then renders again in the chosen language, at the same address.
 */
export function LanguageSwitch({ choose, cookie, className }: { choose?: ChooseLocaleAction; cookie?: LocaleCookie; className?: string }) {
  const t = useTranslations("layout");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);

  function pick(locale: Locale) {
    if (locale === current) return;
    setFailed(false);
    startTransition(async () => {
      if (choose) {
        const result = await choose({ locale });
        if (!result.ok) {
          setFailed(true);
          return;
        }
      } else if (cookie) {
        document.cookie = localeCookieString(locale, cookie);
      }
      router.refresh();
    });
  }

  return (
    <div className={clsx("flex items-center gap-2", className)}>
      <div role="group" aria-label={t("language.label")} className="inline-flex text-sm" data-testid="language-switch">
        {LANGUAGES.map((locale, index) => {
          const active = locale === current;
          return (
            <span key={locale} className="inline-flex items-center">
              {index > 0 && (
                <span aria-hidden="true" className="px-1 text-slate-400">
                  /
                </span>
              )}
              <button
                type="button"
                lang={locale}
                aria-pressed={active}
                disabled={pending}
                onClick={() => pick(locale)}
                data-testid={`language-${locale}`}
                className={clsx(
                  "rounded px-1.5 py-0.5",
                  active ? "font-semibold text-slate-900" : "text-brand-700 underline hover:text-brand-800",
                  pending && "opacity-60",
                )}
              >
                {LANGUAGE_NAMES[locale]}
              </button>
            </span>
          );
        })}
      </div>
      {failed && (
        <p role="alert" className="text-xs text-red-700" data-testid="language-switch-error">
          {t("language.failed")}
        </p>
      )}
    </div>
  );
}
