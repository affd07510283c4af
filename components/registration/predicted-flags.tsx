import { useLocale, useTranslations } from "next-intl";
import { SeverityBadge } from "@/components/flags/badges";
import { engineLang, flagMessage, langWhereDifferent } from "@/components/flags/lang";
import { appLocale } from "@/components/registers/locale-format";
import type { Locale } from "@/lib/i18n/locales";
import { countryName, enumLabel, flagRemediation } from "@/lib/labels";
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

// Stand-ins (private-use characters, never in a message) for the placeholders of "why": the sentence is
// translated whole, then each stand-in is replaced by its text in its own language's element.
const CITATION = "\uE000";
const REMEDIATION = "\uE001";

/**
 * "{citation}. To fix: {remediation}" in the reader's language, the citation (quoted as the engine stores it,
 * in English) and the remediation each marked with the language it is in.
 */
function Why({ flag, t, locale }: { flag: FlagForecast; t: Translate; locale: Locale }) {
  const remediation = flagRemediation(flag.ruleId, flag.remediation, locale);
  const sentence = t("why", { citation: CITATION, remediation: REMEDIATION });
  return (
    <p className="text-xs text-slate-600">
      {sentence.split(/(\uE000|\uE001)/).map((part, index) =>
        part === CITATION ? (
          <span key={index} lang={engineLang(locale)}>
            {flag.citation}
          </span>
        ) : part === REMEDIATION ? (
          <span key={index} lang={langWhereDifferent(remediation.lang, locale)}>
            {remediation.text}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
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
              {/* The engine's sentence in the reader's language; an English one is marked so on a French page. */}
              <p className="text-slate-800" lang={flagMessage(flag, locale).lang}>
                {flagMessage(flag, locale).text}
              </p>
              <Why flag={flag} t={t} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
