import type { Metadata } from "next";
import { headers } from "next/headers";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { db } from "@/db/client";
import { listProcessors } from "@/db/queries/processors";
import { PROCESSOR_SERVICES, RECORD_STATUSES } from "@/db/schema/enums";
import { ProcessorsRegisterTable } from "@/components/processors/processors-register-table";
import { processorKeys } from "@/components/processors/register-query";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { visibleColumnIds } from "@/components/registers/columns";
import { ActionLink } from "@/components/registers/edit-link";
import { PROCESSOR_COLUMNS } from "@/components/registers/processor-columns";
import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { processorFilters, processorPageQuery } from "@/lib/api/contracts/processors";
import { requirePageActor } from "@/lib/auth/guard";
import { pickLocale } from "@/lib/format/locale";
import { listCountries } from "@/lib/jurisdictions/countries";

export const metadata: Metadata = { title: "Processors" };
export const dynamic = "force-dynamic";

export default async function ProcessorsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const params = processorPageQuery.parse(raw);
  const filters = processorFilters(params);
  const queryClient = getServerQueryClient();
  // The same key the table reads: the browser starts with these rows instead of asking for them again.
  const [requestHeaders] = await Promise.all([
    headers(),
    queryClient.prefetchQuery({
      queryKey: processorKeys.list(filters),
      // The filters are the list query's own parameters: the API answers the same rows for them.
      queryFn: () => listProcessors({ db: db(), ...filters }),
    }),
  ]);
  const locale = pickLocale(requestHeaders.get("accept-language"));
  const visible = visibleColumnIds(params.cols, PROCESSOR_COLUMNS);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Processors</h1>
        {/* Engineers register vendors through the guided form (drafts, duplicate check, review); the DPO records one directly. */}
        {actor.role === "dpo" && <ActionLink href="/processors/new">New processor</ActionLink>}
        {actor.role === "engineer" && <ActionLink href="/register/new">Register a vendor</ActionLink>}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/processors" label="Filter processors" values={[params.q, params.status, params.country, params.service]}>
          <SearchFilter id="q" label="Search" value={params.q} placeholder="Name, legal name or website" className="w-64" />
          <SelectFilter id="status" name="status" label="Status" value={params.status} options={enumOptions(RECORD_STATUSES)} />
          <SelectFilter id="service" name="service" label="Service" value={params.service} options={enumOptions(PROCESSOR_SERVICES)} />
          <SelectFilter
            id="country"
            name="country"
            label="Country of establishment"
            value={params.country}
            options={listCountries().map((country) => ({ value: country.code, label: country.name }))}
            className="max-w-56"
          />
          {params.cols && <input type="hidden" name="cols" value={params.cols} />}
        </FilterForm>
        <ColumnChooser columns={PROCESSOR_COLUMNS} visible={visible} basePath="/processors" searchParams={raw} register="processors" />
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProcessorsRegisterTable filters={filters} visible={visible} searchParams={raw} locale={locale} />
      </HydrationBoundary>
    </div>
  );
}
