import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { listTransfersByProcessor } from "@/db/queries/transfers";
import { SeverityBadge } from "@/components/flags/badges";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { TransferStatusBadge } from "@/components/transfers/transfer-status-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { countryName, enumLabel } from "@/lib/labels";

type Row = Awaited<ReturnType<typeof listTransfersByProcessor>>["rows"][number];

/** The transfers to one processor; each links to its transfer page. */
export function ProcessorTransfersTable({ rows }: { rows: readonly Row[] }) {
  const t = useTranslations("processors.transfersTable");
  const tt = useTranslations("transfers");
  const locale = appLocale(useLocale());
  const { number } = localeFormatters(locale);
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <TableScroll label={t("label")} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="processor-transfers-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("activity")}</th>
            <th scope="col" className="px-4 py-2">{t("exporter")}</th>
            <th scope="col" className="px-4 py-2">{t("route")}</th>
            <th scope="col" className="px-4 py-2">{t("access")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("volume")}</th>
            <th scope="col" className="px-4 py-2">{t("mechanism")}</th>
            <th scope="col" className="px-4 py-2">{t("status")}</th>
            <th scope="col" className="px-4 py-2">{t("worstOpenFlag")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const route = tt("route", { origin: countryName(row.originCountry, locale), destination: countryName(row.destinationCountry, locale) });
            const access = enumLabel("accessType", row.accessType, locale);
            return (
              <tr key={row.id} data-testid="processor-transfer-row" className="align-top">
                <td className="px-4 py-2">
                  <Link href={`/transfers/${row.id}`} className="font-medium text-brand-700 underline">
                    {row.activityName}
                    <span className="sr-only">
                      : {access}, {route}
                    </span>
                  </Link>
                </td>
                <td className="px-4 py-2">{row.exporterName}</td>
                <td className="px-4 py-2">{route}</td>
                <td className="px-4 py-2">{access}</td>
                <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{tt("volume", { count: row.estimatedSubjects, number: number(row.estimatedSubjects), unit: row.volumeUnit })}</td>
                <td className="px-4 py-2">{enumLabel("transferMechanism", row.mechanism, locale)}</td>
                <td className="px-4 py-2">
                  <TransferStatusBadge status={row.status} />
                </td>
                <td className="px-4 py-2">
                  {row.worstOpenFlagSeverity ? <SeverityBadge severity={row.worstOpenFlagSeverity} /> : <span className="text-slate-500">{tt("noFlag")}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
