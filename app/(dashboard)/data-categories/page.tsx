import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { CategoriesTable } from "@/components/categories/categories-table";
import { CATEGORY_COLUMNS } from "@/components/categories/category-columns";
import { categoryKeys } from "@/components/categories/register-query";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { labelColumns, visibleColumnIds } from "@/components/registers/columns";
import { appLocale } from "@/components/registers/locale-format";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { dataCategoryFilters, dataCategoryPageQuery } from "@/lib/api/contracts/data-categories";
import { requirePageActor } from "@/lib/auth/guard";
import { listDataCategoryRegister } from "@/lib/categories/register";
import { enumOptions } from "@/lib/labels";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("categories");
  return { title: t("register.title") };
}

export default async function DataCategoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageActor();
  const raw = await searchParams;
  const params = dataCategoryPageQuery.parse(raw);
  const filters = dataCategoryFilters(params);
  const queryClient = getServerQueryClient();
  const [locale, t] = await Promise.all([
    getLocale().then(appLocale),
    getTranslations("categories"),
    // The same key the table reads: the browser starts with these rows instead of asking for them again.
    queryClient.prefetchQuery({
      queryKey: categoryKeys.list(filters),
      queryFn: () => listDataCategoryRegister({ db: db(), ...filters }),
    }),
  ]);
  const columns = labelColumns(CATEGORY_COLUMNS, (id) => t(`columns.${id}`));
  const visible = visibleColumnIds(params.cols, CATEGORY_COLUMNS);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("register.title")}</h1>
      <p className="text-sm text-slate-700">{t("register.intro")}</p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/data-categories" label={t("register.filterLabel")} values={filters}>
          <SearchFilter id="category-q" label={t("register.search")} value={params.q} placeholder={t("register.searchPlaceholder")} className="w-56" />
          <SelectFilter
            id="category-sensitive"
            name="sensitive"
            label={t("register.sensitive")}
            value={params.sensitive === undefined ? undefined : params.sensitive ? "1" : "0"}
            options={[
              { value: "1", label: t("register.sensitiveYes") },
              { value: "0", label: t("register.sensitiveNo") },
            ]}
          />
          <SelectFilter
            id="category-classification"
            name="classification"
            label={t("register.classification")}
            value={params.classification}
            options={enumOptions("categoryClassification", locale)}
          />
          {params.cols && <input type="hidden" name="cols" value={params.cols} />}
        </FilterForm>
        <ColumnChooser columns={columns} visible={visible} basePath="/data-categories" searchParams={raw} register="data categories" />
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CategoriesTable filters={filters} visible={visible} searchParams={raw} />
      </HydrationBoundary>
    </div>
  );
}
