"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { EntityListRow } from "@/db/queries/entities";
import { labelColumns } from "@/components/registers/columns";
import { QueriedRegister } from "@/components/registers/queried-register";
import type { RegisterColumn } from "@/components/registers/register-table";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { useRegisterPage } from "@/components/registers/use-register-page";
import { yesNo } from "@/components/transfers/details-list";
import { Badge } from "@/components/ui/badge";
import type { EntityFilters } from "@/lib/api/contracts/entities";
import { countryName, enumLabel } from "@/lib/labels";
import { ENTITY_COLUMNS, type EntityColumnId } from "./entity-columns";
import { entityKeys, fetchEntities } from "./register-query";

/**
 * The organisation's legal entities: read from the query cache, which the server page filled for this URL (no
 * second request on the first render); another URL asks GET /api/v1/entities.
 */
export function EntitiesTable({ filters, searchParams }: { filters: EntityFilters; searchParams: Record<string, string | undefined> }) {
  const t = useTranslations("entities");
  const locale = appLocale(useLocale());
  const query = useRegisterPage(entityKeys.list(filters), (signal) => fetchEntities(filters, signal));
  const format = localeFormatters(locale);
  const none = <span className="text-slate-500">{t("noneRecorded")}</span>;

  const cells: Record<EntityColumnId, (row: EntityListRow) => ReactNode> = {
    name: (row) => (
      <>
        <Link href={`/organisation/entities/${row.id}`} className="font-medium text-brand-700 underline">
          {row.name}
        </Link>
        {row.legalName && row.legalName !== row.name && <span className="block text-xs text-slate-600">{row.legalName}</span>}
      </>
    ),
    country: (row) => countryName(row.country, locale),
    role: (row) => enumLabel("entityRole", row.role, locale),
    dpo: (row) => (row.dpoContact ? <span className="line-clamp-2 max-w-xs">{row.dpoContact}</span> : none),
    representatives: (row) =>
      row.representativeContact || row.ukRepresentativeContact ? (
        <span className="block max-w-xs text-sm">
          {row.representativeContact && <span className="block">{t("register.euRepresentative", { contact: row.representativeContact })}</span>}
          {row.ukRepresentativeContact && <span className="block">{t("register.ukRepresentative", { contact: row.ukRepresentativeContact })}</span>}
        </span>
      ) : (
        none
      ),
    ciio: (row) => (row.ciio ? <Badge tone="amber">{t("register.ciioOperator")}</Badge> : yesNo(false, locale)),
    activities: (row) => format.number(row.activityCount),
    transfers: (row) => format.number(row.transferCount),
  };
  const columns: RegisterColumn<EntityListRow>[] = labelColumns(ENTITY_COLUMNS, (id) => t(`columns.${id}`)).map((column) => ({
    ...column,
    cell: cells[column.id],
  }));

  return (
    <QueriedRegister
      query={query}
      noun="entities"
      page={filters.page}
      pageSize={filters.pageSize}
      table={{
        label: t("register.tableLabel"),
        testId: "entities-register",
        rowTestId: "entity-row",
        columns,
        visible: ENTITY_COLUMNS.map((column) => column.id),
        rowKey: (row) => row.id,
        sorting: { sort: filters.sort ?? "name", direction: filters.direction ?? "asc", basePath: "/organisation", searchParams },
        emptyText: t("register.empty"),
      }}
    />
  );
}
