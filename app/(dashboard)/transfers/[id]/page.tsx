import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { listFlagDetailsForSubject } from "@/db/queries/flags";
import { getTransferDetail, listAgreementsCoveringTransfer, listTransferCategories } from "@/db/queries/transfers";
import { RecordHistory } from "@/components/audit/record-history";
import { FlagList } from "@/components/flags/flag-list";
import { formatDate } from "@/components/flags/format";
import { AgreementsTable } from "@/components/processors/agreements-table";
import { DataCategoriesTable } from "@/components/transfers/data-categories-table";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import {
  ACCESS_TYPE_LABELS,
  DOJ_EXEMPTION_LABELS,
  ENCRYPTION_AT_REST_LABELS,
  ENCRYPTION_IN_TRANSIT_LABELS,
  FREQUENCY_LABELS,
  MECHANISM_LABELS,
  PIPL_EXEMPTION_LABELS,
  countryLabel,
  formatVolume,
  humanize,
} from "@/components/transfers/labels";
import { TransferStatusBadge } from "@/components/transfers/transfer-status-badge";
import { EditLink, mayEdit } from "@/components/registers/edit-link";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { addDays } from "@/lib/rules/iso-date";
import { uuid } from "@/lib/validation/common";
import { acceptRisk } from "@/app/(dashboard)/flags/actions";

export const metadata: Metadata = { title: "Transfer" };
export const dynamic = "force-dynamic";

const sectionHeading = "mb-3 text-lg font-semibold";
const HISTORY_LIMIT = 20;

