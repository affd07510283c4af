import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { getAgreementDetail, listCurrentFlagsOfTransfers, listTransfersCoveredByAgreement } from "@/db/queries/agreements-register";
import { listRecordHistory } from "@/db/queries/audit";
import { listFlagDetailsForSubject } from "@/db/queries/flags";
import { AgreementStateBadge } from "@/components/agreements/agreement-state-badge";
import { RecordHistory } from "@/components/audit/record-history";
import { FlagList } from "@/components/flags/flag-list";
import { RecordStatusBadge } from "@/components/processors/status-badge";
import { EditLink } from "@/components/registers/edit-link";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { RelatedTransfersTable } from "@/components/registers/related-transfers-table";
import { TransferFlagsList } from "@/components/registers/transfer-flags";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { SCC_MODULE_LABELS, countryLabel } from "@/components/transfers/labels";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { requestFormatters } from "@/lib/format/locale";
import { AGREEMENT_TYPE_LABELS } from "@/lib/rules/labels";
import { addDays } from "@/lib/rules/iso-date";
import { uuid } from "@/lib/validation/common";
import { acceptRisk } from "@/app/(dashboard)/flags/actions";

export const metadata: Metadata = { title: "Agreement" };
export const dynamic = "force-dynamic";

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
  const [covered, ownFlags, history, format] = await Promise.all([
    listTransfersCoveredByAgreement({ db: database, agreement, limit: TRANSFER_LIMIT }),
    listFlagDetailsForSubject({ db: database, subjectType: "agreement", subjectId: id }),
    listRecordHistory({ db: database, recordType: "agreement", recordId: id, limit: HISTORY_LIMIT }),
    requestFormatters(),
  ]);
  const transferFlags = await listCurrentFlagsOfTransfers({ db: database, transferIds: covered.rows.map((row) => row.id), limit: FLAG_LIMIT });
  const acceptance = actor.role === "dpo" ? { acceptRisk, minDate: addDays(today, 1) } : undefined;
  const title = `${AGREEMENT_TYPE_LABELS[agreement.type]} with ${processor.name}`;
  const date = (value: string | null, none: string) => (value ? format.date(value) : none);

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/agreements" className="text-brand-700 underline">
            Agreements
          </Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{title}</h1>
          {/* An agreement has no owner of its own: who may edit its processor may edit it. */}
          <div className="flex flex-wrap gap-2">
            <EditLink href={`/agreements/${id}/edit`} actor={userActor(actor)} record={processor} label="Edit agreement" />
            {/* Deleting an agreement uncovers transfers of an approved register: the DPO's decision (as in the API). */}
            {actor.role === "dpo" && (
              <DeleteRecordButton endpoint={`/api/v1/agreements/${id}`} version={agreement.version} noun="agreement" afterPath="/agreements" />
            )}
          </div>
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
          <AgreementStateBadge state={state} />
          <span>{agreement.expiryDate ? `Expires ${format.date(agreement.expiryDate)}` : "No expiry date"}</span>
        </p>
      </div>

      <section aria-labelledby="agreement-facts">
        <h2 id="agreement-facts" className={sectionHeading}>
          Facts
        </h2>
        <DetailsList
          testId="agreement-facts"
          items={[
            { term: "Type", value: AGREEMENT_TYPE_LABELS[agreement.type] },
            { term: "SCC module", value: agreement.sccModule ? SCC_MODULE_LABELS[agreement.sccModule] : null },
            { term: "Signed", value: date(agreement.signedDate, "Not signed") },
            { term: "Effective", value: date(agreement.effectiveDate, "On signature") },
            { term: "Expiry", value: date(agreement.expiryDate, "No expiry") },
            { term: "Sub-processing permitted (GDPR Art. 28(2))", value: yesNo(agreement.permitsSubprocessing) },
            { term: "Obligations flowed down (GDPR Art. 28(4))", value: yesNo(agreement.flowDown) },
            { term: "Covers", value: agreement.coversAllTransfers ? "All of the processor's transfers" : "The transfers it lists" },
            { term: "Document reference", value: agreement.documentRef },
            { term: "Notes", value: agreement.notes ? <span className="whitespace-pre-line">{agreement.notes}</span> : null },
          ]}
        />
      </section>

      <section aria-labelledby="agreement-processor">
        <h2 id="agreement-processor" className={sectionHeading}>
          Processor
        </h2>
        <p className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <Link href={`/processors/${processor.id}`} className="font-medium text-brand-700 underline">
            {processor.name}
          </Link>
          <span className="text-slate-700">{countryLabel(processor.country)}</span>
          <RecordStatusBadge status={processor.status} />
        </p>
      </section>

      <section aria-labelledby="agreement-transfers">
        <h2 id="agreement-transfers" className={sectionHeading}>
          Transfers covered ({format.number(covered.total)})
        </h2>
        <RelatedTransfersTable
          rows={covered.rows}
          label="Transfers covered by this agreement table"
          emptyText={agreement.coversAllTransfers ? "The processor has no transfer in the register." : "The agreement lists no transfer."}
          format={format}
        />
        {covered.total > covered.rows.length && (
          <p className="mt-2 text-sm">
            <Link href={`/transfers?processorId=${processor.id}`} className="text-brand-700 underline">
              All transfers to {processor.name}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="agreement-transfer-flags">
        <h2 id="agreement-transfer-flags" className={sectionHeading}>
          Flags on the covered transfers
        </h2>
        <TransferFlagsList flags={transferFlags} emptyText="No open or accepted flag on the transfers this agreement covers." />
      </section>

      <section aria-labelledby="agreement-flags">
        <h2 id="agreement-flags" className={sectionHeading}>
          Flags on the agreement
        </h2>
        <FlagList flags={ownFlags} acceptance={acceptance} emptyText="No rule has flagged this agreement." />
      </section>

      <section aria-labelledby="agreement-history">
        <h2 id="agreement-history" className={sectionHeading}>
          History
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          // The audit trail is for the DPO and the auditors; engineers see the record's own history here.
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=agreement&recordId=${id}` : undefined}
          emptyText="No change to this agreement is recorded in the audit trail."
        />
      </section>
    </div>
  );
}
