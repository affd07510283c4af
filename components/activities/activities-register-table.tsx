"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ActivityRegisterRow } from "@/db/queries/activities-register";
import { labelColumns } from "@/components/registers/columns";
import { QueriedRegister } from "@/components/registers/queried-register";
import { useRegisterPage } from "@/components/registers/use-register-page";
import type { RegisterColumn } from "@/components/registers/register-table";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { Badge } from "@/components/ui/badge";
import type { ActivityFilters } from "@/lib/api/contracts/activities";
import { enumLabel } from "@/lib/labels";
import { ACTIVITY_COLUMNS, type ActivityColumnId } from "./activity-columns";
import { ActivityStatusBadge } from "./activity-status";
import { activityKeys, fetchActivityRegister } from "./register-query";

/**
 * The processing-activity register's rows: read from the query cache, which the server page filled for this
 * URL (no second request on the first render); a refetch or another URL asks GET /api/v1/activities.
 */
export function ActivitiesRegisterTable({
  filters,
  visible,
  searchParams,
}: {
  filters: ActivityFilters;
  visible: readonly string[];
  searchParams: Record<string, string | undefined>;
}) {
  const t = useTranslations("activities");
  const locale = appLocale(useLocale());
  const query = useRegisterPage(activityKeys.list(filters), (signal) => fetchActivityRegister(filters, signal));
  const format = localeFormatters(locale);

  const cells: Record<ActivityColumnId, (row: ActivityRegisterRow) => ReactNode> = {
    name: (row) => (
      <>
        <Link href={`/activities/${row.id}`} className="font-medium text-brand-700 underline">
          {row.name}
        </Link>
        {row.businessFunction && <span className="block text-xs text-slate-600">{row.businessFunction}</span>}
      </>
    ),
    purpose: (row) => <span className="line-clamp-2 max-w-md">{row.purpose}</span>,
    controller: (row) => row.controllerName,
    legalBasis: (row) => (
      <>
        {enumLabel("legalBasis", row.legalBasis, locale)}
        {row.art9Condition && (
          <span className="block text-xs text-slate-600">{t("register.art9", { condition: enumLabel("art9Condition", row.art9Condition, locale) })}</span>
        )}
      </>
    ),
    retention: (row) => row.retentionPeriod ?? <span className="font-medium text-amber-900">{t("register.notRecorded")}</span>,
    record: (row) =>
      row.retentionPeriod && row.hasSecurityMeasures ? (
        <Badge tone="green">{t("register.complete")}</Badge>
      ) : (
        <Badge tone="amber">{t("register.incomplete")}</Badge>
      ),
    status: (row) => <ActivityStatusBadge status={row.status} />,
    transfers: (row) =>
      row.transferCount > 0 ? (
        <Link href={`/activities/${row.id}#activity-transfers`} className="text-brand-700 underline">
          {format.number(row.transferCount)}
          <span className="sr-only"> {t("register.transfersFor", { count: row.transferCount, name: row.name })}</span>
        </Link>
      ) : (
        format.number(0)
      ),
    flags: (row) => (row.openFlagCount > 0 ? <Badge tone="red">{format.number(row.openFlagCount)}</Badge> : <span className="text-slate-500">{format.number(0)}</span>),
    updatedAt: (row) => <span className="whitespace-nowrap">{format.date(row.updatedAt)}</span>,
  };
  const columns: RegisterColumn<ActivityRegisterRow>[] = labelColumns(ACTIVITY_COLUMNS, (id) => t(`columns.${id}`)).map((column) => ({
    ...column,
    cell: cells[column.id],
  }));

  return (
    <QueriedRegister
      query={query}
      noun="processing activities"
      page={filters.page}
      pageSize={filters.pageSize}
      table={{
        label: t("register.tableLabel"),
        testId: "activities-register",
        rowTestId: "activity-row",
        columns,
        visible,
        rowKey: (row) => row.id,
        sorting: { sort: filters.sort ?? "name", direction: filters.direction ?? "asc", basePath: "/activities", searchParams },
        emptyText: t("register.empty"),
      }}
    />
  );
}
