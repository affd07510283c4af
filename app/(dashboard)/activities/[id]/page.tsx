import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { getActivityDetail, listActivityCategories, listTransfersOfActivity, missingRecordFields } from "@/db/queries/activities-register";
import { listCurrentFlagsOfTransfers } from "@/db/queries/agreements-register";
import { listRecordHistory } from "@/db/queries/audit";
import { ActivityCategoriesTable } from "@/components/activities/activity-categories-table";
import { ACTIVITY_STATUS_WORDS, ActivityStatusBadge } from "@/components/activities/activity-status";
import { RecordHistory } from "@/components/audit/record-history";
import { EditLink } from "@/components/registers/edit-link";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { RelatedTransfersTable } from "@/components/registers/related-transfers-table";
import { TransferFlagsList } from "@/components/registers/transfer-flags";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { countryLabel, humanize } from "@/components/transfers/labels";
import { requirePageActor } from "@/lib/auth/guard";
import { requestFormatters } from "@/lib/format/locale";
import { uuid } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Processing activity" };
export const dynamic = "force-dynamic";

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
  const [transfers, categories, history, format] = await Promise.all([
    listTransfersOfActivity({ db: database, activityId: id, limit: TRANSFER_LIMIT }),
    listActivityCategories({ db: database, activityId: id }),
    listRecordHistory({ db: database, recordType: "activity", recordId: id, limit: HISTORY_LIMIT }),
    requestFormatters(),
  ]);
  const transferFlags = await listCurrentFlagsOfTransfers({ db: database, transferIds: transfers.rows.map((row) => row.id), limit: FLAG_LIMIT });
  const missing = missingRecordFields(activity);

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/activities" className="text-brand-700 underline">
            Processing activities
          </Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold">
            {activity.name} <ActivityStatusBadge status={activity.status} />
          </h1>
          <div className="flex flex-wrap gap-2">
            <EditLink href={`/activities/${id}/edit`} actor={userActor(actor)} record={DPO_ONLY_RECORD} label="Edit activity" />
            {actor.role === "dpo" && (
              <DeleteRecordButton endpoint={`/api/v1/activities/${id}`} version={activity.version} noun="processing activity" afterPath="/activities" />
            )}
          </div>
        </div>
        <p className="mt-1 text-slate-700">{activity.purpose}</p>
      </div>

      {activity.status === "submitted" && (
        <p className="rounded-md border border-blue-300 bg-blue-50 px-4 py-3 text-sm text-blue-900" data-testid="activity-awaiting-review">
          Awaiting the DPO&apos;s review: proposed by {proposedBy ?? "a former user"}
          {activity.submittedAt ? ` on ${format.date(activity.submittedAt)}` : ""}. It enters the exports of approved records once approved.
          {actor.role === "dpo" && (
            <>
              {" "}
              <Link href="/review" className="text-brand-700 underline">
                Review it in the queue
              </Link>
              .
            </>
          )}
        </p>
      )}
      {activity.status === "rejected" && (
        <p className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="activity-rejected">
          Rejected by the DPO{activity.reviewedAt ? ` on ${format.date(activity.reviewedAt)}` : ""}: {activity.reviewComment ?? "no comment"}. It is left out of the exports of approved records.
        </p>
      )}

      {missing.length > 0 && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="record-incomplete">
          The record of processing is incomplete: no {missing.join(" and no ")}.
        </p>
      )}

      <section aria-labelledby="activity-facts">
        <h2 id="activity-facts" className={sectionHeading}>
          Record of processing (GDPR Art. 30)
        </h2>
        <DetailsList
          testId="activity-facts"
          items={[
            { term: "Review status", value: ACTIVITY_STATUS_WORDS[activity.status] },
            { term: "Controller", value: `${controller.name} (${countryLabel(controller.country)})` },
            { term: "Joint controller", value: activity.jointController },
            { term: "Business function", value: activity.businessFunction },
            { term: "Purpose", value: activity.purpose },
            { term: "Legal basis (GDPR Art. 6)", value: <span className="capitalize">{humanize(activity.legalBasis)}</span> },
            { term: "Legitimate interest", value: activity.legitimateInterest },
            { term: "Art. 9 condition", value: activity.art9Condition ? humanize(activity.art9Condition) : "None recorded" },
            { term: "Disclosure", value: humanize(activity.disclosureType) },
            { term: "Data subjects", value: activity.dataSubjectCategories.join(", ") },
            { term: "Retention period", value: activity.retentionPeriod ?? "Not recorded" },
            { term: "Security measures", value: activity.securityMeasures ? <span className="whitespace-pre-line">{activity.securityMeasures}</span> : "Not recorded" },
            { term: "Source of the data", value: activity.source },
            { term: "Automated decision-making", value: yesNo(activity.automatedDecisionMaking) },
            { term: "DPIA required", value: activity.dpiaRequired ? `Yes${activity.dpiaReference ? ` (${activity.dpiaReference})` : ""}` : "No" },
            { term: "Last changed", value: format.date(activity.updatedAt) },
          ]}
        />
      </section>

      <section aria-labelledby="activity-categories">
        <h2 id="activity-categories" className={sectionHeading}>
          Data categories
        </h2>
        <ActivityCategoriesTable categories={categories} format={format} />
      </section>

      <section aria-labelledby="activity-transfers" id="activity-transfers-section">
        <h2 id="activity-transfers" className={sectionHeading}>
          Transfers ({format.number(transfers.total)})
        </h2>
        <RelatedTransfersTable rows={transfers.rows} label="Transfers of this activity table" emptyText="No transfer serves this activity." format={format} />
        {transfers.total > transfers.rows.length && (
          <p className="mt-2 text-sm text-slate-600">
            The first {format.number(transfers.rows.length)} of {format.number(transfers.total)} transfers are shown.
          </p>
        )}
      </section>

      <section aria-labelledby="activity-flags">
        <h2 id="activity-flags" className={sectionHeading}>
          Flags on its transfers
        </h2>
        <TransferFlagsList flags={transferFlags} emptyText="No open or accepted flag on the transfers of this activity." />
      </section>

      <section aria-labelledby="activity-history">
        <h2 id="activity-history" className={sectionHeading}>
          History
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          // The audit trail is for the DPO and the auditors; engineers see the record's own history here.
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=activity&recordId=${id}` : undefined}
          emptyText="No change to this activity is recorded in the audit trail."
        />
      </section>
    </div>
  );
}
