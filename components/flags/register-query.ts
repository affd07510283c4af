import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { FlagRegisterRow } from "@/db/queries/flags";
import type { FlagRegisterFilters } from "./register-params";

/** Query keys of the flag register: a triage decision invalidates `flagKeys.all`, and every list refetches. */
export const flagKeys = registerKeys<FlagRegisterFilters>(REGISTER_ROOTS.flags);

/** The page's filters as GET /api/v1/flags names them. */
export function flagApiQuery(filters: FlagRegisterFilters): string {
  return queryString({
    view: "register",
    page: filters.page,
    pageSize: filters.pageSize,
    q: filters.q,
    status: filters.status,
    severity: filters.severity,
    ruleId: filters.rule,
    subjectType: filters.subject,
  });
}

export function fetchFlagRegister(filters: FlagRegisterFilters, signal?: AbortSignal): Promise<RegisterPage<FlagRegisterRow>> {
  return fetchRegisterPage<FlagRegisterRow>(`/api/v1/flags?${flagApiQuery(filters)}`, signal);
}