/** "Certified until 1 Mar 2027, with the UK Extension": the UK Extension decides UK data to a US importer. */
function dpfCertification(processor: { dpfCertified: boolean; dpfExpiry: string | null; dpfUkExtension: boolean }): string {
  if (!processor.dpfCertified) return "Not certified";
  const until = processor.dpfExpiry ? ` until ${formatDate(processor.dpfExpiry)}` : "";
  return `Certified${until}${processor.dpfUkExtension ? ", with the UK Extension" : ", without the UK Extension"}`;
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
  const today = todayIso();
  const acceptance = actor.role === "dpo" ? { acceptRisk, minDate: addDays(today, 1) } : undefined;
  const route = `${countryLabel(transfer.originCountry)} → ${countryLabel(transfer.destinationCountry)}`;
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
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/transfers" className="text-brand-700 underline">
            Transfers
          </Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">Transfer to {processor.name}</h1>
          <div className="flex flex-wrap gap-2">
            <EditLink href={`/transfers/${id}/edit`} actor={userActor(actor)} record={transfer} label="Edit transfer" />
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
          Facts
        </h2>
        <DetailsList
          testId="transfer-facts"
          items={[
            {
              term: "Processor",
              value: (
                <Link href={`/processors/${processor.id}`} className="text-brand-700 underline">
                  {processor.name}
                </Link>
              ),
            },
            { term: "Exporter", value: `${exporter.name} (${countryLabel(exporter.country)})` },
            { term: "Origin", value: countryLabel(transfer.originCountry) },
            { term: "Destination", value: countryLabel(transfer.destinationCountry) },
            { term: "Access type", value: ACCESS_TYPE_LABELS[transfer.accessType] },
            { term: "Subject regions", value: transfer.subjectRegions.join(", ") },
            { term: "Volume per 12 months", value: formatVolume(transfer.estimatedSubjects, transfer.volumeUnit) },
            { term: "Frequency", value: FREQUENCY_LABELS[transfer.frequency] },
            { term: "Mechanism", value: MECHANISM_LABELS[transfer.mechanism] },
            { term: "Encryption in transit", value: ENCRYPTION_IN_TRANSIT_LABELS[transfer.encryptionInTransit] },
            { term: "Encryption at rest", value: ENCRYPTION_AT_REST_LABELS[transfer.encryptionAtRest] },
            { term: "Transfer impact assessment", value: transfer.tiaDate ? formatDate(transfer.tiaDate) : "None recorded" },
            { term: "Start date", value: transfer.startDate ? formatDate(transfer.startDate) : null },
            { term: "End date", value: transfer.endDate ? formatDate(transfer.endDate) : null },
            { term: "Processor DPF certification", value: dpfCertification(processor) },
            { term: "Notes", value: transfer.notes ? <span className="whitespace-pre-line">{transfer.notes}</span> : null },
          ]}
        />
      </section>

      <section aria-labelledby="transfer-doj">
        <h2 id="transfer-doj" className={sectionHeading}>
          US DOJ rule (28 CFR part 202)
        </h2>
        <DetailsList
          testId="transfer-doj"
          items={[
            { term: "Exemption claimed", value: transfer.dojExemption ? DOJ_EXEMPTION_LABELS[transfer.dojExemption] : "None claimed" },
            ...(transfer.dojExemption
              ? [{ term: "Why the exemption applies", value: <span className="whitespace-pre-line">{transfer.dojExemptionJustification}</span> }]
              : []),
            { term: "CISA security requirements met", value: yesNo(transfer.cisaRequirementsMet) },
            { term: "Processor is a DOJ covered person", value: yesNo(processor.coveredPerson) },
          ]}
        />
      </section>

      {showsPipl && (
        <section aria-labelledby="transfer-pipl">
          <h2 id="transfer-pipl" className={sectionHeading}>
            China (PIPL)
          </h2>
          <DetailsList
            testId="transfer-pipl"
            items={[
              { term: "Exporter is a CIIO (PIPL Art. 40)", value: yesNo(exporter.ciio) },
              { term: "Re-export of data collected abroad", value: yesNo(transfer.reExportOfForeignData) },
              { term: "Contains important data", value: yesNo(transfer.importantData) },
              { term: "Exemption claimed (2024 Provisions Art. 5)", value: transfer.piplExemption ? PIPL_EXEMPTION_LABELS[transfer.piplExemption] : "None claimed" },
              { term: "Separate consent (PIPL Art. 39)", value: transfer.piplSeparateConsent ? "Obtained" : "Not recorded" },
              { term: "PIPIA (PIPL Art. 55-56)", value: transfer.pipiaDate ? formatDate(transfer.pipiaDate) : "None recorded" },
            ]}
          />
        </section>
      )}

      <section aria-labelledby="transfer-activity">
        <h2 id="transfer-activity" className={sectionHeading}>
          Processing activity
        </h2>
        <DetailsList
          testId="transfer-activity"
          items={[
            { term: "Activity", value: activity.name },
            { term: "Purpose", value: activity.purpose },
            { term: "Legal basis (GDPR Art. 6)", value: humanize(activity.legalBasis) },
            { term: "Art. 9 condition", value: activity.art9Condition ? humanize(activity.art9Condition) : "None recorded" },
            { term: "Disclosure", value: humanize(activity.disclosureType) },
            { term: "Data subjects", value: activity.dataSubjectCategories.join(", ") },
            { term: "Retention period", value: activity.retentionPeriod ?? "Not recorded" },
          ]}
        />
      </section>

      <section aria-labelledby="transfer-categories">
        <h2 id="transfer-categories" className={sectionHeading}>
          Data categories
        </h2>
        <DataCategoriesTable categories={categories} />
      </section>

      <section aria-labelledby="transfer-agreements">
        <h2 id="transfer-agreements" className={sectionHeading}>
          Agreements covering this transfer
        </h2>
        <AgreementsTable agreements={agreements} today={today} emptyText="No agreement of this processor covers this transfer." />
      </section>

      <section aria-labelledby="transfer-flags">
        <h2 id="transfer-flags" className={sectionHeading}>
          Flags
        </h2>
        <FlagList flags={flags} acceptance={acceptance} emptyText="No rule has flagged this transfer." />
      </section>

      <section aria-labelledby="transfer-history">
        <h2 id="transfer-history" className={sectionHeading}>
          History
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          // The audit trail is for the DPO and the auditors; engineers see the record's own history here.
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=transfer&recordId=${id}` : undefined}
          emptyText="No change to this transfer is recorded in the audit trail."
        />
      </section>
    </div>
  );
}
