import Link from "next/link";
import type { listTransfersByProcessor } from "@/db/queries/transfers";
import { SeverityBadge } from "@/components/flags/badges";
import { ACCESS_TYPE_LABELS, MECHANISM_LABELS, countryLabel, formatVolume } from "@/components/transfers/labels";
import { TransferStatusBadge } from "@/components/transfers/transfer-status-badge";
import { TableScroll } from "@/components/ui/table-scroll";

type Row = Awaited<ReturnType<typeof listTransfersByProcessor>>["rows"][number];

/** The transfers to one processor; each links to its transfer page. */
export function ProcessorTransfersTable({ rows }: { rows: readonly Row[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No transfer to this processor is recorded.</p>;
  return (
    <TableScroll label="Transfers to this processor table" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="processor-transfers-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">Activity</th>
            <th scope="col" className="px-4 py-2">Exporter</th>
            <th scope="col" className="px-4 py-2">Route</th>
            <th scope="col" className="px-4 py-2">Access</th>
            <th scope="col" className="px-4 py-2 text-right">Volume (12 months)</th>
            <th scope="col" className="px-4 py-2">Mechanism</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Worst open flag</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const route = `${countryLabel(row.originCountry)} → ${countryLabel(row.destinationCountry)}`;
            return (
              <tr key={row.id} data-testid="processor-transfer-row" className="align-top">
                <td className="px-4 py-2">
                  <Link href={`/transfers/${row.id}`} className="font-medium text-brand-700 underline">
                    {row.activityName}
                    <span className="sr-only">
                      : {ACCESS_TYPE_LABELS[row.accessType]}, {route}
                    </span>
                  </Link>
                </td>
                <td className="px-4 py-2">{row.exporterName}</td>
                <td className="px-4 py-2">{route}</td>
                <td className="px-4 py-2">{ACCESS_TYPE_LABELS[row.accessType]}</td>
                <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatVolume(row.estimatedSubjects, row.volumeUnit)}</td>
                <td className="px-4 py-2">{MECHANISM_LABELS[row.mechanism]}</td>
                <td className="px-4 py-2">
                  <TransferStatusBadge status={row.status} />
                </td>
                <td className="px-4 py-2">
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
