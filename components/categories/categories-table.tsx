"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { CategoryRegisterRow } from "@/db/queries/categories-register";
import { localeFormatters } from "@/components/registers/locale-format";
import { QueriedRegister } from "@/components/registers/queried-register";
import { useRegisterPage } from "@/components/registers/use-register-page";
import type { RegisterColumn } from "@/components/registers/register-table";
import { DOJ_CATEGORY_LABELS, DOJ_IDENTIFIER_KIND_LABELS } from "@/components/transfers/labels";
import { yesNo } from "@/components/transfers/details-list";
import { CATEGORY_COLUMNS, type CategoryColumnId } from "./category-columns";
import type { DataCategoryFilters } from "@/lib/api/contracts/data-categories";
import { categoryKeys, fetchCategoryRegister } from "./register-query";
import { SensitivityMarkers } from "./sensitivity-markers";

/**
 * The taxonomy as a table: in key order a child is indented under its parent, so the list reads as a tree.
 * The transfer count links to the transfer register filtered on the category (descendants included).
 * The rows come from the query cache, which the server page filled for this URL (no second request on the
 * first render); a refetch or another URL asks GET /api/v1/data-categories.
 */
export function CategoriesTable({
  filters,
  visible,
  searchParams,
  locale,
}: {
  filters: DataCategoryFilters;
  visible: readonly string[];
  searchParams: Record<string, string | undefined>;
  locale: string;
}) {
  const query = useRegisterPage(categoryKeys.list(filters), (signal) => fetchCategoryRegister(filters, signal));
  const format = localeFormatters(locale);
  const asTree = filters.sort === "key";
  const cells: Record<CategoryColumnId, (row: CategoryRegisterRow) => ReactNode> = {
    category: (row) => {
      const depth = asTree ? row.key.split(".").length - 1 : 0;
      return (
        <div className="min-w-56" style={{ paddingLeft: `${Math.min(depth, 6) * 1.25}rem` }}>
          {depth > 0 && (
            <span aria-hidden="true" className="text-slate-400">
              └{" "}
            </span>
          )}
          <Link href={`/data-categories/${row.key}`} className="font-medium text-brand-700 underline">
            {row.name}
          </Link>
          <code className="block text-xs text-slate-600">{row.key}</code>
        </div>
      );
    },
    description: (row) => <span className="line-clamp-2 max-w-md">{row.description ?? "—"}</span>,
    sensitive: (row) => (
      <div className="min-w-44">
        <SensitivityMarkers category={row} />
      </div>
    ),
    gdpr: (row) => yesNo(row.gdprSpecial),
    ccpa: (row) => (row.ccpaCategory ? `${row.ccpaCategory}${row.ccpaSensitive ? " (sensitive)" : ""}` : "—"),
    pipl: (row) => yesNo(row.piplSensitive),
    doj: (row) => `${DOJ_CATEGORY_LABELS[row.dojCategory]}${row.dojIdentifierKind !== null ? ` (listed identifier: ${DOJ_IDENTIFIER_KIND_LABELS[row.dojIdentifierKind]})` : ""}`,
    transfers: (row) =>
      row.transferCount > 0 ? (
        <Link href={`/transfers?category=${encodeURIComponent(row.key)}`} className="text-brand-700 underline">
          {format.number(row.transferCount)}
          <span className="sr-only"> transfers carrying {row.name}</span>
        </Link>
      ) : (
        <span className="text-slate-500">0</span>
      ),
  };
  const columns: RegisterColumn<CategoryRegisterRow>[] = CATEGORY_COLUMNS.map((column) => ({ ...column, cell: cells[column.id] }));
  return (
    <QueriedRegister
      query={query}
      noun="data categories"
      page={filters.page}
      pageSize={filters.pageSize}
      table={{
        label: "Data categories table",
        testId: "categories-register",
        rowTestId: "category-row",
        columns,
        visible,
        rowKey: (row) => row.key,
        sorting: { sort: filters.sort, direction: filters.direction, basePath: "/data-categories", searchParams },
        emptyText: "No data category matches these filters.",
      }}
    />
  );
}
