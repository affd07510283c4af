import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import type { AgreementRegisterRow } from "@/db/queries/agreements-register";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { AgreementFilters } from "@/lib/api/contracts/agreements";

/** Query keys of the agreements: a mutation invalidates `agreementKeys.all`, and every list refetches. */
export const agreementKeys = registerKeys<AgreementFilters>(REGISTER_ROOTS.agreements);

/** The page's filters are GET /api/v1/agreements's own parameters (one contract): the query string is theirs. */
export function fetchAgreementRegister(filters: AgreementFilters, signal?: AbortSignal): Promise<RegisterPage<AgreementRegisterRow>> {
  return fetchRegisterPage<AgreementRegisterRow>(`/api/v1/agreements?${queryString(filters)}`, signal);
}
