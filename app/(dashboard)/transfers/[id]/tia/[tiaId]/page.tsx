import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { getTransferDetail } from "@/db/queries/transfers";
import { appLocale } from "@/components/registers/locale-format";
import { mayEdit } from "@/components/registers/edit-link";
import { CountryProfilePanel } from "@/components/tia/country-profile-panel";
import { TiaForm } from "@/components/tia/tia-form";
import { TiaStatusBadge } from "@/components/tia/tia-section";
import { DetailsList } from "@/components/transfers/details-list";
import { userActor } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/guard";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { listCountries } from "@/lib/jurisdictions/countries";
import { LOCALES } from "@/lib/i18n/locales";
import { countryName, enumLabel, formatDate } from "@/lib/labels";
import { listTiaPeople } from "@/lib/tia/queries";
import { getTia } from "@/lib/tia/service";
import { uuid } from "@/lib/validation/common";
import { finishTia, saveTia } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tia");
  return { title: t("form.metaTitle") };
}

/** One assessment: the guided form while it is a draft (for those who may write it), else as it was completed. */
export default async function TiaPage({ params }: { params: Promise<{ id: string; tiaId: string }> }) {
  const actor = await requirePageActor();
  const { id, tiaId } = await params;
  if (!uuid.safeParse(id).success || !uuid.safeParse(tiaId).success) notFound();
  const [tia, detail] = await Promise.all([getTia({ db: db(), id: tiaId }), getTransferDetail({ db: db(), id })]);
  if (!tia || !detail || tia.transferId !== id) notFound();
  const [t, tt, locale, people] = await Promise.all([getTranslations("tia"), getTranslations("transfers"), getLocale().then(appLocale), listTiaPeople({ db: db() })]);
  const route = tt("route", { origin: countryName(detail.transfer.originCountry, locale), destination: countryName(detail.transfer.destinationCountry, locale) });
  const canDraft = actor.role === "dpo" || mayEdit(userActor(actor), detail.transfer);
  const editable = tia.status === "draft" && canDraft;
  const personName = (userId: string | null) => people.find((person) => person.id === userId)?.name ?? null;
  const profilePanel = <CountryProfilePanel country={tia.profileCountry ?? detail.transfer.destinationCountry} locale={locale} />;
  const text = (value: string | null) => (value ? <span className="whitespace-pre-line">{value}</span> : null);

  return (
    <div className="space-y-6">
      <div>
        <nav className="flex flex-wrap gap-4 text-sm">
          <Link href={`/transfers/${id}`} className="text-brand-700 underline">
            {t("list.backToTransfer")}
          </Link>
          <Link href={`/transfers/${id}/tia`} className="text-brand-700 underline">
            {t("form.backToList")}
          </Link>
        </nav>
        <h1 className="mt-1 text-2xl font-semibold">{t("form.title", { route: `${detail.processor.name} · ${route}` })}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
          <TiaStatusBadge status={tia.status} locale={locale} />
          {tia.completedOn && <span>{t("section.completedOn")} {formatDate(tia.completedOn, locale)}</span>}
        </p>
        {tia.reviewReason && (
          <p className="mt-2 text-sm text-amber-900" data-testid="tia-review-reason">
            {t.rich("form.reviewReason", { reason: tia.reviewReason, en: (chunks) => <span lang="en">{chunks}</span> })}
          </p>
        )}
        <div className="mt-3 flex flex-wrap gap-4 text-sm">
          {LOCALES.map((language) => (
            <a key={language} href={`/api/v1/tia/${tia.id}/pdf?language=${language}`} download className="text-brand-700 underline" data-testid={`tia-pdf-${language}`}>
              {t("form.downloadPdf", { language: enumLabel("locale", language, locale) })}
            </a>
          ))}
        </div>
      </div>

      {editable ? (
        <TiaForm
          tiaId={tia.id}
          version={tia.version}
          initial={{
            transferDescription: tia.transferDescription,
            toolDescription: tia.toolDescription,
            profileCountry: tia.profileCountry,
            lawAssessment: tia.lawAssessment,
            riskLevel: tia.riskLevel,
            measures: tia.measures,
            proceduralSteps: tia.proceduralSteps,
            reviewIntervalMonths: tia.reviewIntervalMonths,
            outcome: tia.outcome,
            conclusion: tia.conclusion,
            authorUserId: tia.authorUserId,
            reviewerUserId: tia.reviewerUserId,
            completedOn: null,
          }}
          people={people.filter((person) => !person.disabledAt || person.id === tia.authorUserId || person.id === tia.reviewerUserId).map((person) => ({ value: person.id, label: person.name }))}
          countries={listCountries(locale).map((country) => ({ value: country.code, label: country.name }))}
          profilePanel={profilePanel}
          canComplete={actor.role === "dpo"}
          save={saveTia}
          complete={finishTia}
        />
      ) : (
        <div className="space-y-4" data-testid="tia-view">
          {tia.status !== "draft" && <p className="text-sm text-slate-700">{t("form.readOnly", { status: enumLabel("tiaStatus", tia.status, locale) })}</p>}
          <DetailsList
            items={[
              { term: t("form.step1"), value: text(tia.transferDescription) },
              { term: t("form.step2"), value: text(tia.toolDescription) },
              { term: t("form.profileCountry"), value: tia.profileCountry ? countryName(tia.profileCountry, locale) : null },
              { term: t("form.lawAssessment"), value: text(tia.lawAssessment) },
              { term: t("form.riskLevel"), value: tia.riskLevel ? enumLabel("tiaRiskLevel", tia.riskLevel, locale) : null },
              {
                term: t("form.step4"),
                value: tia.measures.length ? (
                  <ul className="list-disc pl-5">
                    {tia.measures.map((measure, index) => (
                      <li key={index}>
                        {enumLabel("supplementaryMeasureKind", measure.kind, locale)}: {measure.description}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t("form.noMeasure")
                ),
              },
              { term: t("form.proceduralSteps"), value: text(tia.proceduralSteps) },
              { term: t("form.reviewIntervalMonths"), value: String(tia.reviewIntervalMonths) },
              { term: t("form.outcome"), value: tia.outcome ? enumLabel("tiaOutcome", tia.outcome, locale) : null },
              { term: t("form.conclusion"), value: text(tia.conclusion) },
              { term: t("form.author"), value: personName(tia.authorUserId) },
              { term: t("form.reviewer"), value: personName(tia.reviewerUserId) },
            ]}
          />
          {profilePanel}
        </div>
      )}
      {/* The signed assessment and its annexes, filed with the TIA itself (issue 17.2). */}
      <DocumentsPanel owner={{ field: "tiaId", id: tia.id }} actor={actor} />
    </div>
  );
}
