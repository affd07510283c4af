import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { FlagRegisterRow } from "@/db/queries/flags";
import type { FlagFilters } from "@/lib/api/contracts/flags";

/** Query keys of the flag register: a triage decision invalidates `flagKeys.all`, and every list refetches. */
export const flagKeys = registerKeys<FlagFilters>(REGISTER_ROOTS.flags);

/** The page's filters are GET /api/v1/flags's own parameters (one contract): the query string is theirs. */
export function fetchFlagRegister(filters: FlagFilters, signal?: AbortSignal): Promise<RegisterPage<FlagRegisterRow>> {
  return fetchRegisterPage<FlagRegisterRow>(`/api/v1/flags?${queryString(filters)}`, signal);
}
