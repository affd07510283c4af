import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { listEntityDependents } from "@/db/queries/entities";
import { RecordHistory } from "@/components/audit/record-history";
import { CIIO_EXPLANATION, entityRoleLabel } from "@/components/entities/labels";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { ActionLink } from "@/components/registers/edit-link";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { countryLabel } from "@/components/transfers/labels";
import { requirePageActor } from "@/lib/auth/guard";
import { getEntity } from "@/lib/entities/service";
import { requestFormatters } from "@/lib/format/locale";
import { uuid } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Entity" };
export const dynamic = "force-dynamic";

const sectionHeading = "mb-3 text-lg font-semibold";
const HISTORY_LIMIT = 20;
// The page lists the first dependents; the counts are complete.
const DEPENDENT_LIMIT = 50;

const multiline = (value: string | null) => (value ? <span className="whitespace-pre-line">{value}</span> : "None recorded");

export default async function EntityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  // A malformed id is an unknown entity (404), not a database error.
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const entity = await getEntity({ db: database, id });
  if (!entity) notFound();
  const [dependents, history, format] = await Promise.all([
    listEntityDependents({ db: database, entityId: id, limit: DEPENDENT_LIMIT }),
    listRecordHistory({ db: database, recordType: "entity", recordId: id, limit: HISTORY_LIMIT }),
    requestFormatters(),
  ]);
  const inUse = dependents.activities.length > 0 || dependents.transfers.length > 0;

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/organisation" className="text-brand-700 underline">
            Organisation
          </Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{entity.name}</h1>
          {actor.role === "dpo" && (
            <div className="flex flex-wrap gap-2">
              <ActionLink href={`/organisation/entities/${id}/edit`} testId="edit-link">
                Edit entity
              </ActionLink>
              <DeleteRecordButton endpoint={`/api/v1/entities/${id}`} version={entity.version} noun="entity" afterPath="/organisation" />
            </div>
          )}
        </div>
        {entity.legalName && entity.legalName !== entity.name && <p className="mt-1 text-slate-700">{entity.legalName}</p>}
      </div>

      <section aria-labelledby="entity-facts">
        <h2 id="entity-facts" className={sectionHeading}>
          The entity
        </h2>
        <DetailsList
          testId="entity-facts"
          items={[
            { term: "Legal name", value: entity.legalName ?? "None recorded" },
            { term: "Country", value: countryLabel(entity.country) },
            { term: "Role", value: entityRoleLabel(entity.role) },
            { term: "Address", value: multiline(entity.address) },
            { term: "Phone", value: entity.phone ?? "None recorded" },
            { term: "Data protection officer", value: multiline(entity.dpoContact) },
            { term: "Representative in the EU (GDPR Art. 27)", value: entity.representativeContact ? multiline(entity.representativeContact) : "None designated" },
            { term: "Representative in the UK (UK GDPR Art. 27)", value: entity.ukRepresentativeContact ? multiline(entity.ukRepresentativeContact) : "None designated" },
            {
              term: "Critical information infrastructure operator (PIPL Art. 40)",
              value: (
                <>
                  {yesNo(entity.ciio)}
                  <span className="block text-xs text-slate-600">{CIIO_EXPLANATION}</span>
                </>
              ),
            },
            { term: "Last changed", value: format.date(entity.updatedAt) },
          ]}
        />
      </section>

      <section aria-labelledby="entity-activities">
        <h2 id="entity-activities" className={sectionHeading}>
          Processing activities it controls ({format.number(dependents.activities.length)}
          {dependents.activities.length === DEPENDENT_LIMIT ? "+" : ""})
        </h2>
        {dependents.activities.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="entity-activities">
            {dependents.activities.map((activity) => (
              <li key={activity.id}>
                <Link href={`/activities/${activity.id}`} className="text-brand-700 underline">
                  {activity.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="entity-transfers">
        <h2 id="entity-transfers" className={sectionHeading}>
          Transfers it exports ({format.number(dependents.transfers.length)}
          {dependents.transfers.length === DEPENDENT_LIMIT ? "+" : ""})
        </h2>
        {dependents.transfers.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="entity-transfers">
            {dependents.transfers.map((transfer) => (
              <li key={transfer.id}>
                <Link href={`/transfers/${transfer.id}`} className="text-brand-700 underline">
                  {transfer.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {inUse && actor.role === "dpo" && (
          <p className="mt-3 text-sm text-slate-600">While activities or transfers depend on this entity it cannot be deleted: move them to another entity first.</p>
        )}
      </section>

      <section aria-labelledby="entity-history">
        <h2 id="entity-history" className={sectionHeading}>
          History
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=entity&recordId=${id}` : undefined}
          emptyText="No change to this entity is recorded in the audit trail."
        />
      </section>
    </div>
  );
}
