"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ProcessorListRow } from "@/db/queries/processors";
import { labelColumns } from "@/components/registers/columns";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { PROCESSOR_COLUMNS, type ProcessorColumnId } from "@/components/registers/processor-columns";
import { QueriedRegister } from "@/components/registers/queried-register";
import { useRegisterPage } from "@/components/registers/use-register-page";
import type { RegisterColumn } from "@/components/registers/register-table";
import { Badge } from "@/components/ui/badge";
import type { ProcessorFilters } from "@/lib/api/contracts/processors";
import { countryName, enumLabel } from "@/lib/labels";
import { fetchProcessorRegister, processorKeys } from "./register-query";
import { RecordStatusBadge } from "./status-badge";

/**
 * The processor register's rows: read from the query cache, which the server page filled for this URL (no
 * second request on the first render); a refetch or another URL asks GET /api/v1/processors.
 */
export function ProcessorsRegisterTable({
  filters,
  visible,
  searchParams,
}: {
  filters: ProcessorFilters;
  visible: readonly string[];
  searchParams: Record<string, string | undefined>;
}) {
  const t = useTranslations("processors");
  const locale = appLocale(useLocale());
  const query = useRegisterPage(processorKeys.list(filters), (signal) => fetchProcessorRegister(filters, signal));
  const format = localeFormatters(locale);

  const cells: Record<ProcessorColumnId, (row: ProcessorListRow) => ReactNode> = {
    name: (row) => (
      <>
        <Link href={`/processors/${row.id}`} className="font-medium text-brand-700 underline">
          {row.name}
        </Link>
        {row.legalName && row.legalName !== row.name && <span className="block text-xs text-slate-600">{row.legalName}</span>}
      </>
    ),
    country: (row) => countryName(row.country, locale),
    service: (row) => enumLabel("processorService", row.service, locale),
    role: (row) => enumLabel("processorRole", row.role, locale),
    status: (row) => <RecordStatusBadge status={row.status} />,
    dpf: (row) => (row.dpfCertified ? (row.dpfUkExtension ? t("dpf.certifiedWithUk") : t("dpf.certified")) : t("dpf.notCertified")),
    updatedAt: (row) => <span className="whitespace-nowrap">{format.date(row.updatedAt)}</span>,
    transfers: (row) => format.number(row.transferCount),
    flags: (row) => (row.openFlagCount > 0 ? <Badge tone="red">{format.number(row.openFlagCount)}</Badge> : <span className="text-slate-500">0</span>),
  };
  const columns: RegisterColumn<ProcessorListRow>[] = labelColumns(PROCESSOR_COLUMNS, (id) => t(`columns.${id}`)).map((column) => ({
    ...column,
    cell: cells[column.id],
  }));

  return (
    <QueriedRegister
      query={query}
      noun="processors"
      page={filters.page}
      pageSize={filters.pageSize}
      table={{
        label: t("register.tableLabel"),
        testId: "processors-table",
        rowTestId: "processor-row",
        columns,
        visible,
        rowKey: (row) => row.id,
        sorting: { sort: filters.sort, direction: filters.direction, basePath: "/processors", searchParams },
        emptyText: t("register.empty"),
      }}
    />
  );
}
