import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { SeverityBadge } from "@/components/flags/badges";
import { engineLang, flagMessage } from "@/components/flags/lang";
import { appLocale } from "@/components/registers/locale-format";
import { ReviewForm } from "@/components/review/review-form";
import { requirePageActor } from "@/lib/auth/guard";
import { countryName, enumLabel } from "@/lib/labels";
import { listSubmittedActivities, listSubmittedVendors } from "@/lib/registration/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

export default async function ReviewPage() {
  await requirePageActor(["dpo"]);
  const database = db();
  const [vendors, activities, t, locale] = await Promise.all([
    listSubmittedVendors(database),
    listSubmittedActivities(database),
    getTranslations("review"),
    getLocale().then(appLocale),
  ]);
  const flagsByVendor = await Promise.all(vendors.map((vendor) => listFlagsForProcessor({ db: database, processorId: vendor.id })));

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {vendors.length === 0 ? (
        <p className="text-sm">{t("vendors.empty")}</p>
      ) : (
        <ul className="space-y-4" aria-label={t("vendors.label")}>
          {vendors.map((vendor, index) => {
            const open = flagsByVendor[index]!.filter((flag) => flag.status === "open");
            return (
              <li key={vendor.id} className="space-y-3 rounded border border-slate-200 p-4" data-testid="review-item">
                <h2 className="text-lg font-semibold">
                  <Link href={`/processors/${vendor.id}`} className="text-brand-700 underline">
                    {vendor.name}
                  </Link>
                </h2>
                <p className="text-sm text-slate-700">
                  {t("vendors.facts", {
                    service: enumLabel("processorService", vendor.service, locale),
                    country: countryName(vendor.country, locale),
                    by: vendor.submittedBy ?? t("formerUser"),
                  })}
                </p>
                <section aria-label={t("vendors.flagsOf", { name: vendor.name })} className="text-sm">
                  <h3 className="font-medium">{t("vendors.openFlags", { count: open.length })}</h3>
                  {open.length === 0 ? (
                    <p>{t("vendors.noFlag")}</p>
                  ) : (
                    <ul className="list-disc space-y-1 pl-5">
                      {open.map((flag) => (
                        <li key={flag.id}>
                          <SeverityBadge severity={flag.severity} /> <span lang={flagMessage(flag, locale).lang}>{flagMessage(flag, locale).text}</span>{" "}
                          <span className="text-slate-700" lang={engineLang(locale)}>
                            ({flag.citation})
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <ReviewForm processorId={vendor.id} processorName={vendor.name} version={vendor.version} />
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="review-activities" className="space-y-4">
        <h2 id="review-activities" className="text-xl font-semibold">
          {t("activities.heading")}
        </h2>
        {activities.length === 0 ? (
          <p className="text-sm">{t("activities.empty")}</p>
        ) : (
          <ul className="space-y-4" aria-label={t("activities.label")}>
            {activities.map((activity) => (
              <li key={activity.id} className="space-y-3 rounded border border-slate-200 p-4" data-testid="activity-review-item">
                <h3 className="text-lg font-semibold">
                  <Link href={`/activities/${activity.id}`} className="text-brand-700 underline">
                    {activity.name}
                  </Link>
                </h3>
                <p className="text-sm text-slate-700">
                  {t("activities.facts", {
                    controller: activity.controllerName,
                    legalBasis: enumLabel("legalBasis", activity.legalBasis, locale),
                    by: activity.submittedBy ?? t("formerUser"),
                  })}
                </p>
                <p className="text-sm">{activity.purpose}</p>
                <ReviewForm subject="activity" processorId={activity.id} processorName={activity.name} version={activity.version} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
