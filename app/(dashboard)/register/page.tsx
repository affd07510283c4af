import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { appLocale } from "@/components/registers/locale-format";
import { ResubmitButton } from "@/components/registration/resubmit-button";
import { StatusBadge } from "@/components/review/status-badge";
import { Button } from "@/components/ui/button";
import { requirePageActor } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/labels";
import { listVendorsRegisteredBy } from "@/lib/registration/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registration");
  return { title: t("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ submitted?: string }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const { submitted } = await searchParams;
  const [vendors, t, locale] = await Promise.all([listVendorsRegisteredBy(db(), actor.id), getTranslations("registration"), getLocale().then(appLocale)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("mine.intro")}</p>
      <Button asChild>
        <Link href="/register/new">{t("title")}</Link>
      </Button>
      {submitted && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="submitted-message">
          {t("mine.submitted")}
        </p>
      )}
      <section aria-labelledby="my-vendors-heading" className="space-y-2">
        <h2 id="my-vendors-heading" className="text-xl font-semibold">
          {t("mine.heading")}
        </h2>
        {vendors.length === 0 ? (
          <p className="text-sm">{t("mine.empty")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="my-vendors">
            <caption className="sr-only">{t("mine.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3">
                  {t("mine.vendor")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("mine.status")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("mine.review")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  <span className="sr-only">{t("mine.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {vendors.map((vendor) => (
                <tr key={vendor.id} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-3">
                    <Link href={`/processors/${vendor.id}`} className="text-brand-700 underline">
                      {vendor.name}
                    </Link>
                  </td>
                  <td className="py-1 pr-3">
                    <StatusBadge status={vendor.status} />
                  </td>
                  <td className="py-1 pr-3">
                    {vendor.reviewedAt ? (
                      <>
                        {vendor.reviewerName ?? t("formerUser")},{" "}
                        <time dateTime={vendor.reviewedAt.toISOString()}>{formatDateTime(vendor.reviewedAt, locale)}</time>
                        {vendor.reviewComment && <span className="block whitespace-pre-wrap text-slate-700">{t("mine.comment", { comment: vendor.reviewComment })}</span>}
                      </>
                    ) : (
                      <span className="text-slate-700">{vendor.status === "submitted" ? t("mine.waiting") : t("mine.notReviewed")}</span>
                    )}
                  </td>
                  <td className="py-1 pr-3">
                    {vendor.status === "draft" && (
                      <Link href={`/register/new?draft=${vendor.id}`} className="text-brand-700 underline" data-testid="continue-draft">
                        {t("mine.continue")}
                        <span className="sr-only"> {t("mine.continueWhich", { name: vendor.name })}</span>
                      </Link>
                    )}
                    {vendor.status === "rejected" && (
                      <span className="flex flex-wrap items-start gap-3">
                        <Link href={`/processors/${vendor.id}/edit`} className="py-2 text-brand-700 underline" data-testid="fix-vendor">
                          {t("mine.fix")}
                          <span className="sr-only"> {vendor.name}</span>
                        </Link>
                        <ResubmitButton processorId={vendor.id} processorName={vendor.name} version={vendor.version} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
