"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ProcessorListRow } from "@/db/queries/processors";
import { localeFormatters } from "@/components/registers/locale-format";
import { PROCESSOR_COLUMNS, type ProcessorColumnId } from "@/components/registers/processor-columns";
import { QueriedRegister } from "@/components/registers/queried-register";
import { useRegisterPage } from "@/components/registers/use-register-page";
import type { RegisterColumn } from "@/components/registers/register-table";
import { Badge } from "@/components/ui/badge";
import { countryName } from "@/lib/jurisdictions/countries";
import type { ProcessorFilters } from "@/lib/api/contracts/processors";
import { fetchProcessorRegister, processorKeys } from "./register-query";
import { RecordStatusBadge } from "./status-badge";

const label = (value: string) => value.replace(/_/g, " ");

/**
 * The processor register's rows: read from the query cache, which the server page filled for this URL (no
 * second request on the first render); a refetch or another URL asks GET /api/v1/processors.
 */
export function ProcessorsRegisterTable({
  filters,
  visible,
  searchParams,
  locale,
}: {
  filters: ProcessorFilters;
  visible: readonly string[];
  searchParams: Record<string, string | undefined>;
  locale: string;
}) {
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
    country: (row) => countryName(row.country) ?? row.country,
    service: (row) => <span className="capitalize">{label(row.service)}</span>,
    role: (row) => <span className="capitalize">{label(row.role)}</span>,
    status: (row) => <RecordStatusBadge status={row.status} />,
    dpf: (row) => (row.dpfCertified ? (row.dpfUkExtension ? "Certified, with the UK Extension" : "Certified") : "Not certified"),
    updatedAt: (row) => <span className="whitespace-nowrap">{format.date(row.updatedAt)}</span>,
    transfers: (row) => format.number(row.transferCount),
    flags: (row) => (row.openFlagCount > 0 ? <Badge tone="red">{format.number(row.openFlagCount)}</Badge> : <span className="text-slate-500">0</span>),
  };
  const columns: RegisterColumn<ProcessorListRow>[] = PROCESSOR_COLUMNS.map((column) => ({ ...column, cell: cells[column.id] }));

  return (
    <QueriedRegister
      query={query}
      noun="processors"
      page={filters.page}
      pageSize={filters.pageSize}
      table={{
        label: "Processors table",
        testId: "processors-table",
        rowTestId: "processor-row",
        columns,
        visible,
        rowKey: (row) => row.id,
        sorting: { sort: filters.sort, direction: filters.direction, basePath: "/processors", searchParams },
        emptyText: "No processor matches these filters.",
      }}
    />
  );
}
