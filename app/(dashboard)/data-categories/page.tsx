import type { Metadata } from "next";
import { db } from "@/db/client";
import { listCategoryRegister } from "@/db/queries/categories-register";
import { CategoriesTable } from "@/components/categories/categories-table";
import { CATEGORY_COLUMNS } from "@/components/categories/category-columns";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { visibleColumnIds } from "@/components/registers/columns";
import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { requirePageActor } from "@/lib/auth/guard";
import { requestFormatters } from "@/lib/format/locale";
import { CATEGORY_CLASSIFICATIONS, CLASSIFICATION_LABELS, categoryRegisterParams } from "./params";

export const metadata: Metadata = { title: "Data categories" };
export const dynamic = "force-dynamic";

export default async function DataCategoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageActor();
  const raw = await searchParams;
  const params = categoryRegisterParams.parse(raw);
  const [{ rows, total }, format] = await Promise.all([
    listCategoryRegister({
      db: db(),
      page: params.page,
      pageSize: params.pageSize,
      q: params.q,
      sensitive: params.sensitive === undefined ? undefined : params.sensitive === "1",
      classification: params.classification,
      sort: params.sort,
      direction: params.direction,
    }),
    requestFormatters(),
  ]);
  const visible = visibleColumnIds(params.cols, CATEGORY_COLUMNS);
  const { cols, ...filterValues } = params;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Data categories</h1>
      <p className="text-sm text-slate-700">
        The taxonomy of personal data (fideslang keys where fideslang has the category), with its classification under each regime and the
        transfers that carry it.
      </p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/data-categories" label="Filter data categories" values={filterValues}>
          <SearchFilter id="category-q" label="Search" value={params.q} placeholder="Key, name or description" className="w-56" />
          <SelectFilter
            id="category-sensitive"
            name="sensitive"
            label="Sensitive"
            value={params.sensitive}
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
          {cols && <input type="hidden" name="cols" value={cols} />}
        </FilterForm>
        <ColumnChooser columns={CATEGORY_COLUMNS} visible={visible} basePath="/data-categories" searchParams={raw} register="data categories" />
      </div>
      <CategoriesTable
        rows={rows}
        visible={visible}
        sorting={{ sort: params.sort, direction: params.direction, basePath: "/data-categories", searchParams: raw }}
        format={format}
      />
      <Pagination page={params.page} pageSize={params.pageSize} total={total} basePath="/data-categories" searchParams={raw} />
    </div>
  );
}
