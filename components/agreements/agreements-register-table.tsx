"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { AgreementRegisterRow } from "@/db/queries/agreements-register";
import { SCC_MODULE_LABELS } from "@/components/transfers/labels";
import { QueriedRegister } from "@/components/registers/queried-register";
import { useRegisterPage } from "@/components/registers/use-register-page";
import type { RegisterColumn } from "@/components/registers/register-table";
import { localeFormatters } from "@/components/registers/locale-format";
import { Badge } from "@/components/ui/badge";
import type { AgreementFilters } from "@/lib/api/contracts/agreements";
import { AGREEMENT_TYPE_LABELS } from "@/lib/rules/labels";
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
  locale,
}: {
  filters: AgreementFilters;
  visible: readonly string[];
  searchParams: Record<string, string | undefined>;
  locale: string;
}) {
  const query = useRegisterPage(agreementKeys.list(filters), (signal) => fetchAgreementRegister(filters, signal));
  const format = localeFormatters(locale);

  const cells: Record<AgreementColumnId, (row: AgreementRegisterRow) => ReactNode> = {
    agreement: (row) => (
      <>
        <Link href={`/agreements/${row.id}`} className="font-medium text-brand-700 underline">
          {AGREEMENT_TYPE_LABELS[row.type]}
          <span className="sr-only"> with {row.processorName}</span>
        </Link>
        {row.sccModule && <span className="block text-xs text-slate-600">{SCC_MODULE_LABELS[row.sccModule]}</span>}
      </>
    ),
    processor: (row) => (
      <Link href={`/processors/${row.processorId}`} className="text-brand-700 underline">
        {row.processorName}
      </Link>
    ),
    state: (row) => <AgreementStateBadge state={row.state} />,
    signed: (row) => <span className="whitespace-nowrap">{row.signedDate ? format.date(row.signedDate) : "Not signed"}</span>,
    effective: (row) => <span className="whitespace-nowrap">{format.date(row.effectiveDate)}</span>,
    expiry: (row) => <span className="whitespace-nowrap">{row.expiryDate ? format.date(row.expiryDate) : "No expiry"}</span>,
    covers: (row) => (
      <span title={row.coversAllTransfers ? "All of the processor's transfers" : "The transfers it lists"}>
        {format.number(row.transferCount)}
        <span className="block text-xs text-slate-600">{row.coversAllTransfers ? "all" : "listed"}</span>
      </span>
    ),
    subprocessing: (row) => `${row.permitsSubprocessing ? "Permitted" : "Not permitted"} / ${row.flowDown ? "flow-down" : "no flow-down"}`,
    document: (row) => row.documentRef ?? "—",
    flags: (row) => (row.openFlagCount > 0 ? <Badge tone="red">{format.number(row.openFlagCount)}</Badge> : <span className="text-slate-500">0</span>),
  };
  const columns: RegisterColumn<AgreementRegisterRow>[] = AGREEMENT_COLUMNS.map((column) => ({ ...column, cell: cells[column.id] }));

  return (
    <QueriedRegister
      query={query}
      noun="agreements"
      page={filters.page}
      pageSize={filters.pageSize}
      table={{
        label: "Agreements table",
        testId: "agreements-register",
        rowTestId: "agreement-row",
        columns,
        visible,
        rowKey: (row) => row.id,
        sorting: { sort: filters.sort ?? "expiry", direction: filters.direction ?? "asc", basePath: "/agreements", searchParams },
        emptyText: "No agreement matches these filters.",
      }}
    />
  );
}
