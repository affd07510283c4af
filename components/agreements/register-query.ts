import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import type { AgreementRegisterRow } from "@/db/queries/agreements-register";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { AgreementRegisterFilters } from "./register-params";

/** Query keys of the agreements: a mutation invalidates `agreementKeys.all`, and every list refetches. */
export const agreementKeys = registerKeys<AgreementRegisterFilters>(REGISTER_ROOTS.agreements);

/** The page's filters as GET /api/v1/agreements names them. */
export function agreementApiQuery(filters: AgreementRegisterFilters): string {
  return queryString({
    view: "register",
    page: filters.page,
    pageSize: filters.pageSize,
    q: filters.q,
    type: filters.type,
    processorId: filters.processor,
    state: filters.state,
    expiresWithinDays: filters.expires,
    sort: filters.sort,
    direction: filters.direction,
  });
}

export function fetchAgreementRegister(filters: AgreementRegisterFilters, signal?: AbortSignal): Promise<RegisterPage<AgreementRegisterRow>> {
  return fetchRegisterPage<AgreementRegisterRow>(`/api/v1/agreements?${agreementApiQuery(filters)}`, signal);
}
