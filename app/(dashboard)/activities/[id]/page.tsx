import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { getActivityDetail, listActivityCategories, listTransfersOfActivity } from "@/db/queries/activities-register";
import { listCurrentFlagsOfTransfers } from "@/db/queries/agreements-register";
import { listRecordHistory } from "@/db/queries/audit";
import { ActivityCategoriesTable } from "@/components/activities/activity-categories-table";
import { ActivityStatusBadge } from "@/components/activities/activity-status";
import { DocumentLink } from "@/components/activities/document-link";
import { subjectCategoryLabel } from "@/components/activities/subject-categories";
import { RecordHistory } from "@/components/audit/record-history";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { EditLink } from "@/components/registers/edit-link";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { RelatedTransfersTable } from "@/components/registers/related-transfers-table";
import { TransferFlagsList } from "@/components/registers/transfer-flags";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { requirePageActor } from "@/lib/auth/guard";
import { countryName, enumLabel } from "@/lib/labels";
import { uuid } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activities");
  return { title: t("detail.metaTitle") };
}

const sectionHeading = "mb-3 text-lg font-semibold";
// The page shows the first transfers; the flags listed are theirs.
const TRANSFER_LIMIT = 50;
const FLAG_LIMIT = 30;
const HISTORY_LIMIT = 20;
/** Editing an activity is the DPO's whoever proposed it (an engineer's draft rule never covers one). */
const DPO_ONLY_RECORD = { createdByUserId: null, status: "approved" } as const;

