import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { CoveredTransferRow } from "@/db/queries/agreements-register";
import { SeverityBadge } from "@/components/flags/badges";
import { TransferStatusBadge } from "@/components/transfers/transfer-status-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { countryName, enumLabel } from "@/lib/labels";
import { appLocale, localeFormatters, type LocaleFormatters } from "./locale-format";

/** Transfers related to a record (an agreement's covered ones, an activity's), with their open flags; each links to its page. */
export function RelatedTransfersTable({
  rows,
  label,
  emptyText,
  format,
}: {
  rows: readonly CoveredTransferRow[];
  /** Accessible name of the table's region. */
  label: string;
  emptyText: string;
  /** The page's number formatter; the reader's locale's by default. */
  format?: Pick<LocaleFormatters, "number">;
}) {
  const t = useTranslations("registers.related");
  const locale = appLocale(useLocale());
  const number = (format ?? localeFormatters(locale)).number;
  if (rows.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <TableScroll label={label} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="related-transfers-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("processorActivity")}</th>
            <th scope="col" className="px-4 py-2">{t("exporter")}</th>
            <th scope="col" className="px-4 py-2">{t("route")}</th>
            <th scope="col" className="px-4 py-2">{t("mechanism")}</th>
            <th scope="col" className="px-4 py-2">{t("status")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("openFlags")}</th>
            <th scope="col" className="px-4 py-2">{t("worstOpenFlag")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const route = t("routeValue", { origin: countryName(row.originCountry, locale), destination: countryName(row.destinationCountry, locale) });
            return (
              <tr key={row.id} data-testid="related-transfer-row" className="align-top">
                <td className="px-4 py-2">
                  <Link href={`/transfers/${row.id}`} className="font-medium text-brand-700 underline">
                    {row.processorName}
                    <span className="sr-only">
                      : {row.activityName}, {route}
                    </span>
                  </Link>
                  <span className="block text-xs text-slate-600">{row.activityName}</span>
                </td>
                <td className="px-4 py-2">{row.exporterName}</td>
                <td className="px-4 py-2">{route}</td>
                <td className="px-4 py-2">{enumLabel("transferMechanism", row.mechanism, locale)}</td>
                <td className="px-4 py-2">
                  <TransferStatusBadge status={row.status} />
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{number(row.openFlagCount)}</td>
                <td className="px-4 py-2">
                  {row.worstOpenFlagSeverity ? <SeverityBadge severity={row.worstOpenFlagSeverity} /> : <span className="text-slate-500">{t("noFlag")}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
