import Link from "next/link";
import type { TransferListRow } from "@/db/queries/transfers";
import { SeverityBadge } from "@/components/flags/badges";
import { ACCESS_TYPE_LABELS, ENCRYPTION_IN_TRANSIT_LABELS, MECHANISM_LABELS, countryLabel, formatVolume } from "./labels";
import { TransferStatusBadge } from "./transfer-status-badge";
import { SortHeader } from "@/components/ui/sort-header";
import { TableScroll } from "@/components/ui/table-scroll";
import type { TransferSort } from "@/lib/validation/list-params";

/** One page of the transfer register; each row links to the transfer's page. */
export function TransfersTable({
  rows,
  sort,
  direction,
  searchParams,
}: {
  rows: readonly TransferListRow[];
  sort: TransferSort;
  direction: "asc" | "desc";
  /** The page's query, kept by the sort links. */
  searchParams: Record<string, string | undefined>;
}) {
  const sortProps = { sort, direction, basePath: "/transfers", searchParams };
  return (
    <TableScroll label="Transfers table" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="transfers-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <SortHeader label="Processor / activity" column="processor" {...sortProps} />
            <th scope="col" className="px-3 py-2">Exporter</th>
            <SortHeader label="Route / access" column="destination" {...sortProps} />
            <th scope="col" className="px-3 py-2 text-right">Categories</th>
            <SortHeader label="Volume / 12 months" column="volume" className="text-right" {...sortProps} />
            <SortHeader label="Mechanism" column="mechanism" {...sortProps} />
            <th scope="col" className="px-3 py-2">Encryption in transit</th>
            <SortHeader label="Worst open flag" column="severity" {...sortProps} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={8} className="px-4 py-8 text-center text-slate-600">
                No transfer matches these filters.
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const route = `${countryLabel(row.originCountry)} → ${countryLabel(row.destinationCountry)}`;
            return (
              <tr key={row.id} data-testid="transfer-row" className="align-top hover:bg-slate-50">
                <td className="min-w-48 px-3 py-2">
                  <Link href={`/transfers/${row.id}`} className="font-medium text-brand-700 underline">
                    {row.processorName}
                    <span className="sr-only">
                      : {row.activityName}, {route}
                    </span>
                  </Link>
                  <span className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-slate-600">
                    {row.activityName} <TransferStatusBadge status={row.status} />
                  </span>
                </td>
                <td className="px-3 py-2">{row.exporterName}</td>
                <td className="min-w-40 px-3 py-2">
                  <span className="block">{countryLabel(row.originCountry)}</span>
                  <span className="block">
                    <span aria-hidden="true">→ </span>
                    <span className="sr-only">to </span>
                    {countryLabel(row.destinationCountry)}
                  </span>
                  <span className="block text-xs text-slate-600">{ACCESS_TYPE_LABELS[row.accessType]}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{row.categoryCount.toLocaleString("en-US")}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatVolume(row.estimatedSubjects, row.volumeUnit)}</td>
                <td className="px-3 py-2">{MECHANISM_LABELS[row.mechanism]}</td>
                <td className="px-3 py-2">
                  {row.encryptionInTransit === "none" ? (
                    <span className="font-medium text-red-800">None</span>
                  ) : (
                    ENCRYPTION_IN_TRANSIT_LABELS[row.encryptionInTransit]
                  )}
                </td>
                <td className="px-3 py-2">
                  {row.worstOpenFlagSeverity ? <SeverityBadge severity={row.worstOpenFlagSeverity} /> : <span className="text-slate-500">none</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
