import type { Metadata } from "next";
import { headers } from "next/headers";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { db } from "@/db/client";
import { listEntities } from "@/db/queries/entities";
import { ENTITY_ROLES } from "@/db/schema/enums";
import { EntitiesTable } from "@/components/entities/entities-table";
import { ENTITY_ROLE_LABELS } from "@/components/entities/labels";
import { entityKeys } from "@/components/entities/register-query";
import { countryOptions } from "@/components/forms/transfer-form-options";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ActionLink } from "@/components/registers/edit-link";
import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { entityPageQuery } from "@/lib/api/contracts/entities";
import { requirePageActor } from "@/lib/auth/guard";
import { pickLocale } from "@/lib/format/locale";

export const metadata: Metadata = { title: "Organisation" };
export const dynamic = "force-dynamic";

/** The organisation: its own legal entities, which export the data and answer for the processing (DOMAIN.md §2). */
export default async function OrganisationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const filters = entityPageQuery.parse(raw);
  const queryClient = getServerQueryClient();
  // The same key the table reads: the browser starts with these rows instead of asking for them again.
  const page = await queryClient.fetchQuery({ queryKey: entityKeys.list(filters), queryFn: () => listEntities({ db: db(), ...filters }) });
  const locale = pickLocale((await headers()).get("accept-language"));
  const filtered = Boolean(filters.q || filters.country || filters.role);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Organisation</h1>
        {actor.role === "dpo" && <ActionLink href="/organisation/entities/new">New entity</ActionLink>}
      </div>
      <p className="text-sm text-slate-700">
        The company&rsquo;s own legal entities: they export the data (each transfer names its exporter) and answer for the processing as controllers of the
        processing activities. The records of processing (GDPR Art. 30) name them with their DPO and representatives.
        {actor.role !== "dpo" && " Only the DPO adds or changes them."}
      </p>
      {page.total === 0 && !filtered && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="no-entities">
          No entity is recorded yet. Processing activities and transfers need one of the company&rsquo;s entities
          {actor.role === "dpo" ? ": create the first one with “New entity”." : ": ask the DPO to create the first one."}
        </p>
      )}
      <FilterForm action="/organisation" label="Filter entities" values={filters}>
        <SearchFilter id="entity-q" label="Search" value={filters.q} placeholder="Name or legal name" className="w-56" />
        <SelectFilter id="entity-country" name="country" label="Country" value={filters.country} options={countryOptions()} />
        <SelectFilter id="entity-role" name="role" label="Role" value={filters.role} options={enumOptions(ENTITY_ROLES, ENTITY_ROLE_LABELS)} />
      </FilterForm>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EntitiesTable filters={filters} searchParams={raw} locale={locale} />
      </HydrationBoundary>
    </div>
  );
}
