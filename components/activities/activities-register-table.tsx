"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ActivityRegisterRow } from "@/db/queries/activities-register";
import { humanize } from "@/components/transfers/labels";
import { QueriedRegister } from "@/components/registers/queried-register";
import { useRegisterPage } from "@/components/registers/use-register-page";
import type { RegisterColumn } from "@/components/registers/register-table";
import { localeFormatters } from "@/components/registers/locale-format";
import { Badge } from "@/components/ui/badge";
import type { ActivityFilters } from "@/lib/api/contracts/activities";
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
  locale,
}: {
  filters: ActivityFilters;
  visible: readonly string[];
  searchParams: Record<string, string | undefined>;
  locale: string;
}) {
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
        <span className="capitalize">{humanize(row.legalBasis)}</span>
        {row.art9Condition && <span className="block text-xs text-slate-600">Art. 9: {humanize(row.art9Condition)}</span>}
      </>
    ),
    retention: (row) => row.retentionPeriod ?? <span className="font-medium text-amber-900">Not recorded</span>,
    record: (row) =>
      row.retentionPeriod && row.hasSecurityMeasures ? (
        <Badge tone="green">Complete</Badge>
      ) : (
        <Badge tone="amber">Incomplete</Badge>
      ),
    status: (row) => <ActivityStatusBadge status={row.status} />,
    transfers: (row) =>
      row.transferCount > 0 ? (
        <Link href={`/activities/${row.id}#activity-transfers`} className="text-brand-700 underline">
          {format.number(row.transferCount)}
          <span className="sr-only"> transfers for {row.name}</span>
        </Link>
      ) : (
        "0"
      ),
    flags: (row) => (row.openFlagCount > 0 ? <Badge tone="red">{format.number(row.openFlagCount)}</Badge> : <span className="text-slate-500">0</span>),
    updatedAt: (row) => <span className="whitespace-nowrap">{format.date(row.updatedAt)}</span>,
  };
  const columns: RegisterColumn<ActivityRegisterRow>[] = ACTIVITY_COLUMNS.map((column) => ({ ...column, cell: cells[column.id] }));

  return (
    <QueriedRegister
      query={query}
      noun="processing activities"
      page={filters.page}
      pageSize={filters.pageSize}
      table={{
        label: "Processing activities table",
        testId: "activities-register",
        rowTestId: "activity-row",
        columns,
        visible,
        rowKey: (row) => row.id,
        sorting: { sort: filters.sort ?? "name", direction: filters.direction ?? "asc", basePath: "/activities", searchParams },
        emptyText: "No processing activity matches these filters.",
      }}
    />
  );
}
