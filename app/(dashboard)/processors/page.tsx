import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listProcessors } from "@/db/queries/processors";
import { RECORD_STATUSES } from "@/db/schema/enums";
import { Badge } from "@/components/ui/badge";
import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { RecordStatusBadge } from "@/components/processors/status-badge";
import { requirePageActor } from "@/lib/auth/guard";
import { countryName } from "@/lib/jurisdictions/countries";
import { processorListParams } from "@/lib/validation/list-params";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Processors" };
export const dynamic = "force-dynamic";

const label = (value: string) => value.replace(/_/g, " ");

export default async function ProcessorsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageActor();
  const raw = await searchParams;
  const params = processorListParams.parse(raw);
  const { rows, total } = await listProcessors({ db: db(), ...params });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Processors</h1>
      <FilterForm action="/processors" label="Filter processors" values={[params.q, params.status]}>
        <SearchFilter id="q" label="Search" value={params.q} placeholder="Name, legal name or website" className="w-64" />
        <SelectFilter id="status" name="status" label="Status" value={params.status} options={enumOptions(RECORD_STATUSES)} />
      </FilterForm>

      <TableScroll label="Processors table" className="rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="processors-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Country</th>
              <th scope="col" className="px-4 py-2">Service</th>
              <th scope="col" className="px-4 py-2">Role</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2 text-right">Transfers</th>
              <th scope="col" className="px-4 py-2 text-right">Open flags</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="px-4 py-8 text-center text-slate-600">
                  No processor matches these filters.
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.id} data-testid="processor-row">
                <td className="px-4 py-2">
                  <Link href={`/processors/${row.id}`} className="font-medium text-brand-700 underline">
                    {row.name}
                  </Link>
                  {row.legalName && row.legalName !== row.name && <span className="block text-xs text-slate-600">{row.legalName}</span>}
                </td>
                <td className="px-4 py-2">{countryName(row.country)}</td>
                <td className="px-4 py-2 capitalize">{label(row.service)}</td>
                <td className="px-4 py-2 capitalize">{label(row.role)}</td>
                <td className="px-4 py-2">
                  <RecordStatusBadge status={row.status} />
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{row.transferCount.toLocaleString("en-US")}</td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {row.openFlagCount > 0 ? <Badge tone="red">{row.openFlagCount}</Badge> : <span className="text-slate-500">0</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={params.page} pageSize={params.pageSize} total={total} basePath="/processors" searchParams={raw} />
    </div>
  );
}
