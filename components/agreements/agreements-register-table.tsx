"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { AgreementRegisterRow } from "@/db/queries/agreements-register";
import { labelColumns } from "@/components/registers/columns";
import { QueriedRegister } from "@/components/registers/queried-register";
import { useRegisterPage } from "@/components/registers/use-register-page";
import type { RegisterColumn } from "@/components/registers/register-table";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { Badge } from "@/components/ui/badge";
import type { AgreementFilters } from "@/lib/api/contracts/agreements";
import { enumLabel } from "@/lib/labels";
import { AGREEMENT_COLUMNS, type AgreementColumnId } from "./agreement-columns";
import { AgreementStateBadge } from "./agreement-state-badge";
import { agreementKeys, fetchAgreementRegister } from "./register-query";

/**
 * The agreement register's rows: read from the query cache, which the server page filled for this URL (no
 * second request on the first render); a refetch or another URL asks GET /api/v1/agreements.
 */
export function AgreementsRegisterTable({
  filters,
  visible,
  searchParams,
}: {
  filters: AgreementFilters;
  visible: readonly string[];
  searchParams: Record<string, string | undefined>;
}) {
  const t = useTranslations("agreements");
  const locale = appLocale(useLocale());
  const query = useRegisterPage(agreementKeys.list(filters), (signal) => fetchAgreementRegister(filters, signal));
  const format = localeFormatters(locale);

  const cells: Record<AgreementColumnId, (row: AgreementRegisterRow) => ReactNode> = {
    agreement: (row) => (
      <>
        <Link href={`/agreements/${row.id}`} className="font-medium text-brand-700 underline">
          {enumLabel("agreementType", row.type, locale)}
          <span className="sr-only"> {t("withProcessor", { processor: row.processorName })}</span>
        </Link>
        {row.sccModule && <span className="block text-xs text-slate-600">{enumLabel("sccModule", row.sccModule, locale)}</span>}
      </>
    ),
    processor: (row) => (
      <Link href={`/processors/${row.processorId}`} className="text-brand-700 underline">
        {row.processorName}
      </Link>
    ),
    state: (row) => <AgreementStateBadge state={row.state} />,
    signed: (row) => <span className="whitespace-nowrap">{row.signedDate ? format.date(row.signedDate) : t("notSigned")}</span>,
    effective: (row) => <span className="whitespace-nowrap">{format.date(row.effectiveDate)}</span>,
    expiry: (row) => <span className="whitespace-nowrap">{row.expiryDate ? format.date(row.expiryDate) : t("noExpiry")}</span>,
    covers: (row) => (
      <span title={row.coversAllTransfers ? t("coverage.all") : t("coverage.theListed")}>
        {format.number(row.transferCount)}
        <span className="block text-xs text-slate-600">{row.coversAllTransfers ? t("coverage.allShort") : t("coverage.listedShort")}</span>
      </span>
    ),
    subprocessing: (row) => t("subprocessing", { permitted: String(row.permitsSubprocessing), flowDown: String(row.flowDown) }),
    document: (row) => row.documentRef ?? "—",
    flags: (row) => (row.openFlagCount > 0 ? <Badge tone="red">{format.number(row.openFlagCount)}</Badge> : <span className="text-slate-500">0</span>),
  };
  const columns: RegisterColumn<AgreementRegisterRow>[] = labelColumns(AGREEMENT_COLUMNS, (id) => t(`columns.${id}`)).map((column) => ({
    ...column,
    cell: cells[column.id],
  }));

  return (
    <QueriedRegister
      query={query}
      noun="agreements"
      page={filters.page}
      pageSize={filters.pageSize}
      table={{
        label: t("table.label"),
        testId: "agreements-register",
        rowTestId: "agreement-row",
        columns,
        visible,
        rowKey: (row) => row.id,
        sorting: { sort: filters.sort ?? "expiry", direction: filters.direction ?? "asc", basePath: "/agreements", searchParams },
        emptyText: t("register.empty"),
      }}
    />
  );
}
