import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { countOpenNoticeFindings } from "@/db/queries/notices";
import { appLocale } from "@/components/registers/locale-format";
import { todayIso } from "@/lib/clock";
import { enumLabel, formatNumber } from "@/lib/labels";
import { getNoticeInForce } from "@/lib/notices/service";
import { SEVERITIES } from "@/db/schema/enum-values";

/** The dashboard's card: the notice in force and how many of its promises the register contradicts, by severity. */
export async function NoticeCard() {
  const database = db();
  const [t, locale, notice, counts] = await Promise.all([
    getTranslations("notice"),
    getLocale().then(appLocale),
    getNoticeInForce({ db: database, today: todayIso() }),
    countOpenNoticeFindings({ db: database }),
  ]);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <section aria-labelledby="notice-card-title" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="notice-card">
      <h2 id="notice-card-title" className="font-semibold">
        {t("card.title")}
      </h2>
      {notice ? (
        <>
          <p className="mt-1 text-sm text-slate-700">{t("card.inForce", { notice: `${notice.title} (${notice.versionLabel})` })}</p>
          <p className="mt-2 text-sm">{t("card.findings", { count: total, formatted: formatNumber(total, locale) })}</p>
          {total > 0 ? (
            <ul className="mt-1 flex flex-wrap gap-3 text-sm">
              {[...SEVERITIES].reverse().map((severity) =>
                counts[severity] ? (
                  <li key={severity}>
                    {enumLabel("severity", severity, locale)}: {formatNumber(counts[severity], locale)}
                  </li>
                ) : null,
              )}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-700">{t("card.none")}</p>
      )}
      <p className="mt-2 text-sm">
        <Link href="/notice" className="text-brand-700 underline">
          {t("card.open")}
        </Link>
      </p>
    </section>
  );
}
