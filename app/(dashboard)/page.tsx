import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { SeverityBadge } from "@/components/flags/badges";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { RECORD_STATUSES, SEVERITIES } from "@/db/schema/enums";
import { EXPIRY_WINDOW_DAYS, loadDashboardFigures, TREND_DAYS } from "@/lib/cache/dashboard";
import { CategoryMatrix } from "@/components/dashboard/category-matrix";
import { OpenFlagsChart } from "@/components/dashboard/open-flags-chart";
import { ReviewQueue } from "@/components/dashboard/review-queue";
import { FlowMap } from "@/components/dashboard/flow-map";
import { TransferFlow } from "@/components/dashboard/transfer-flow";
import { PopulationSwitch } from "@/components/dashboard/population-switch";
import { dashboardLinks, parsePopulation } from "@/components/dashboard/links";
import { requestFormatters } from "@/lib/format/locale";
import { requestLocale } from "@/lib/i18n/request";
import { countryName, enumLabel } from "@/lib/labels";
import { NoticeCard } from "@/components/notices/notice-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";


const cardClass = "block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600";
const headingClass = "mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor();
  const database = db();
  const today = todayIso();
  // The population the figures count is in the URL (`pending=exclude|include`, as the exports say it), so a
  // link reproduces the view; every figure's link carries it to the list behind it.
  const pending = parsePopulation((await searchParams).pending);
  // Every figure is an aggregate computed in SQL; the flag counts come from the persisted flags.
  const [{ byStatus, openFlags, destinations, expiringAgreements, matrix, flows, trend, reviewQueue, transferTotals }, format, t, locale] = await Promise.all([
    loadDashboardFigures({ db: database, today, pending }),
    requestFormatters(),
    getTranslations("dashboard"),
    requestLocale(),
  ]);
  const counts = new Map(byStatus.map((row) => [row.status, row.count]));
  const severities = [...SEVERITIES].reverse();
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <PopulationSwitch current={pending} />
      </div>
      <p className="text-sm text-slate-600" data-testid="dashboard-population">
        {pending === "exclude" ? t.rich("counting.exclude", { strong }) : t.rich("counting.include", { strong })}
      </p>

      <section aria-labelledby="flags-kpi">
        <h2 id="flags-kpi" className={headingClass}>
          {t("openFlags.heading")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="open-flags-kpi">
          {severities.map((severity) => (
            <li key={severity}>
              <Link href={dashboardLinks.openFlags(pending, severity)} className={cardClass} data-testid={`open-flags-${severity}`}>
                <span className="block text-2xl font-semibold tabular-nums">{format.number(openFlags[severity])}</span>
                <span className="mt-1 flex items-center gap-2 text-sm text-slate-600">
                  <SeverityBadge severity={severity} />
                  <span>{t("openFlags.open", { count: openFlags[severity] })}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="destinations-kpi" className="lg:col-span-2">
          <h2 id="destinations-kpi" className={headingClass}>
            {t("destinations.heading")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {t.rich("destinations.totals", {
              // The counts choose the plural; their text is the catalogue's number format (one per language).
              transfers: transferTotals.transfers,
              transfersText: format.number(transferTotals.transfers),
              flags: transferTotals.openFlags,
              flagsText: format.number(transferTotals.openFlags),
              transfersLink: (chunks) => (
                <Link href={dashboardLinks.transfers(pending)} className="text-brand-700 underline" data-testid="transfer-total">
                  {chunks}
                </Link>
              ),
              flagsLink: (chunks) => (
                <Link href={dashboardLinks.openTransferFlags(pending)} className="text-brand-700 underline" data-testid="transfer-open-flags">
                  {chunks}
                </Link>
              ),
            })}
          </p>
          {destinations.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noTransfer")}</p>
          ) : (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="destinations-kpi">
              {destinations.map((row) => (
                <li key={row.country}>
                  <Link href={dashboardLinks.destination(pending, row.country)} className={cardClass} data-testid={`destination-${row.country}`}>
                    <span className="block text-2xl font-semibold tabular-nums">{format.number(row.count)}</span>
                    <span className="text-sm text-slate-600">{countryName(row.country, locale)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="agreements-kpi" className="space-y-3">
          <h2 id="agreements-kpi" className={headingClass}>
            {t("agreements.heading")}
          </h2>
          <Link href={dashboardLinks.expiringAgreements(pending, EXPIRY_WINDOW_DAYS)} className={cardClass} data-testid="expiring-agreements">
            <span className="block text-2xl font-semibold tabular-nums">{format.number(expiringAgreements)}</span>
            <span className="text-sm text-slate-600">{t("agreements.within", { days: EXPIRY_WINDOW_DAYS })}</span>
          </Link>
          <h2 id="review-kpi" className={headingClass}>
            {t("awaitingReview.heading")}
          </h2>
          <Link href={dashboardLinks.awaitingReview()} className={cardClass} data-testid="awaiting-review">
            <span className="block text-2xl font-semibold tabular-nums">{format.number(reviewQueue.total)}</span>
            <span className="text-sm text-slate-600">{t("awaitingReview.text")}</span>
          </Link>
        </section>
      </div>

      <NoticeCard />

      <section aria-labelledby="processors-kpi">
        <h2 id="processors-kpi" className={headingClass}>
          {t("processors.heading")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("processors.note")}</p>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {RECORD_STATUSES.map((status) => (
            <li key={status}>
              <Link href={dashboardLinks.processorsWithStatus(status)} className={cardClass} data-testid={`processors-${status}`}>
                <span className="block text-2xl font-semibold">{format.number(counts.get(status) ?? 0)}</span>
                <span className="text-sm text-slate-600">{enumLabel("recordStatus", status, locale)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading" className={headingClass}>
          {t("map.heading")}
        </h2>
        {/* The same routes as the flow picture below (one SQL aggregate, countTransferFlows), on the world map. */}
        <FlowMap routes={flows} format={format} pending={pending} />
      </section>

      <section aria-labelledby="flow-heading">
        <h2 id="flow-heading" className={headingClass}>
          {t("flow.heading")}
        </h2>
        <TransferFlow bands={flows} format={format} pending={pending} />
      </section>

      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading" className={headingClass}>
          {t("matrix.heading")}
        </h2>
        <CategoryMatrix cells={matrix} format={format} pending={pending} />
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="trend-heading">
          <h2 id="trend-heading" className={headingClass}>
            {t("trend.heading", { days: TREND_DAYS })}
          </h2>
          <OpenFlagsChart days={trend} format={format} />
        </section>
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading" className={headingClass}>
            <Link href="/review" className="underline">
              {t("queue.heading")}
            </Link>
          </h2>
          <ReviewQueue items={reviewQueue.items} format={format} />
        </section>
      </div>
    </div>
  );
}
