import type { Metadata } from "next";
import { headers } from "next/headers";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { db } from "@/db/client";
import { listCategoryRegister } from "@/db/queries/categories-register";
import { CategoriesTable } from "@/components/categories/categories-table";
import { CATEGORY_COLUMNS } from "@/components/categories/category-columns";
import { categoryKeys } from "@/components/categories/register-query";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { visibleColumnIds } from "@/components/registers/columns";
import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { CATEGORY_CLASSIFICATIONS, CLASSIFICATION_LABELS, dataCategoryFilters, dataCategoryPageQuery } from "@/lib/api/contracts/data-categories";
import { requirePageActor } from "@/lib/auth/guard";
import { pickLocale } from "@/lib/format/locale";

export const metadata: Metadata = { title: "Data categories" };
export const dynamic = "force-dynamic";

export default async function DataCategoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageActor();
  const raw = await searchParams;
  const params = dataCategoryPageQuery.parse(raw);
  const filters = dataCategoryFilters(params);
  const queryClient = getServerQueryClient();
  // The same key the table reads: the browser starts with these rows instead of asking for them again.
  await queryClient.prefetchQuery({
    queryKey: categoryKeys.list(filters),
    queryFn: () => listCategoryRegister({ db: db(), ...filters }),
  });
  const locale = pickLocale((await headers()).get("accept-language"));
  const visible = visibleColumnIds(params.cols, CATEGORY_COLUMNS);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Data categories</h1>
      <p className="text-sm text-slate-700">
        The taxonomy of personal data (fideslang keys where fideslang has the category), with its classification under each regime and the
        transfers that carry it.
      </p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/data-categories" label="Filter data categories" values={filters}>
          <SearchFilter id="category-q" label="Search" value={params.q} placeholder="Key, name or description" className="w-56" />
          <SelectFilter
            id="category-sensitive"
            name="sensitive"
            label="Sensitive"
            value={params.sensitive === undefined ? undefined : params.sensitive ? "1" : "0"}
            options={[
              { value: "1", label: "Sensitive under a regime" },
              { value: "0", label: "Not sensitive" },
            ]}
          />
          <SelectFilter
            id="category-classification"
            name="classification"
            label="Classification"
            value={params.classification}
            options={enumOptions(CATEGORY_CLASSIFICATIONS, CLASSIFICATION_LABELS)}
          />
          {params.cols && <input type="hidden" name="cols" value={params.cols} />}
        </FilterForm>
        <ColumnChooser columns={CATEGORY_COLUMNS} visible={visible} basePath="/data-categories" searchParams={raw} register="data categories" />
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CategoriesTable filters={filters} visible={visible} searchParams={raw} locale={locale} />
      </HydrationBoundary>
    </div>
  );
}
