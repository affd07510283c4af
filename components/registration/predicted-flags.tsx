import { useLocale, useTranslations } from "next-intl";
import { SeverityBadge } from "@/components/flags/badges";
import { appLocale } from "@/components/registers/locale-format";
import type { Locale } from "@/lib/i18n/locales";
import { countryName, enumLabel } from "@/lib/labels";
import type { PredictedFlagSubject } from "@/lib/registration/predicted-flag";
import type { FlagForecast } from "./types";

type Translate = ReturnType<typeof useTranslations<"registration.predicted">>;

/** What a flag is on, in the reader's language: the vendor, a transfer by its destination, an agreement by its type. */
function subjectWords(about: PredictedFlagSubject, t: Translate, locale: Locale): string {
  switch (about.kind) {
    case "processor":
      return t("vendor");
    case "transfer":
      return about.country === undefined ? t("otherTransfer") : t("transferTo", { country: countryName(about.country, locale) });
    case "agreement":
      return about.agreementType === undefined ? t("otherAgreement") : enumLabel("agreementType", about.agreementType, locale);
  }
}

/** The flags the vendor will raise once submitted, worst first: severity, title, what it is about and why. */
export function PredictedFlags({ forecast, error }: { forecast: readonly FlagForecast[] | null; error: string | null }) {
  const t = useTranslations("registration.predicted");
  const locale = appLocale(useLocale());
  return (
    <section aria-labelledby="predicted-flags-heading" aria-live="polite" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="predicted-flags">
      <h3 id="predicted-flags-heading" className="mb-1 text-lg font-semibold">
        {t("heading")}
      </h3>
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      {error && <p className="text-sm text-red-700">{t("unavailable", { error })}</p>}
      {!forecast && !error && <p className="text-sm text-slate-600">{t("checking")}</p>}
      {forecast && forecast.length === 0 && <p className="text-sm text-slate-700">{t("none")}</p>}
      {forecast && forecast.length > 0 && (
        <ul className="space-y-3" data-testid="predicted-flag-list">
          {forecast.map((flag) => (
            <li key={`${flag.ruleId}|${flag.subject}`} className="text-sm" data-testid="predicted-flag" data-rule-id={flag.ruleId}>
              <p>
                {/* The title from the catalogue, in the reader's language; the server's own is English. */}
                <SeverityBadge severity={flag.severity} /> <span className="font-semibold">{enumLabel("rule", flag.ruleId, locale)}</span>
                <span className="text-slate-700"> · {subjectWords(flag.about, t, locale)}</span>
              </p>
              <p className="text-slate-800">{flag.message}</p>
              <p className="text-xs text-slate-600">{t("why", { citation: flag.citation, remediation: flag.remediation })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
