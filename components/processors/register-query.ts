import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import type { ProcessorListRow } from "@/db/queries/processors";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { ProcessorFilters } from "@/lib/api/contracts/processors";

/** Query keys of the processors: a mutation invalidates `processorKeys.all`, and every list refetches. */
export const processorKeys = registerKeys<ProcessorFilters>(REGISTER_ROOTS.processors);

/** The page's filters are GET /api/v1/processors's own parameters (one contract): the query string is theirs. */
export function fetchProcessorRegister(filters: ProcessorFilters, signal?: AbortSignal): Promise<RegisterPage<ProcessorListRow>> {
  return fetchRegisterPage<ProcessorListRow>(`/api/v1/processors?${queryString(filters)}`, signal);
}
