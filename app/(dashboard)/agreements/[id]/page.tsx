import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { getAgreementDetail, listCurrentFlagsOfTransfers, listTransfersCoveredByAgreement } from "@/db/queries/agreements-register";
import { listRecordHistory } from "@/db/queries/audit";
import { listFlagDetailsForSubject } from "@/db/queries/flags";
import { AgreementStateBadge } from "@/components/agreements/agreement-state-badge";
import { RecordHistory } from "@/components/audit/record-history";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { FlagList } from "@/components/flags/flag-list";
import { RecordStatusBadge } from "@/components/processors/status-badge";
import { EditLink } from "@/components/registers/edit-link";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { RelatedTransfersTable } from "@/components/registers/related-transfers-table";
import { TransferFlagsList } from "@/components/registers/transfer-flags";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { countryName, enumLabel } from "@/lib/labels";
import { addDays } from "@/lib/rules/iso-date";
import { uuid } from "@/lib/validation/common";
import { acceptRisk } from "@/app/(dashboard)/flags/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements");
  return { title: t("detail.metaTitle") };
}

const sectionHeading = "mb-3 text-lg font-semibold";
// The page shows the first covered transfers; the transfer register, filtered on the processor, has them all.
const TRANSFER_LIMIT = 50;
const FLAG_LIMIT = 30;
const HISTORY_LIMIT = 20;

export default async function AgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  // A malformed id is an unknown agreement (404), not a database error.
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const today = todayIso();
  const detail = await getAgreementDetail({ db: database, id, today });
  if (!detail) notFound();
  const { agreement, state, processor } = detail;
  const [covered, ownFlags, history, t, tr, locale] = await Promise.all([
    listTransfersCoveredByAgreement({ db: database, agreement, limit: TRANSFER_LIMIT }),
    listFlagDetailsForSubject({ db: database, subjectType: "agreement", subjectId: id }),
    listRecordHistory({ db: database, recordType: "agreement", recordId: id, limit: HISTORY_LIMIT }),
    getTranslations("agreements"),
    getTranslations("registers"),
    getLocale().then(appLocale),
  ]);
  const format = localeFormatters(locale);
  const transferFlags = await listCurrentFlagsOfTransfers({ db: database, transferIds: covered.rows.map((row) => row.id), limit: FLAG_LIMIT });
  const acceptance = actor.role === "dpo" ? { acceptRisk, minDate: addDays(today, 1) } : undefined;
  const title = t("detail.title", { type: enumLabel("agreementType", agreement.type, locale), processor: processor.name });
  const date = (value: string | null, none: string) => (value ? format.date(value) : none);

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label={tr("breadcrumb")} className="text-sm">
          <Link href="/agreements" className="text-brand-700 underline">
            {t("register.title")}
          </Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{title}</h1>
          {/* An agreement has no owner of its own: who may edit its processor may edit it. */}
          <div className="flex flex-wrap gap-2">
            <EditLink href={`/agreements/${id}/edit`} actor={userActor(actor)} record={processor} label={t("detail.edit")} />
            {/* Deleting an agreement uncovers transfers of an approved register: the DPO's decision (as in the API). */}
            {actor.role === "dpo" && (
              <DeleteRecordButton endpoint={`/api/v1/agreements/${id}`} version={agreement.version} noun="agreement" afterPath="/agreements" />
            )}
          </div>
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
          <AgreementStateBadge state={state} />
          <span>{agreement.expiryDate ? t("detail.expires", { date: format.date(agreement.expiryDate) }) : t("detail.noExpiryDate")}</span>
        </p>
      </div>

      <section aria-labelledby="agreement-facts">
        <h2 id="agreement-facts" className={sectionHeading}>
          {t("detail.facts")}
        </h2>
        <DetailsList
          testId="agreement-facts"
          items={[
            { term: t("facts.type"), value: enumLabel("agreementType", agreement.type, locale) },
            { term: t("facts.sccModule"), value: agreement.sccModule ? enumLabel("sccModule", agreement.sccModule, locale) : null },
            { term: t("facts.signed"), value: date(agreement.signedDate, t("notSigned")) },
            { term: t("facts.effective"), value: date(agreement.effectiveDate, t("facts.onSignature")) },
            { term: t("facts.expiry"), value: date(agreement.expiryDate, t("noExpiry")) },
            { term: t("facts.permitsSubprocessing"), value: yesNo(agreement.permitsSubprocessing, locale) },
            { term: t("facts.flowDown"), value: yesNo(agreement.flowDown, locale) },
            { term: t("facts.covers"), value: agreement.coversAllTransfers ? t("coverage.all") : t("coverage.theListed") },
            { term: t("facts.documentRef"), value: agreement.documentRef },
            { term: t("facts.notes"), value: agreement.notes ? <span className="whitespace-pre-line">{agreement.notes}</span> : null },
          ]}
        />
      </section>

      <section aria-labelledby="agreement-processor">
        <h2 id="agreement-processor" className={sectionHeading}>
          {t("detail.processor")}
        </h2>
        <p className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <Link href={`/processors/${processor.id}`} className="font-medium text-brand-700 underline">
            {processor.name}
          </Link>
          <span className="text-slate-700">{countryName(processor.country, locale)}</span>
          <RecordStatusBadge status={processor.status} />
        </p>
      </section>

      <section aria-labelledby="agreement-transfers">
        <h2 id="agreement-transfers" className={sectionHeading}>
          {t("detail.transfersCovered", { count: format.number(covered.total) })}
        </h2>
        <RelatedTransfersTable
          rows={covered.rows}
          label={t("detail.transfersCoveredTable")}
          emptyText={agreement.coversAllTransfers ? t("detail.processorNoTransfer") : t("detail.listsNoTransfer")}
          format={format}
        />
        {covered.total > covered.rows.length && (
          <p className="mt-2 text-sm">
            <Link href={`/transfers?processorId=${processor.id}`} className="text-brand-700 underline">
              {t("detail.allTransfersTo", { processor: processor.name })}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="agreement-transfer-flags">
        <h2 id="agreement-transfer-flags" className={sectionHeading}>
          {t("detail.transferFlags")}
        </h2>
        <TransferFlagsList flags={transferFlags} emptyText={t("detail.noTransferFlag")} />
      </section>

      <section aria-labelledby="agreement-flags">
        <h2 id="agreement-flags" className={sectionHeading}>
          {t("detail.ownFlags")}
        </h2>
        <FlagList flags={ownFlags} acceptance={acceptance} emptyText={t("detail.noOwnFlag")} />
      </section>

      <DocumentsPanel owner={{ field: "agreementId", id }} actor={actor} />

      <section aria-labelledby="agreement-history">
        <h2 id="agreement-history" className={sectionHeading}>
          {t("detail.history")}
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          // The audit trail is for the DPO and the auditors; engineers see the record's own history here.
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=agreement&recordId=${id}` : undefined}
          emptyText={t("detail.noHistory")}
        />
      </section>
    </div>
  );
}
