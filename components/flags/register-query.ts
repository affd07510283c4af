import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { FlagFilters } from "@/lib/api/contracts/flags";
import type { FlagListRow } from "@/lib/flags/register";

/** Query keys of the flag register: a triage decision invalidates `flagKeys.all`, and every list refetches. */
export const flagKeys = registerKeys<FlagFilters>(REGISTER_ROOTS.flags);

/** The page's filters are GET /api/v1/flags's own parameters (one contract): the query string is theirs. */
export function fetchFlagRegister(filters: FlagFilters, signal?: AbortSignal): Promise<RegisterPage<FlagListRow>> {
  return fetchRegisterPage<FlagListRow>(`/api/v1/flags?${queryString(filters)}`, signal);
}
