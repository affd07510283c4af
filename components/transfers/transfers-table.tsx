import Link from "next/link";
import type { TransferListRow } from "@/db/queries/transfers";
import { SeverityBadge } from "@/components/flags/badges";
import { ACCESS_TYPE_LABELS, ENCRYPTION_IN_TRANSIT_LABELS, MECHANISM_LABELS, countryLabel, formatVolume } from "./labels";
import { TransferStatusBadge } from "./transfer-status-badge";
import { SortHeader } from "@/components/ui/sort-header";
import { TableScroll } from "@/components/ui/table-scroll";
import type { TransferSort } from "@/lib/validation/list-params";
import type { ColumnOption } from "@/components/registers/columns";

/** The transfer register's columns, for the column choice (`cols=` in the URL) and the table. */
export const TRANSFER_COLUMNS = [
  { id: "processor", label: "Processor / activity", required: true },
  { id: "exporter", label: "Exporter" },
  { id: "route", label: "Route / access" },
  { id: "categories", label: "Categories" },
  { id: "volume", label: "Volume / 12 months" },
  { id: "mechanism", label: "Mechanism" },
  { id: "encryption", label: "Encryption in transit" },
  { id: "severity", label: "Worst open flag" },
] as const satisfies readonly ColumnOption[];

type TransferColumnId = (typeof TRANSFER_COLUMNS)[number]["id"];

/** One page of the transfer register; each row links to the transfer's page. */
export function TransfersTable({
  rows,
  sort,
  direction,
  searchParams,
  visible = TRANSFER_COLUMNS.map((column) => column.id),
}: {
  rows: readonly TransferListRow[];
  sort: TransferSort;
  direction: "asc" | "desc";
  /** The page's query, kept by the sort links. */
  searchParams: Record<string, string | undefined>;
  /** The visible columns' ids (the column choice); all by default. */
  visible?: readonly string[];
}) {
  const sortProps = { sort, direction, basePath: "/transfers", searchParams };
  const shows = (id: TransferColumnId) => visible.includes(id);
  return (
    <TableScroll label="Transfers table" className="relative rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="transfers-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <SortHeader label="Processor / activity" column="processor" {...sortProps} />
            {shows("exporter") && <th scope="col" className="px-3 py-2">Exporter</th>}
            {shows("route") && <SortHeader label="Route / access" column="destination" {...sortProps} />}
            {shows("categories") && <th scope="col" className="px-3 py-2 text-right">Categories</th>}
            {shows("volume") && <SortHeader label="Volume / 12 months" column="volume" className="text-right" {...sortProps} />}
            {shows("mechanism") && <SortHeader label="Mechanism" column="mechanism" {...sortProps} />}
            {shows("encryption") && <th scope="col" className="px-3 py-2">Encryption in transit</th>}
            {shows("severity") && <SortHeader label="Worst open flag" column="severity" {...sortProps} />}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={TRANSFER_COLUMNS.filter((column) => shows(column.id)).length} className="px-4 py-8 text-center text-slate-600">
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
                {shows("exporter") && <td className="px-3 py-2">{row.exporterName}</td>}
                {shows("route") && (
                  <td className="min-w-40 px-3 py-2">
                    <span className="block">{countryLabel(row.originCountry)}</span>
                    <span className="block">
                      <span aria-hidden="true">→ </span>
                      <span className="sr-only">to </span>
                      {countryLabel(row.destinationCountry)}
                    </span>
                    <span className="block text-xs text-slate-600">{ACCESS_TYPE_LABELS[row.accessType]}</span>
                  </td>
                )}
                {shows("categories") && <td className="px-3 py-2 text-right tabular-nums">{row.categoryCount.toLocaleString("en-US")}</td>}
                {shows("volume") && (
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatVolume(row.estimatedSubjects, row.volumeUnit)}</td>
                )}
                {shows("mechanism") && <td className="px-3 py-2">{MECHANISM_LABELS[row.mechanism]}</td>}
                {shows("encryption") && (
                  <td className="px-3 py-2">
                    {row.encryptionInTransit === "none" ? (
                      <span className="font-medium text-red-800">None</span>
                    ) : (
                      ENCRYPTION_IN_TRANSIT_LABELS[row.encryptionInTransit]
                    )}
                  </td>
                )}
                {shows("severity") && (
                  <td className="px-3 py-2">
                    {row.worstOpenFlagSeverity ? <SeverityBadge severity={row.worstOpenFlagSeverity} /> : <span className="text-slate-500">none</span>}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
