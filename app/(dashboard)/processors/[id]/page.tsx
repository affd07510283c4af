import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { listFlagDetailsForProcessor } from "@/db/queries/flags";
import { getProcessorDetail, listAgreementsByProcessor, listSubProcessors } from "@/db/queries/processors";
import { listTransfersByProcessor } from "@/db/queries/transfers";
import { RecordHistory } from "@/components/audit/record-history";
import { FlagList } from "@/components/flags/flag-list";
import { AgreementsTable } from "@/components/processors/agreements-table";
import { ProcessorTransfersTable } from "@/components/processors/processor-transfers-table";
import { RecordStatusBadge } from "@/components/processors/status-badge";
import { WebsiteLink } from "@/components/processors/website-link";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { ReviewOutcome } from "@/components/review/review-outcome";
import { ActionLink, EditLink, mayEdit } from "@/components/registers/edit-link";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { addDays } from "@/lib/rules/iso-date";
import { countryName, enumLabel, formatDate } from "@/lib/labels";
import { uuid } from "@/lib/validation/common";
import { acceptRisk } from "@/app/(dashboard)/flags/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("processors");
  return { title: t("detail.metaTitle") };
}

const sectionHeading = "mb-3 text-lg font-semibold";
// The page shows the first transfers; the register, filtered on the processor, pages through all of them.
const TRANSFER_LIMIT = 50;
const HISTORY_LIMIT = 20;
// Engagement chains are short in practice; the cap also stops a cycle a bad import could have made.
const CHAIN_DEPTH = 8;

type Executor = ReturnType<typeof db>;

/** The processors above this one, from the one engaged directly down to its parent. */
async function loadEngagementChain(database: Executor, processorId: string, parentId: string | null) {
  const chain: { id: string; name: string; country: string }[] = [];
  const seen = new Set([processorId]);
  let next = parentId;
  while (next && chain.length < CHAIN_DEPTH && !seen.has(next)) {
    seen.add(next);
    const detail = await getProcessorDetail({ db: database, id: next });
    if (!detail) break;
    chain.unshift({ id: detail.processor.id, name: detail.processor.name, country: detail.processor.country });
    next = detail.processor.parentProcessorId;
  }
  return chain;
}

