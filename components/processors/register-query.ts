import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import type { ProcessorListRow } from "@/db/queries/processors";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { ProcessorRegisterFilters } from "./register-params";

/** Query keys of the processors: a mutation invalidates `processorKeys.all`, and every list refetches. */
export const processorKeys = registerKeys<ProcessorRegisterFilters>(REGISTER_ROOTS.processors);

/** The page's filters as GET /api/v1/processors names them. */
export function processorApiQuery(filters: ProcessorRegisterFilters): string {
  return queryString({
    view: "register",
    page: filters.page,
    pageSize: filters.pageSize,
    q: filters.q,
    status: filters.status,
    country: filters.country,
    service: filters.service,
    sort: filters.sort,
    direction: filters.direction,
  });
}

export function fetchProcessorRegister(filters: ProcessorRegisterFilters, signal?: AbortSignal): Promise<RegisterPage<ProcessorListRow>> {
  return fetchRegisterPage<ProcessorListRow>(`/api/v1/processors?${processorApiQuery(filters)}`, signal);
}
