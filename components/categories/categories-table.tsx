"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CategoryRegisterRow } from "@/db/queries/categories-register";
import { categoryName } from "@/components/registers/category-name";
import { labelColumns } from "@/components/registers/columns";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { QueriedRegister } from "@/components/registers/queried-register";
import { useRegisterPage } from "@/components/registers/use-register-page";
import type { RegisterColumn } from "@/components/registers/register-table";
import { yesNo } from "@/components/transfers/details-list";
import type { DataCategoryFilters } from "@/lib/api/contracts/data-categories";
import { enumLabel } from "@/lib/labels";
import { categoryDescriptionIn } from "@/lib/taxonomy/descriptions-fr";
import { CATEGORY_COLUMNS, type CategoryColumnId } from "./category-columns";
import { categoryKeys, fetchCategoryRegister } from "./register-query";
import { SensitivityMarkers } from "./sensitivity-markers";

/**
 * The taxonomy as a table: in key order a child is indented under its parent, so the list reads as a tree.
 * The transfer count links to the transfer register filtered on the category (descendants included).
 * The rows come from the query cache, which the server page filled for this URL (no second request on the
 * first render); a refetch or another URL asks GET /api/v1/data-categories. Names in the reader's language;
 * the key, an identifier a person may copy into an import or an API call, stays as code.
 */
export function CategoriesTable({
  filters,
  visible,
  searchParams,
}: {
  filters: DataCategoryFilters;
  visible: readonly string[];
  searchParams: Record<string, string | undefined>;
}) {
  const t = useTranslations("categories");
  const locale = appLocale(useLocale());
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
            {categoryName(row, locale)}
          </Link>
          <code className="block text-xs text-slate-600">{row.key}</code>
        </div>
      );
    },
    // The taxonomy's French description on a French page; a category it does not know keeps its English one, marked.
    description: (row) => (
      <span className="line-clamp-2 max-w-md" lang={categoryDescriptionIn(row, locale).lang}>
        {categoryDescriptionIn(row, locale).text ?? "—"}
      </span>
    ),
    sensitive: (row) => (
      <div className="min-w-44">
        <SensitivityMarkers category={row} />
      </div>
    ),
    gdpr: (row) => yesNo(row.gdprSpecial, locale),
    ccpa: (row) => (row.ccpaCategory ? (row.ccpaSensitive ? t("register.ccpaSensitive", { letter: row.ccpaCategory }) : row.ccpaCategory) : "—"),
    pipl: (row) => yesNo(row.piplSensitive, locale),
    doj: (row) =>
      row.dojIdentifierKind === null
        ? enumLabel("dojCategory", row.dojCategory, locale)
        : t("register.dojWithIdentifier", {
            category: enumLabel("dojCategory", row.dojCategory, locale),
            kind: enumLabel("dojIdentifierKind", row.dojIdentifierKind, locale),
          }),
    transfers: (row) =>
      row.transferCount > 0 ? (
        <Link href={`/transfers?category=${encodeURIComponent(row.key)}`} className="text-brand-700 underline">
          {format.number(row.transferCount)}
          <span className="sr-only"> {t("register.transfersCarrying", { name: categoryName(row, locale) })}</span>
        </Link>
      ) : (
        <span className="text-slate-500">{format.number(0)}</span>
      ),
  };
  const columns: RegisterColumn<CategoryRegisterRow>[] = labelColumns(CATEGORY_COLUMNS, (id) => t(`columns.${id}`)).map((column) => ({
    ...column,
    cell: cells[column.id],
  }));
  return (
    <QueriedRegister
      query={query}
      noun="data categories"
      page={filters.page}
      pageSize={filters.pageSize}
      table={{
        label: t("register.tableLabel"),
        testId: "categories-register",
        rowTestId: "category-row",
        columns,
        visible,
        rowKey: (row) => row.key,
        sorting: { sort: filters.sort, direction: filters.direction, basePath: "/data-categories", searchParams },
        emptyText: t("register.empty"),
      }}
    />
  );
}
