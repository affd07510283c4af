"use client";

import { RegisterStatus } from "@/components/registers/register-status";
import { useRegisterPage } from "@/components/registers/use-register-page";
import { Pagination } from "@/components/ui/pagination";
import type { BulkAcceptRiskAction } from "./accept-risk-types";
import { BulkAcceptForm } from "./bulk-accept-form";
import type { FlagListAcceptance } from "./flag-list";
import { FlagsTable } from "./flags-table";
import type { FlagFilters } from "@/lib/api/contracts/flags";
import { fetchFlagRegister, flagKeys } from "./register-query";

/**
 * The flag register's rows: read from the query cache, which the server page filled for this URL (no second
 * request on the first render); a refetch or another URL asks GET /api/v1/flags. A triage decision (accept
 * one, accept several) invalidates the key, so the accepted flags leave the open list without a reload.
 * `acceptance` and `acceptRisks` are given to the DPO only.
 */
export function FlagsRegister({
  filters,
  searchParams,
  acceptance,
  acceptRisks,
  today,
}: {
  filters: FlagFilters;
  /** The page's query parameters for the pager, without the one-off "accepted" confirmation. */
  searchParams: Record<string, string | undefined>;
  acceptance?: FlagListAcceptance;
  acceptRisks?: BulkAcceptRiskAction;
  /** YYYY-MM-DD, the server's: what is overdue. */
  today: string;
}) {
  const query = useRegisterPage(flagKeys.list(filters), (signal) => fetchFlagRegister(filters, signal));
  const data = query.data;

  return (
    <>
      <RegisterStatus query={query} noun="flags" />
      {data && (
        <>
          {/* Kept on the open list even once it is empty, so that the confirmation of the flags just accepted
              (which the refetch removes from it) stays on screen. */}
          {acceptance && acceptRisks && (filters.status === "open" || data.rows.some((flag) => flag.status === "open")) && (
            <BulkAcceptForm minDate={acceptance.minDate} acceptRisks={acceptRisks} />
          )}
          <FlagsTable rows={data.rows} view={filters.status} acceptance={acceptance} busy={query.isPlaceholderData} today={today} />
          <Pagination page={filters.page} pageSize={filters.pageSize} total={data.total} basePath="/flags" searchParams={searchParams} />
        </>
      )}
    </>
  );
}
