import type { Metadata } from "next";
import { headers } from "next/headers";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { db } from "@/db/client";
import { listAgreementRegister } from "@/db/queries/agreements-register";
import { listProcessorOptions } from "@/db/queries/processors";
import { AGREEMENT_STATES } from "@/db/list-sorts";
import { AGREEMENT_TYPES } from "@/db/schema/enums";
import { AGREEMENT_COLUMNS } from "@/components/agreements/agreement-columns";
import { AGREEMENT_STATE_LABELS } from "@/components/agreements/agreement-state-badge";
import { AgreementsRegisterTable } from "@/components/agreements/agreements-register-table";
import { agreementKeys } from "@/components/agreements/register-query";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { visibleColumnIds } from "@/components/registers/columns";
import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { agreementFilters, agreementPageQuery } from "@/lib/api/contracts/agreements";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { pickLocale } from "@/lib/format/locale";
import { AGREEMENT_TYPE_LABELS } from "@/lib/rules/labels";

export const metadata: Metadata = { title: "Agreements" };
export const dynamic = "force-dynamic";

/** The "expiring within" choices, in days: the renewal horizons a DPO plans with. */
const EXPIRY_WINDOWS = [30, 60, 90, 180, 365] as const;

export default async function AgreementsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageActor();
  const raw = await searchParams;
  const params = agreementPageQuery.parse(raw);
  const filters = agreementFilters(params);
  const database = db();
  const queryClient = getServerQueryClient();
  // The same key the table reads: the browser starts with these rows instead of asking for them again.
  const [processors] = await Promise.all([
    listProcessorOptions({ db: database }),
    queryClient.prefetchQuery({
      queryKey: agreementKeys.list(filters),
      queryFn: () => listAgreementRegister({ db: database, today: todayIso(), ...filters }),
    }),
  ]);
  const locale = pickLocale((await headers()).get("accept-language"));
  const visible = visibleColumnIds(params.cols, AGREEMENT_COLUMNS);
  const processorOptions = processors.map((processor) => ({ value: processor.id, label: processor.name }));
  if (filters.processorId && !processorOptions.some((option) => option.value === filters.processorId)) {
    processorOptions.unshift({ value: filters.processorId, label: "(selected processor)" });
  }

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Agreements</h1>
      <p className="text-sm text-slate-700">
        Safeguard agreements with the processors: DPAs, SCCs, the China and Hong Kong contracts. The state is as of today, by the same
        definition the rules use.
      </p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/agreements" label="Filter agreements" values={filters}>
          <SearchFilter id="agreement-q" label="Search" value={filters.q} placeholder="Processor, document, notes" className="w-56" />
          <SelectFilter id="agreement-type" name="type" label="Type" value={filters.type} options={enumOptions(AGREEMENT_TYPES, AGREEMENT_TYPE_LABELS)} />
          <SelectFilter id="agreement-processor" name="processorId" label="Processor" value={filters.processorId} options={processorOptions} className="max-w-56" />
          <SelectFilter id="agreement-state" name="state" label="State" value={filters.state} options={enumOptions(AGREEMENT_STATES, AGREEMENT_STATE_LABELS)} />
          <SelectFilter
            id="agreement-expires"
            name="expiresWithinDays"
            label="Expiring within"
            value={filters.expiresWithinDays === undefined ? undefined : String(filters.expiresWithinDays)}
            options={EXPIRY_WINDOWS.map((days) => ({ value: String(days), label: `${days} days` }))}
          />
          {params.cols && <input type="hidden" name="cols" value={params.cols} />}
        </FilterForm>
        <ColumnChooser columns={AGREEMENT_COLUMNS} visible={visible} basePath="/agreements" searchParams={raw} register="agreements" />
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AgreementsRegisterTable filters={filters} visible={visible} searchParams={raw} locale={locale} />
      </HydrationBoundary>
    </div>
  );
}
