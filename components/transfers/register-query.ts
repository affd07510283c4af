import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import type { TransferListRow } from "@/db/queries/transfers";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { TransferRegisterFilters } from "./register-params";

/** Query keys of the transfers: a mutation invalidates `transferKeys.all`, and every list refetches. */
export const transferKeys = registerKeys<TransferRegisterFilters>(REGISTER_ROOTS.transfers);

/** The page's filters as GET /api/v1/transfers names them. */
export function transferApiQuery(filters: TransferRegisterFilters): string {
  return queryString({
    view: "register",
    page: filters.page,
    pageSize: filters.pageSize,
    q: filters.q,
    destination: filters.destination,
    mechanism: filters.mechanism,
    encryption: filters.encryption,
    status: filters.status,
    processorId: filters.processor,
    category: filters.category,
    sensitive: filters.sensitive,
    severity: filters.severity,
    sort: filters.sort,
    direction: filters.direction,
  });
}

export function fetchTransferRegister(filters: TransferRegisterFilters, signal?: AbortSignal): Promise<RegisterPage<TransferListRow>> {
  return fetchRegisterPage<TransferListRow>(`/api/v1/transfers?${transferApiQuery(filters)}`, signal);
}
