import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { listFlagDetailsForSubject } from "@/db/queries/flags";
import { getTransferDetail, listAgreementsCoveringTransfer, listTransferCategories } from "@/db/queries/transfers";
import { RecordHistory } from "@/components/audit/record-history";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { FlagList } from "@/components/flags/flag-list";
import { AgreementsTable } from "@/components/processors/agreements-table";
import { DataCategoriesTable } from "@/components/transfers/data-categories-table";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { TransferStatusBadge } from "@/components/transfers/transfer-status-badge";
import { EditLink, mayEdit } from "@/components/registers/edit-link";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import type { Locale } from "@/lib/i18n/locales";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { addDays } from "@/lib/rules/iso-date";
import { countryName, enumLabel, formatDate } from "@/lib/labels";
import { uuid } from "@/lib/validation/common";
import { acceptRisk } from "@/app/(dashboard)/flags/actions";
import { TiaSection } from "@/components/tia/tia-section";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("transfers");
  return { title: t("detail.metaTitle") };
}

const sectionHeading = "mb-3 text-lg font-semibold";
const HISTORY_LIMIT = 20;

type Translate = Awaited<ReturnType<typeof getTranslations<"transfers">>>;

/** "Certified until 1 Mar 2027, with the UK Extension": the UK Extension decides UK data to a US importer. */
function dpfCertification(
  processor: { dpfCertified: boolean; dpfExpiry: string | null; dpfUkExtension: boolean },
  t: Translate,
  locale: Locale,
): string {
  if (!processor.dpfCertified) return t("dpf.notCertified");
  const uk = String(processor.dpfUkExtension);
  return processor.dpfExpiry ? t("dpf.certifiedUntil", { date: formatDate(processor.dpfExpiry, locale), uk }) : t("dpf.certified", { uk });
}

