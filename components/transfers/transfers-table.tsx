"use client";

import Link from "next/link";
import { clsx } from "clsx";
import { useLocale, useTranslations } from "next-intl";
import type { TransferListRow } from "@/db/queries/transfers";
import { SeverityBadge } from "@/components/flags/badges";
import { appLocale, localeFormatters, type LocaleFormatters } from "@/components/registers/locale-format";
import { RegisterStatus } from "@/components/registers/register-status";
import { useRegisterPage } from "@/components/registers/use-register-page";
import type { RegisterSort } from "@/components/registers/register-table";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/ui/sort-header";
import { TableScroll } from "@/components/ui/table-scroll";
import type { TransferFilters } from "@/lib/api/contracts/transfers";
import { countryName, enumLabel } from "@/lib/labels";
import { fetchTransferRegister, transferKeys } from "./register-query";
import { TRANSFER_COLUMNS, type TransferColumnId } from "./transfer-columns";
import { TransferStatusBadge } from "./transfer-status-badge";

/**
 * The transfer register's rows: read from the query cache, which the server page filled for this URL (no
 * second request on the first render); a refetch or another URL asks GET /api/v1/transfers.
 */
export function TransfersTable({
  filters,
  searchParams,
  visible = TRANSFER_COLUMNS.map((column) => column.id),
}: {
  filters: TransferFilters;
  /** The page's query, kept by the sort and page links. */
  searchParams: Record<string, string | undefined>;
  /** The visible columns' ids (the column choice); all by default. */
  visible?: readonly string[];
}) {
  const locale = appLocale(useLocale());
  const query = useRegisterPage(transferKeys.list(filters), (signal) => fetchTransferRegister(filters, signal));

  return (
    <div className="space-y-2">
      <RegisterStatus query={query} noun="transfers" />
      {query.data && (
        <>
          <TransferRows
            rows={query.data.rows}
            sorting={{ sort: filters.sort ?? "processor", direction: filters.direction ?? "asc", basePath: "/transfers", searchParams }}
            visible={visible}
            format={localeFormatters(locale)}
            busy={query.isPlaceholderData}
          />
          <Pagination page={filters.page} pageSize={filters.pageSize} total={query.data.total} basePath="/transfers" searchParams={searchParams} />
        </>
      )}
    </div>
  );
}

/** The table itself: its own markup rather than RegisterTable's, for the two-line cells and their widths. */
function TransferRows({
  rows,
  sorting,
  visible,
  format,
  busy,
}: {
  rows: readonly TransferListRow[];
  sorting: RegisterSort;
  visible: readonly string[];
  format: LocaleFormatters;
  /** New rows are on their way: the old ones stay, dimmed. */
  busy: boolean;
}) {
  const t = useTranslations("transfers");
  const { locale } = format;
  const shows = (id: TransferColumnId) => visible.includes(id);
  const column = (id: TransferColumnId) => t(`columns.${id}`);
  return (
    <TableScroll label={t("register.tableLabel")} className="relative rounded-lg border border-slate-200 bg-white">
      <table
        className={clsx("min-w-full divide-y divide-slate-200 text-sm transition-opacity", busy && "opacity-60")}
        data-testid="transfers-table"
        aria-busy={busy}
      >
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <SortHeader label={column("processor")} column="processor" {...sorting} />
            {shows("exporter") && <th scope="col" className="px-3 py-2">{column("exporter")}</th>}
            {shows("route") && <SortHeader label={column("route")} column="destination" {...sorting} />}
            {shows("categories") && <th scope="col" className="px-3 py-2 text-right">{column("categories")}</th>}
            {shows("volume") && <SortHeader label={column("volume")} column="volume" className="text-right" {...sorting} />}
            {shows("mechanism") && <SortHeader label={column("mechanism")} column="mechanism" {...sorting} />}
            {shows("encryption") && <th scope="col" className="px-3 py-2">{column("encryption")}</th>}
            {shows("severity") && <SortHeader label={column("severity")} column="severity" {...sorting} />}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={TRANSFER_COLUMNS.filter((candidate) => shows(candidate.id)).length} className="px-4 py-8 text-center text-slate-600">
                {t("register.empty")}
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const origin = countryName(row.originCountry, locale);
            const destination = countryName(row.destinationCountry, locale);
            const route = t("route", { origin, destination });
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
                    <span className="block">{origin}</span>
                    <span className="block">
                      <span aria-hidden="true">→ </span>
                      <span className="sr-only">{t("to")} </span>
                      {destination}
                    </span>
                    <span className="block text-xs text-slate-600">{enumLabel("accessType", row.accessType, locale)}</span>
                  </td>
                )}
                {shows("categories") && <td className="px-3 py-2 text-right tabular-nums">{format.number(row.categoryCount)}</td>}
                {shows("volume") && (
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{t("volume", { count: row.estimatedSubjects, number: format.number(row.estimatedSubjects), unit: row.volumeUnit })}</td>
                )}
                {shows("mechanism") && (
                  <td className="px-3 py-2">
                    {enumLabel("transferMechanism", row.mechanism, locale)}
                    {/* An exemption claimed changes what the mechanism has to carry: say so where the mechanism is read. */}
                    {row.dojExemption && (
                      <span className="block text-xs text-slate-600">{t("dojExempt", { exemption: enumLabel("dojExemption", row.dojExemption, locale) })}</span>
                    )}
                    {row.piplExemption && (
                      <span className="block text-xs text-slate-600">{t("piplExempt", { exemption: enumLabel("piplExemption", row.piplExemption, locale) })}</span>
                    )}
                  </td>
                )}
                {shows("encryption") && (
                  <td className="px-3 py-2">
                    {row.encryptionInTransit === "none" ? (
                      <span className="font-medium text-red-800">{enumLabel("encryptionInTransit", "none", locale)}</span>
                    ) : (
                      enumLabel("encryptionInTransit", row.encryptionInTransit, locale)
                    )}
                  </td>
                )}
                {shows("severity") && (
                  <td className="px-3 py-2">
                    {row.worstOpenFlagSeverity ? <SeverityBadge severity={row.worstOpenFlagSeverity} /> : <span className="text-slate-500">{t("noFlag")}</span>}
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
