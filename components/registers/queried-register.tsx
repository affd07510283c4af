"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { Pagination } from "@/components/ui/pagination";
import type { RegisterPage } from "./fetch-page";
import { RegisterStatus } from "./register-status";
import { RegisterTable, type RegisterTableProps } from "./register-table";

/**
 * A register page read through the query cache (see use-register-page.ts): what it is doing in words, then
 * its rows (dimmed while the next ones load) and the pager. The sort links and the pager keep the URL's query.
 */
export function QueriedRegister<Row>({
  query,
  noun,
  table,
  page,
  pageSize,
}: {
  query: UseQueryResult<RegisterPage<Row>>;
  /** What the rows are, in English, for the loading and error messages: "agreements" (translated by registers.nouns). */
  noun: string;
  table: Omit<RegisterTableProps<Row>, "rows" | "busy">;
  page: number;
  pageSize: number;
}) {
  const { basePath, searchParams } = table.sorting;
  return (
    <div className="space-y-2">
      <RegisterStatus query={query} noun={noun} />
      {query.data && (
        <>
          <RegisterTable {...table} rows={query.data.rows} busy={query.isPlaceholderData} />
          <Pagination page={page} pageSize={pageSize} total={query.data.total} basePath={basePath} searchParams={searchParams} />
        </>
      )}
    </div>
  );
}