export default async function TransferPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  // A malformed id is an unknown transfer (404), not a database error.
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const detail = await getTransferDetail({ db: database, id });
  if (!detail) notFound();
  const { transfer, activity, exporter, processor } = detail;
  const [categories, agreements, flags, history] = await Promise.all([
    listTransferCategories({ db: database, transferId: id }),
    listAgreementsCoveringTransfer({ db: database, transferId: id, processorId: processor.id }),
    listFlagDetailsForSubject({ db: database, subjectType: "transfer", subjectId: id }),
    listRecordHistory({ db: database, recordType: "transfer", recordId: id, limit: HISTORY_LIMIT }),
  ]);
  const [t, tr, tf, locale] = await Promise.all([
    getTranslations("transfers"),
    getTranslations("registers"),
    getTranslations("forms"),
    getLocale().then(appLocale),
  ]);
  const region = (code: string) => (tf.has(`subjectRegions.${code}`) ? tf(`subjectRegions.${code}`) : code);
  const { number } = localeFormatters(locale);
  const country = (code: string) => countryName(code, locale);
  const date = (value: string | null, none: string | null) => (value ? formatDate(value, locale) : none);
  const today = todayIso();
  const acceptance = actor.role === "dpo" ? { acceptRisk, minDate: addDays(today, 1) } : undefined;
  const route = t("route", { origin: country(transfer.originCountry), destination: country(transfer.destinationCountry) });
  // The PIPL facts matter for an export from mainland China; elsewhere they show only once one is recorded.
  const showsPipl =
    transfer.originCountry === "CN" ||
    transfer.reExportOfForeignData ||
    transfer.importantData ||
    transfer.piplExemption !== null ||
    transfer.piplSeparateConsent ||
    transfer.pipiaDate !== null;

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label={tr("breadcrumb")} className="text-sm">
          <Link href="/transfers" className="text-brand-700 underline">
            {t("register.title")}
          </Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{t("detail.title", { processor: processor.name })}</h1>
          <div className="flex flex-wrap gap-2">
            <EditLink href={`/transfers/${id}/edit`} actor={userActor(actor)} record={transfer} label={t("detail.edit")} />
            {mayEdit(userActor(actor), transfer) && (
              <DeleteRecordButton endpoint={`/api/v1/transfers/${id}`} version={transfer.version} noun="transfer" afterPath="/transfers" />
            )}
          </div>
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
          <span>{route}</span>
          <span aria-hidden="true">·</span>
          <span>{activity.name}</span>
          <TransferStatusBadge status={transfer.status} />
        </p>
      </div>

      <section aria-labelledby="transfer-facts">
        <h2 id="transfer-facts" className={sectionHeading}>
          {t("detail.facts")}
        </h2>
        <DetailsList
          testId="transfer-facts"
          items={[
            {
              term: t("facts.processor"),
              value: (
                <Link href={`/processors/${processor.id}`} className="text-brand-700 underline">
                  {processor.name}
                </Link>
              ),
            },
            { term: t("facts.exporter"), value: t("facts.exporterValue", { name: exporter.name, country: country(exporter.country) }) },
            { term: t("facts.origin"), value: country(transfer.originCountry) },
            { term: t("facts.destination"), value: country(transfer.destinationCountry) },
            { term: t("facts.accessType"), value: enumLabel("accessType", transfer.accessType, locale) },
            { term: t("facts.subjectRegions"), value: transfer.subjectRegions.map(region).join(", ") },
            {
              term: t("facts.volume"),
              value: t("volume", { count: transfer.estimatedSubjects, number: number(transfer.estimatedSubjects), unit: transfer.volumeUnit }),
            },
            { term: t("facts.frequency"), value: enumLabel("frequency", transfer.frequency, locale) },
            { term: t("facts.mechanism"), value: enumLabel("transferMechanism", transfer.mechanism, locale) },
            { term: t("facts.encryptionInTransit"), value: enumLabel("encryptionInTransit", transfer.encryptionInTransit, locale) },
            { term: t("facts.encryptionAtRest"), value: enumLabel("encryptionAtRest", transfer.encryptionAtRest, locale) },
            { term: t("facts.tia"), value: date(transfer.tiaDate, t("noneRecorded")) },
            { term: t("facts.startDate"), value: date(transfer.startDate, null) },
            { term: t("facts.endDate"), value: date(transfer.endDate, null) },
            { term: t("facts.dpf"), value: dpfCertification(processor, t, locale) },
            { term: t("facts.notes"), value: transfer.notes ? <span className="whitespace-pre-line">{transfer.notes}</span> : null },
          ]}
        />
      </section>

      <section aria-labelledby="transfer-doj">
        <h2 id="transfer-doj" className={sectionHeading}>
          {t("doj.heading")}
        </h2>
        <DetailsList
          testId="transfer-doj"
          items={[
            { term: t("doj.exemption"), value: transfer.dojExemption ? enumLabel("dojExemption", transfer.dojExemption, locale) : t("noneClaimed") },
            ...(transfer.dojExemption
              ? [{ term: t("doj.justification"), value: <span className="whitespace-pre-line">{transfer.dojExemptionJustification}</span> }]
              : []),
            { term: t("doj.cisa"), value: yesNo(transfer.cisaRequirementsMet, locale) },
            { term: t("doj.coveredPerson"), value: yesNo(processor.coveredPerson, locale) },
          ]}
        />
      </section>

      {showsPipl && (
        <section aria-labelledby="transfer-pipl">
          <h2 id="transfer-pipl" className={sectionHeading}>
            {t("pipl.heading")}
          </h2>
          <DetailsList
            testId="transfer-pipl"
            items={[
              { term: t("pipl.ciio"), value: yesNo(exporter.ciio, locale) },
              { term: t("pipl.reExport"), value: yesNo(transfer.reExportOfForeignData, locale) },
              { term: t("pipl.importantData"), value: yesNo(transfer.importantData, locale) },
              { term: t("pipl.exemption"), value: transfer.piplExemption ? enumLabel("piplExemption", transfer.piplExemption, locale) : t("noneClaimed") },
              { term: t("pipl.separateConsent"), value: transfer.piplSeparateConsent ? t("pipl.obtained") : t("pipl.notRecorded") },
              { term: t("pipl.pipia"), value: date(transfer.pipiaDate, t("noneRecorded")) },
            ]}
          />
        </section>
      )}

      <section aria-labelledby="transfer-activity">
        <h2 id="transfer-activity" className={sectionHeading}>
          {t("activity.heading")}
        </h2>
        <DetailsList
          testId="transfer-activity"
          items={[
            { term: t("activity.name"), value: activity.name },
            { term: t("activity.purpose"), value: activity.purpose },
            { term: t("activity.legalBasis"), value: enumLabel("legalBasis", activity.legalBasis, locale) },
            { term: t("activity.art9Condition"), value: activity.art9Condition ? enumLabel("art9Condition", activity.art9Condition, locale) : t("noneRecorded") },
            { term: t("activity.disclosure"), value: enumLabel("disclosureType", activity.disclosureType, locale) },
            { term: t("activity.dataSubjects"), value: activity.dataSubjectCategories.join(", ") },
            { term: t("activity.retention"), value: activity.retentionPeriod ?? t("activity.notRecorded") },
          ]}
        />
      </section>

      <section aria-labelledby="transfer-categories">
        <h2 id="transfer-categories" className={sectionHeading}>
          {t("detail.categories")}
        </h2>
        <DataCategoriesTable categories={categories} />
      </section>

      <section aria-labelledby="transfer-agreements">
        <h2 id="transfer-agreements" className={sectionHeading}>
          {t("detail.agreements")}
        </h2>
        <AgreementsTable agreements={agreements} today={today} emptyText={t("detail.noAgreement")} />
      </section>

      <TiaSection transferId={id} locale={locale} canDraft={actor.role === "dpo" || mayEdit(userActor(actor), transfer)} />

      <section aria-labelledby="transfer-flags">
        <h2 id="transfer-flags" className={sectionHeading}>
          {t("detail.flags")}
        </h2>
        <FlagList flags={flags} acceptance={acceptance} emptyText={t("detail.noFlag")} />
      </section>

      <DocumentsPanel owner={{ field: "transferId", id }} actor={actor} />

      <section aria-labelledby="transfer-history">
        <h2 id="transfer-history" className={sectionHeading}>
          {t("detail.history")}
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          // The audit trail is for the DPO and the auditors; engineers see the record's own history here.
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=transfer&recordId=${id}` : undefined}
          emptyText={t("detail.noHistory")}
        />
      </section>
    </div>
  );
}
