import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import type { ActivityRegisterRow } from "@/db/queries/activities-register";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { ActivityRegisterFilters } from "./register-params";

/** Query keys of the processing activities: a mutation invalidates `activityKeys.all`, and every list refetches. */
export const activityKeys = registerKeys<ActivityRegisterFilters>(REGISTER_ROOTS.activities);

/** The page's filters as GET /api/v1/activities names them. */
export function activityApiQuery(filters: ActivityRegisterFilters): string {
  return queryString({
    view: "register",
    page: filters.page,
    pageSize: filters.pageSize,
    q: filters.q,
    legalBasis: filters.legalBasis,
    record: filters.record,
    sort: filters.sort,
    direction: filters.direction,
  });
}

export function fetchActivityRegister(filters: ActivityRegisterFilters, signal?: AbortSignal): Promise<RegisterPage<ActivityRegisterRow>> {
  return fetchRegisterPage<ActivityRegisterRow>(`/api/v1/activities?${activityApiQuery(filters)}`, signal);
}