export default async function ProcessorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  // A malformed id is an unknown processor (404), not a database error.
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const detail = await getProcessorDetail({ db: database, id });
  if (!detail) notFound();
  const { processor, ownerName, ownerEmail, parentName } = detail;
  const [subProcessors, chain, transfers, agreements, flags, history] = await Promise.all([
    listSubProcessors({ db: database, parentProcessorId: id }),
    loadEngagementChain(database, id, processor.parentProcessorId),
    listTransfersByProcessor({ db: database, processorId: id, limit: TRANSFER_LIMIT }),
    listAgreementsByProcessor({ db: database, processorId: id }),
    listFlagDetailsForProcessor({ db: database, processorId: id }),
    listRecordHistory({ db: database, recordType: "processor", recordId: id, limit: HISTORY_LIMIT }),
  ]);
  // The next level down too: a sub-processor's own sub-processors receive the data as well (GDPR Art. 28(4)).
  const subSubProcessors = await Promise.all(subProcessors.map((sub) => listSubProcessors({ db: database, parentProcessorId: sub.id })));
  const [t, tr, locale] = await Promise.all([getTranslations("processors"), getTranslations("registers"), getLocale().then(appLocale)]);
  const { number } = localeFormatters(locale);
  const country = (code: string) => countryName(code, locale);
  const today = todayIso();
  const acceptance = actor.role === "dpo" ? { acceptRisk, minDate: addDays(today, 1) } : undefined;

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label={tr("breadcrumb")} className="text-sm">
          <Link href="/processors" className="text-brand-700 underline">
            {t("register.title")}
          </Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{processor.name}</h1>
          <div className="flex flex-wrap gap-2">
            <EditLink href={`/processors/${id}/edit`} actor={userActor(actor)} record={processor} label={t("detail.edit")} />
            {/* Agreements and transfers belong to the processor: the same right as editing it, checked by the services (lib/records/processor-access.ts). */}
            {mayEdit(userActor(actor), processor) && (
              <>
                <ActionLink href={`/transfers/new?processor=${id}`} testId="new-transfer-link">
                  {t("detail.newTransfer")}
                </ActionLink>
                <ActionLink href={`/agreements/new?processor=${id}`} testId="new-agreement-link">
                  {t("detail.newAgreement")}
                </ActionLink>
                <DeleteRecordButton endpoint={`/api/v1/processors/${id}`} version={processor.version} noun="processor" afterPath="/processors" />
              </>
            )}
          </div>
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
          <span>{enumLabel("processorRole", processor.role, locale)}</span>
          <span aria-hidden="true">·</span>
          <span>{country(processor.country)}</span>
          <RecordStatusBadge status={processor.status} />
        </p>
      </div>

      <ReviewOutcome processorId={id} />

      <section aria-labelledby="processor-facts">
        <h2 id="processor-facts" className={sectionHeading}>
          {t("detail.facts")}
        </h2>
        <DetailsList
          testId="processor-facts"
          items={[
            { term: t("facts.legalName"), value: processor.legalName },
            { term: t("facts.website"), value: <WebsiteLink website={processor.website} /> },
            { term: t("facts.role"), value: enumLabel("processorRole", processor.role, locale) },
            { term: t("facts.service"), value: enumLabel("processorService", processor.service, locale) },
            { term: t("facts.country"), value: country(processor.country) },
            {
              term: t("facts.dpf"),
              value: processor.dpfCertified
                ? processor.dpfExpiry
                  ? t("facts.dpfCertifiedDue", { date: formatDate(processor.dpfExpiry, locale) })
                  : t("facts.dpfCertified")
                : t("facts.dpfNotCertified"),
            },
            // The UK's adequacy regulations of 2023 cover a US importer only through the UK Extension.
            { term: t("facts.dpfUk"), value: processor.dpfCertified ? yesNo(processor.dpfUkExtension, locale) : t("facts.notApplicable") },
            { term: t("facts.coveredPerson"), value: yesNo(processor.coveredPerson, locale) },
            {
              term: t("facts.owner"),
              value: ownerName ? (ownerEmail ? t("facts.ownerWithEmail", { name: ownerName, email: ownerEmail }) : ownerName) : t("facts.noOwner"),
            },
            { term: t("facts.status"), value: <RecordStatusBadge status={processor.status} /> },
            {
              term: t("facts.parent"),
              value:
                processor.parentProcessorId ? (
                  <Link href={`/processors/${processor.parentProcessorId}`} className="text-brand-700 underline">
                    {parentName ?? t("facts.parentUnnamed")}
                  </Link>
                ) : (
                  t("facts.engagedDirectly")
                ),
            },
            { term: t("facts.notes"), value: processor.notes ? <span className="whitespace-pre-line">{processor.notes}</span> : null },
          ]}
        />
      </section>

      <section aria-labelledby="processor-subprocessors">
        <h2 id="processor-subprocessors" className={sectionHeading}>
          {t("detail.chain")}
        </h2>
        {chain.length > 0 && (
          <div className="mb-3 text-sm" data-testid="processor-chain-up">
            <p className="text-slate-700">{t("detail.engagedThrough")}</p>
            <ol className="mt-1 flex flex-wrap items-center gap-1">
              {chain.map((link) => (
                <li key={link.id} className="flex items-center gap-1">
                  <Link href={`/processors/${link.id}`} className="text-brand-700 underline">
                    {link.name}
                  </Link>
                  <span className="text-slate-600">({country(link.country)})</span>
                  <span aria-hidden="true">→</span>
                </li>
              ))}
              <li className="font-medium">{processor.name}</li>
            </ol>
          </div>
        )}
        {subProcessors.length === 0 ? (
          <p className="text-sm text-slate-600">{t("detail.noSubProcessor")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="subprocessors">
            {subProcessors.map((sub, index) => (
              <li key={sub.id} className="px-4 py-2">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/processors/${sub.id}`} className="font-medium text-brand-700 underline">
                    {sub.name}
                  </Link>
                  <span className="text-slate-600">
                    {country(sub.country)} · {enumLabel("processorService", sub.service, locale)}
                  </span>
                  <RecordStatusBadge status={sub.status} />
                </div>
                {subSubProcessors[index]!.length > 0 && (
                  <ul className="mt-1 space-y-1 border-l border-slate-200 pl-4" aria-label={t("detail.subProcessorsOf", { name: sub.name })}>
                    {subSubProcessors[index]!.map((subSub) => (
                      <li key={subSub.id} className="flex flex-wrap items-center gap-2">
                        <Link href={`/processors/${subSub.id}`} className="text-brand-700 underline">
                          {subSub.name}
                        </Link>
                        <span className="text-slate-600">{country(subSub.country)}</span>
                        <RecordStatusBadge status={subSub.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="processor-transfers">
        <h2 id="processor-transfers" className={sectionHeading}>
          {t("detail.transfers", { count: number(transfers.total) })}
        </h2>
        <ProcessorTransfersTable rows={transfers.rows} />
        {transfers.total > transfers.rows.length && (
          <p className="mt-2 text-sm">
            <Link href={`/transfers?processorId=${processor.id}`} className="text-brand-700 underline">
              {t("detail.allTransfers", { count: number(transfers.total) })}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="processor-agreements">
        <h2 id="processor-agreements" className={sectionHeading}>
          {t("detail.agreements")}
        </h2>
        <AgreementsTable agreements={agreements} today={today} emptyText={t("detail.noAgreement")} />
        {agreements.length > 0 && (
          <p className="mt-2 text-sm">
            <Link href={`/agreements?processor=${processor.id}`} className="text-brand-700 underline">
              {t("detail.agreementsInRegister")}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="processor-flags">
        <h2 id="processor-flags" className={sectionHeading}>
          {t("detail.flags")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("detail.flagsIntro")}</p>
        <FlagList flags={flags} showSubject acceptance={acceptance} emptyText={t("detail.noFlag")} />
      </section>

      <section aria-labelledby="processor-history">
        <h2 id="processor-history" className={sectionHeading}>
          {t("detail.history")}
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          // The audit trail is for the DPO and the auditors; engineers see the record's own history here.
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=processor&recordId=${id}` : undefined}
          emptyText={t("detail.noHistory")}
        />
      </section>
    </div>
  );
}
