import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { listEntityDependents } from "@/db/queries/entities";
import { RecordHistory } from "@/components/audit/record-history";
import { ExportedTransfers } from "@/components/entities/exported-transfers";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { ActionLink } from "@/components/registers/edit-link";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { requirePageActor } from "@/lib/auth/guard";
import { getEntity } from "@/lib/entities/service";
import { countryName, enumLabel } from "@/lib/labels";
import { uuid } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("entities");
  return { title: t("detail.metaTitle") };
}

const sectionHeading = "mb-3 text-lg font-semibold";
const HISTORY_LIMIT = 20;
// The page lists the first dependents; the counts are complete.
const DEPENDENT_LIMIT = 50;

/** A contact or an address as typed, its line breaks kept; `none` when nothing is recorded. */
const multiline = (value: string | null, none: string) => (value ? <span className="whitespace-pre-line">{value}</span> : none);

export default async function EntityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  // A malformed id is an unknown entity (404), not a database error.
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const entity = await getEntity({ db: database, id });
  if (!entity) notFound();
  const [dependents, history, locale, t] = await Promise.all([
    listEntityDependents({ db: database, entityId: id, limit: DEPENDENT_LIMIT }),
    listRecordHistory({ db: database, recordType: "entity", recordId: id, limit: HISTORY_LIMIT }),
    getLocale().then(appLocale),
    getTranslations("entities"),
  ]);
  const format = localeFormatters(locale);
  const noneRecorded = t("noneRecorded");
  const noneDesignated = t("detail.noneDesignated");
  // "50+" when the page lists only the first DEPENDENT_LIMIT of them.
  const dependentCount = (count: number) => `${format.number(count)}${count === DEPENDENT_LIMIT ? "+" : ""}`;
  const inUse = dependents.activities.length > 0 || dependents.transfers.length > 0;

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label={t("detail.breadcrumb")} className="text-sm">
          <Link href="/organisation" className="text-brand-700 underline">
            {t("register.title")}
          </Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{entity.name}</h1>
          {actor.role === "dpo" && (
            <div className="flex flex-wrap gap-2">
              <ActionLink href={`/organisation/entities/${id}/edit`} testId="edit-link">
                {t("detail.edit")}
              </ActionLink>
              <DeleteRecordButton endpoint={`/api/v1/entities/${id}`} version={entity.version} noun="entity" afterPath="/organisation" />
            </div>
          )}
        </div>
        {entity.legalName && entity.legalName !== entity.name && <p className="mt-1 text-slate-700">{entity.legalName}</p>}
      </div>

      <section aria-labelledby="entity-facts">
        <h2 id="entity-facts" className={sectionHeading}>
          {t("detail.facts")}
        </h2>
        <DetailsList
          testId="entity-facts"
          items={[
            { term: t("detail.legalName"), value: entity.legalName ?? noneRecorded },
            { term: t("detail.country"), value: countryName(entity.country, locale) },
            { term: t("detail.role"), value: enumLabel("entityRole", entity.role, locale) },
            { term: t("detail.address"), value: multiline(entity.address, noneRecorded) },
            { term: t("detail.phone"), value: entity.phone ?? noneRecorded },
            { term: t("detail.dpo"), value: multiline(entity.dpoContact, noneRecorded) },
            { term: t("detail.euRepresentative"), value: multiline(entity.representativeContact, noneDesignated) },
            { term: t("detail.ukRepresentative"), value: multiline(entity.ukRepresentativeContact, noneDesignated) },
            {
              term: t("detail.ciio"),
              value: (
                <>
                  {yesNo(entity.ciio, locale)}
                  <span className="block text-xs text-slate-600">{t("ciioExplanation")}</span>
                </>
              ),
            },
            { term: t("detail.updatedAt"), value: format.date(entity.updatedAt) },
          ]}
        />
      </section>

      <section aria-labelledby="entity-activities">
        <h2 id="entity-activities" className={sectionHeading}>
          {t("detail.activities", { count: dependentCount(dependents.activities.length) })}
        </h2>
        {dependents.activities.length === 0 ? (
          <p className="text-sm text-slate-600">{t("detail.noDependent")}</p>
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
          {t("detail.transfers", { count: dependentCount(dependents.transfers.length) })}
        </h2>
        <ExportedTransfers transfers={dependents.transfers} />
        {inUse && actor.role === "dpo" && (
          <p className="mt-3 text-sm text-slate-600">{t("detail.inUse")}</p>
        )}
      </section>

      <section aria-labelledby="entity-history">
        <h2 id="entity-history" className={sectionHeading}>
          {t("detail.history")}
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=entity&recordId=${id}` : undefined}
          emptyText={t("detail.noHistory")}
        />
      </section>
    </div>
  );
}