export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  // A malformed id is an unknown activity (404), not a database error.
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const detail = await getActivityDetail({ db: database, id });
  if (!detail) notFound();
  const { activity, controller, proposedBy } = detail;
  const [transfers, categories, history, locale, t] = await Promise.all([
    listTransfersOfActivity({ db: database, activityId: id, limit: TRANSFER_LIMIT }),
    listActivityCategories({ db: database, activityId: id }),
    listRecordHistory({ db: database, recordType: "activity", recordId: id, limit: HISTORY_LIMIT }),
    getLocale().then(appLocale),
    getTranslations("activities"),
  ]);
  const format = localeFormatters(locale);
  const transferFlags = await listCurrentFlagsOfTransfers({ db: database, transferIds: transfers.rows.map((row) => row.id), limit: FLAG_LIMIT });
  // Art. 30(1)(f) and (g) are asked "where possible": the same test as the register's "incomplete" filter.
  const missingRetention = !activity.retentionPeriod;
  const missingSecurity = !activity.securityMeasures;
  const missing = missingRetention && missingSecurity ? "both" : missingRetention ? "retention" : missingSecurity ? "security" : null;
  const link = (value: string | null) => (value ? <DocumentLink value={value} /> : null);
  const retainedPerPolicy = activity.retainedPerPolicy === null ? t("detail.notAssessed") : yesNo(activity.retainedPerPolicy, locale);

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label={t("detail.breadcrumb")} className="text-sm">
          <Link href="/activities" className="text-brand-700 underline">
            {t("register.title")}
          </Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold">
            {activity.name} <ActivityStatusBadge status={activity.status} />
          </h1>
          <div className="flex flex-wrap gap-2">
            <EditLink href={`/activities/${id}/edit`} actor={userActor(actor)} record={DPO_ONLY_RECORD} label={t("detail.edit")} />
            {actor.role === "dpo" && (
              <DeleteRecordButton endpoint={`/api/v1/activities/${id}`} version={activity.version} noun="processing activity" afterPath="/activities" />
            )}
          </div>
        </div>
        <p className="mt-1 text-slate-700">{activity.purpose}</p>
      </div>

      {activity.status === "submitted" && (
        <p className="rounded-md border border-blue-300 bg-blue-50 px-4 py-3 text-sm text-blue-900" data-testid="activity-awaiting-review">
          {activity.submittedAt
            ? t("detail.awaitingReviewOn", { proposer: proposedBy ?? t("detail.formerUser"), date: format.date(activity.submittedAt) })
            : t("detail.awaitingReview", { proposer: proposedBy ?? t("detail.formerUser") })}
          {actor.role === "dpo" && (
            <>
              {" "}
              <Link href="/review" className="text-brand-700 underline">
                {t("detail.reviewInQueue")}
              </Link>
              .
            </>
          )}
        </p>
      )}
      {activity.status === "rejected" && (
        <p className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="activity-rejected">
          {activity.reviewedAt
            ? t("detail.rejectedOn", { date: format.date(activity.reviewedAt), comment: activity.reviewComment ?? t("detail.noComment") })
            : t("detail.rejected", { comment: activity.reviewComment ?? t("detail.noComment") })}
        </p>
      )}

      {missing && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="record-incomplete">
          {t("detail.incomplete", { missing })}
        </p>
      )}

      <section aria-labelledby="activity-facts">
        <h2 id="activity-facts" className={sectionHeading}>
          {t("detail.recordHeading")}
        </h2>
        <DetailsList
          testId="activity-facts"
          items={[
            { term: t("detail.reviewStatus"), value: enumLabel("recordStatus", activity.status, locale) },
            { term: t("detail.controller"), value: t("detail.controllerValue", { name: controller.name, country: countryName(controller.country, locale) }) },
            { term: t("detail.jointController"), value: activity.jointController },
            { term: t("detail.businessFunction"), value: activity.businessFunction },
            { term: t("detail.purpose"), value: activity.purpose },
            { term: t("detail.legalBasis"), value: enumLabel("legalBasis", activity.legalBasis, locale) },
            { term: t("detail.legitimateInterest"), value: activity.legitimateInterest },
            { term: t("detail.art9Condition"), value: activity.art9Condition ? enumLabel("art9Condition", activity.art9Condition, locale) : t("detail.noneRecorded") },
            { term: t("detail.disclosure"), value: enumLabel("disclosureType", activity.disclosureType, locale) },
            { term: t("detail.dataSubjects"), value: activity.dataSubjectCategories.map((value) => subjectCategoryLabel(value, (key) => t(`subjects.${key}`))).join(", ") },
            { term: t("detail.retentionPeriod"), value: activity.retentionPeriod ?? t("detail.notRecorded") },
            {
              term: t("detail.securityMeasures"),
              value: activity.securityMeasures ? <span className="whitespace-pre-line">{activity.securityMeasures}</span> : t("detail.notRecorded"),
            },
            {
              term: t("detail.securityChecklist"),
              value:
                activity.securityChecklist.length > 0 ? (
                  <ul className="list-disc pl-4" data-testid="activity-security-checklist">
                    {activity.securityChecklist.map((measure) => (
                      <li key={measure}>{enumLabel("securityMeasure", measure, locale)}</li>
                    ))}
                  </ul>
                ) : (
                  t("detail.noneTicked")
                ),
            },
            { term: t("detail.applications"), value: activity.applications },
            { term: t("detail.source"), value: activity.source },
            { term: t("detail.automatedDecisionMaking"), value: yesNo(activity.automatedDecisionMaking, locale) },
            {
              term: t("detail.dpiaRequired"),
              value: activity.dpiaRequired ? (
                activity.dpiaReference ? (
                  <>
                    {yesNo(true, locale)} (<DocumentLink value={activity.dpiaReference} />)
                  </>
                ) : (
                  yesNo(true, locale)
                )
              ) : (
                yesNo(false, locale)
              ),
            },
            { term: t("detail.lastChanged"), value: format.date(activity.updatedAt) },
          ]}
        />
      </section>

      <section aria-labelledby="activity-ico">
        <h2 id="activity-ico" className={sectionHeading}>
          {t("detail.icoHeading")}
        </h2>
        <DetailsList
          testId="activity-ico"
          items={[
            { term: t("fields.liaReference"), value: link(activity.liaReference) },
            { term: t("fields.consentRecordReference"), value: link(activity.consentRecordReference) },
            { term: t("fields.breachOccurred"), value: yesNo(activity.breachOccurred, locale) },
            ...(activity.breachOccurred ? [{ term: t("fields.breachRecordReference"), value: link(activity.breachRecordReference) }] : []),
            { term: t("fields.schedule1Condition"), value: activity.schedule1Condition },
            { term: t("fields.policyDocumentReference"), value: link(activity.policyDocumentReference) },
            { term: t("fields.retainedPerPolicy"), value: retainedPerPolicy },
            ...(activity.retainedPerPolicy === false ? [{ term: t("fields.policyDeviationReason"), value: activity.policyDeviationReason }] : []),
          ]}
        />
      </section>

      <section aria-labelledby="activity-categories">
        <h2 id="activity-categories" className={sectionHeading}>
          {t("detail.categoriesHeading")}
        </h2>
        <ActivityCategoriesTable categories={categories} format={format} />
      </section>

      <section aria-labelledby="activity-transfers" id="activity-transfers-section">
        <h2 id="activity-transfers" className={sectionHeading}>
          {t("detail.transfersHeading", { count: format.number(transfers.total) })}
        </h2>
        <RelatedTransfersTable rows={transfers.rows} label={t("detail.transfersTableLabel")} emptyText={t("detail.noTransfer")} format={format} />
        {transfers.total > transfers.rows.length && (
          <p className="mt-2 text-sm text-slate-600">{t("detail.firstTransfers", { shown: format.number(transfers.rows.length), total: format.number(transfers.total) })}</p>
        )}
      </section>

      <section aria-labelledby="activity-flags">
        <h2 id="activity-flags" className={sectionHeading}>
          {t("detail.flagsHeading")}
        </h2>
        <TransferFlagsList flags={transferFlags} emptyText={t("detail.noFlag")} />
      </section>

      <DocumentsPanel owner={{ field: "activityId", id }} actor={actor} />

      <section aria-labelledby="activity-history">
        <h2 id="activity-history" className={sectionHeading}>
          {t("detail.historyHeading")}
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          // The audit trail is for the DPO and the auditors; engineers see the record's own history here.
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=activity&recordId=${id}` : undefined}
          emptyText={t("detail.noHistory")}
        />
      </section>
    </div>
  );
}
