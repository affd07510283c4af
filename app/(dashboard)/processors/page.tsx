import Link from "next/link";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { db } from "@/db/client";
import { listProcessors, type ProcessorListRow } from "@/db/queries/processors";
import { PROCESSOR_SERVICES, RECORD_STATUSES } from "@/db/schema/enums";
import { Badge } from "@/components/ui/badge";
import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { RecordStatusBadge } from "@/components/processors/status-badge";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { visibleColumnIds } from "@/components/registers/columns";
import { PROCESSOR_COLUMNS, type ProcessorColumnId } from "@/components/registers/processor-columns";
import { RegisterTable, type RegisterColumn } from "@/components/registers/register-table";
import { requirePageActor } from "@/lib/auth/guard";
import { ActionLink } from "@/components/registers/edit-link";
import { requestFormatters } from "@/lib/format/locale";
import { countryName, listCountries } from "@/lib/jurisdictions/countries";
import { processorListParams } from "@/lib/validation/list-params";

export const metadata: Metadata = { title: "Processors" };
export const dynamic = "force-dynamic";

const label = (value: string) => value.replace(/_/g, " ");

export default async function ProcessorsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const params = processorListParams.parse(raw);
  const cols = typeof raw.cols === "string" ? raw.cols.slice(0, 500) : undefined;
  const [{ rows, total }, format] = await Promise.all([listProcessors({ db: db(), ...params }), requestFormatters()]);
  const visible = visibleColumnIds(cols, PROCESSOR_COLUMNS);

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
    dpf: (row) => (row.dpfCertified ? "Certified" : "Not certified"),
    updatedAt: (row) => <span className="whitespace-nowrap">{format.date(row.updatedAt)}</span>,
    transfers: (row) => format.number(row.transferCount),
    flags: (row) => (row.openFlagCount > 0 ? <Badge tone="red">{format.number(row.openFlagCount)}</Badge> : <span className="text-slate-500">0</span>),
  };
  const columns: RegisterColumn<ProcessorListRow>[] = PROCESSOR_COLUMNS.map((column) => ({ ...column, cell: cells[column.id] }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Processors</h1>
        {/* Engineers register vendors through the guided form (drafts, duplicate check, review); the DPO records one directly. */}
        {actor.role === "dpo" && <ActionLink href="/processors/new">New processor</ActionLink>}
        {actor.role === "engineer" && <ActionLink href="/register/new">Register a vendor</ActionLink>}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/processors" label="Filter processors" values={[params.q, params.status, params.country, params.service]}>
          <SearchFilter id="q" label="Search" value={params.q} placeholder="Name, legal name or website" className="w-64" />
          <SelectFilter id="status" name="status" label="Status" value={params.status} options={enumOptions(RECORD_STATUSES)} />
          <SelectFilter id="service" name="service" label="Service" value={params.service} options={enumOptions(PROCESSOR_SERVICES)} />
          <SelectFilter
            id="country"
            name="country"
            label="Country of establishment"
            value={params.country}
            options={listCountries().map((country) => ({ value: country.code, label: country.name }))}
            className="max-w-56"
          />
          {cols && <input type="hidden" name="cols" value={cols} />}
        </FilterForm>
        <ColumnChooser columns={PROCESSOR_COLUMNS} visible={visible} basePath="/processors" searchParams={raw} register="processors" />
      </div>

      <RegisterTable
        label="Processors table"
        testId="processors-table"
        rowTestId="processor-row"
        columns={columns}
        visible={visible}
        rows={rows}
        rowKey={(row) => row.id}
        sorting={{ sort: params.sort, direction: params.direction, basePath: "/processors", searchParams: raw }}
        emptyText="No processor matches these filters."
      />
      <Pagination page={params.page} pageSize={params.pageSize} total={total} basePath="/processors" searchParams={raw} />
    </div>
  );
}
