import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { getTransferDetail } from "@/db/queries/transfers";
import { appLocale } from "@/components/registers/locale-format";
import { StartTiaButton } from "@/components/tia/start-tia-button";
import { TiaStatusBadge } from "@/components/tia/tia-section";
import { mayEdit } from "@/components/registers/edit-link";
import { userActor } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/guard";
import { countryName, enumLabel, formatDate } from "@/lib/labels";
import { listTransferTias } from "@/lib/tia/service";
import { uuid } from "@/lib/validation/common";
import { startTia } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tia");
  return { title: t("list.metaTitle") };
}

/** A transfer's impact assessments, newest first, and the way to start one. */
export default async function TransferTiaListPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const detail = await getTransferDetail({ db: db(), id });
  if (!detail) notFound();
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const pageSize = 20;
  const { rows, total } = await listTransferTias({ db: db(), transferId: id, page, pageSize });
  const [t, tt, locale] = await Promise.all([getTranslations("tia"), getTranslations("transfers"), getLocale().then(appLocale)]);
  const canDraft = actor.role === "dpo" || mayEdit(userActor(actor), detail.transfer);
  const hasDraft = rows.some((row) => row.status === "draft");
  const route = tt("route", { origin: countryName(detail.transfer.originCountry, locale), destination: countryName(detail.transfer.destinationCountry, locale) });
  return (
    <div className="space-y-6">
      <div>
        <nav className="text-sm">
          <Link href={`/transfers/${id}`} className="text-brand-700 underline">
            {t("list.backToTransfer")}
          </Link>
        </nav>
        <h1 className="mt-1 text-2xl font-semibold">{t("list.title")}</h1>
        <p className="mt-1 text-slate-700">
          {detail.processor.name} · {route}
        </p>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("list.intro")}</p>
      </div>
      {canDraft && !hasDraft && <StartTiaButton transferId={id} start={startTia} />}
      {!canDraft && <p className="text-sm text-slate-700">{t("list.readOnly")}</p>}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("list.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="tia-list">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-2 pr-4">{t("list.started")}</th>
                <th scope="col" className="py-2 pr-4">{t("list.status")}</th>
                <th scope="col" className="py-2 pr-4">{t("list.completedOn")}</th>
                <th scope="col" className="py-2 pr-4">{t("list.outcome")}</th>
                <th scope="col" className="py-2 pr-4"><span className="sr-only">{t("list.open")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-200" data-testid="tia-row">
                  <td className="py-2 pr-4">{formatDate(row.createdAt, locale)}</td>
                  <td className="py-2 pr-4"><TiaStatusBadge status={row.status} locale={locale} /></td>
                  <td className="py-2 pr-4">{row.completedOn ? formatDate(row.completedOn, locale) : "—"}</td>
                  <td className="py-2 pr-4">{row.outcome ? enumLabel("tiaOutcome", row.outcome, locale) : "—"}</td>
                  <td className="py-2 pr-4">
                    <Link href={`/transfers/${id}/tia/${row.id}`} className="text-brand-700 underline">
                      {t("list.open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > page * pageSize && (
            <Link href={`/transfers/${id}/tia?page=${page + 1}`} className="mt-2 inline-block text-sm text-brand-700 underline">
              {t("list.next")}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
