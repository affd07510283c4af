import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import type { TransferListRow } from "@/db/queries/transfers";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { TransferFilters } from "@/lib/api/contracts/transfers";

/** Query keys of the transfers: a mutation invalidates `transferKeys.all`, and every list refetches. */
export const transferKeys = registerKeys<TransferFilters>(REGISTER_ROOTS.transfers);

/** The page's filters are GET /api/v1/transfers's own parameters (one contract): the query string is theirs. */
export function fetchTransferRegister(filters: TransferFilters, signal?: AbortSignal): Promise<RegisterPage<TransferListRow>> {
  return fetchRegisterPage<TransferListRow>(`/api/v1/transfers?${queryString(filters)}`, signal);
}
