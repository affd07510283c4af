import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { countryName, formatDate } from "@/lib/labels";
import { countryProfile } from "@/lib/tia/country-profiles";

/** Beside step 3: the destination's profile (laws with their citations and sources, practice, "as of" date), or "no profile yet". */
export async function CountryProfilePanel({ country, locale }: { country: string; locale: Locale }) {
  const t = await getTranslations("tia");
  const profile = countryProfile(country);
  const name = countryName(country, locale);
  if (!profile) {
    return (
      <aside className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm" data-testid="country-profile" aria-label={t("profile.heading", { country: name })}>
        <p>{t("profile.none", { country: name })}</p>
      </aside>
    );
  }
  return (
    <aside className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm" data-testid="country-profile" aria-labelledby="country-profile-heading">
      <div>
        <h3 id="country-profile-heading" className="font-semibold">
          {t("profile.heading", { country: name })}
        </h3>
        <p className="text-xs text-slate-600">{t("profile.asOf", { date: formatDate(profile.asOf, locale) })}</p>
      </div>
      <p>{profile.summary[locale]}</p>
      <h4 className="font-semibold">{t("profile.laws")}</h4>
      <ul className="space-y-3">
        {profile.laws.map((law) => (
          <li key={law.sourceUrl + law.citation}>
            <p className="font-medium">
              {law.name[locale]} — <span>{law.citation}</span>
            </p>
            <p>{law.allows[locale]}</p>
            <p className="text-xs">
              <a href={law.sourceUrl} className="break-all text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                {t("profile.source", { url: law.sourceUrl })}
              </a>
            </p>
          </li>
        ))}
      </ul>
      <h4 className="font-semibold">{t("profile.practice")}</h4>
      <ul className="list-disc space-y-1 pl-5">
        {profile.practice.map((note) => (
          <li key={note.en}>{note[locale]}</li>
        ))}
      </ul>
    </aside>
  );
}
