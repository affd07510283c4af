import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listAgreementRegister } from "@/db/queries/agreements-register";
import { listProcessorOptions } from "@/db/queries/processors";
import { AGREEMENT_COLUMNS } from "@/components/agreements/agreement-columns";
import { AgreementsRegisterTable } from "@/components/agreements/agreements-register-table";
import { agreementKeys } from "@/components/agreements/register-query";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { labelColumns, visibleColumnIds } from "@/components/registers/columns";
import { appLocale } from "@/components/registers/locale-format";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { agreementFilters, agreementPageQuery } from "@/lib/api/contracts/agreements";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { enumOptions } from "@/lib/labels";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements");
  return { title: t("register.title") };
}

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
  const [processors, t, locale] = await Promise.all([
    listProcessorOptions({ db: database }),
    getTranslations("agreements"),
    getLocale().then(appLocale),
    queryClient.prefetchQuery({
      queryKey: agreementKeys.list(filters),
      queryFn: () => listAgreementRegister({ db: database, today: todayIso(), ...filters }),
    }),
  ]);
  const columns = labelColumns(AGREEMENT_COLUMNS, (id) => t(`columns.${id}`));
  const visible = visibleColumnIds(params.cols, AGREEMENT_COLUMNS);
  const processorOptions = processors.map((processor) => ({ value: processor.id, label: processor.name }));
  if (filters.processorId && !processorOptions.some((option) => option.value === filters.processorId)) {
    processorOptions.unshift({ value: filters.processorId, label: t("register.selectedProcessor") });
  }

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("register.title")}</h1>
      <p className="text-sm text-slate-700">{t("register.intro")}</p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/agreements" label={t("register.filterLabel")} values={filters}>
          <SearchFilter id="agreement-q" label={t("register.search")} value={filters.q} placeholder={t("register.searchPlaceholder")} className="w-56" />
          <SelectFilter id="agreement-type" name="type" label={t("register.type")} value={filters.type} options={enumOptions("agreementType", locale)} />
          <SelectFilter
            id="agreement-processor"
            name="processorId"
            label={t("register.processor")}
            value={filters.processorId}
            options={processorOptions}
            className="max-w-56"
          />
          <SelectFilter id="agreement-state" name="state" label={t("register.state")} value={filters.state} options={enumOptions("agreementState", locale)} />
          <SelectFilter
            id="agreement-expires"
            name="expiresWithinDays"
            label={t("register.expiresWithin")}
            value={filters.expiresWithinDays === undefined ? undefined : String(filters.expiresWithinDays)}
            options={EXPIRY_WINDOWS.map((days) => ({ value: String(days), label: t("register.days", { count: days }) }))}
          />
          {params.cols && <input type="hidden" name="cols" value={params.cols} />}
        </FilterForm>
        <ColumnChooser columns={columns} visible={visible} basePath="/agreements" searchParams={raw} register="agreements" />
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AgreementsRegisterTable filters={filters} visible={visible} searchParams={raw} />
      </HydrationBoundary>
    </div>
  );
}
