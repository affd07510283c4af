import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listProcessors } from "@/db/queries/processors";
import { countryOptions } from "@/components/forms/transfer-form-options";
import { ProcessorsRegisterTable } from "@/components/processors/processors-register-table";
import { processorKeys } from "@/components/processors/register-query";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { labelColumns, visibleColumnIds } from "@/components/registers/columns";
import { ActionLink } from "@/components/registers/edit-link";
import { appLocale } from "@/components/registers/locale-format";
import { PROCESSOR_COLUMNS } from "@/components/registers/processor-columns";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { processorFilters, processorPageQuery } from "@/lib/api/contracts/processors";
import { requirePageActor } from "@/lib/auth/guard";
import { enumOptions } from "@/lib/labels";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("processors");
  return { title: t("register.title") };
}

export default async function ProcessorsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const params = processorPageQuery.parse(raw);
  const filters = processorFilters(params);
  const queryClient = getServerQueryClient();
  // The same key the table reads: the browser starts with these rows instead of asking for them again.
  const [locale, t] = await Promise.all([
    getLocale().then(appLocale),
    getTranslations("processors"),
    queryClient.prefetchQuery({
      queryKey: processorKeys.list(filters),
      // The filters are the list query's own parameters: the API answers the same rows for them.
      queryFn: () => listProcessors({ db: db(), ...filters }),
    }),
  ]);
  const columns = labelColumns(PROCESSOR_COLUMNS, (id) => t(`columns.${id}`));
  const visible = visibleColumnIds(params.cols, PROCESSOR_COLUMNS);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("register.title")}</h1>
        {/* Engineers register vendors through the guided form (drafts, duplicate check, review); the DPO records one directly. */}
        {actor.role === "dpo" && <ActionLink href="/processors/new">{t("register.new")}</ActionLink>}
        {actor.role === "engineer" && <ActionLink href="/register/new">{t("register.registerVendor")}</ActionLink>}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/processors" label={t("register.filterLabel")} values={[params.q, params.status, params.country, params.service]}>
          <SearchFilter id="q" label={t("register.search")} value={params.q} placeholder={t("register.searchPlaceholder")} className="w-64" />
          <SelectFilter id="status" name="status" label={t("register.status")} value={params.status} options={enumOptions("recordStatus", locale)} />
          <SelectFilter id="service" name="service" label={t("register.service")} value={params.service} options={enumOptions("processorService", locale)} />
          <SelectFilter
            id="country"
            name="country"
            label={t("register.country")}
            value={params.country}
            options={countryOptions(locale)}
            className="max-w-56"
          />
          {params.cols && <input type="hidden" name="cols" value={params.cols} />}
        </FilterForm>
        <ColumnChooser columns={columns} visible={visible} basePath="/processors" searchParams={raw} register="processors" />
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProcessorsRegisterTable filters={filters} visible={visible} searchParams={raw} />
      </HydrationBoundary>
    </div>
  );
}
