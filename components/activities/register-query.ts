import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import type { ActivityRegisterRow } from "@/db/queries/activities-register";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { ActivityFilters } from "@/lib/api/contracts/activities";

/** Query keys of the processing activities: a mutation invalidates `activityKeys.all`, and every list refetches. */
export const activityKeys = registerKeys<ActivityFilters>(REGISTER_ROOTS.activities);

/** The page's filters are GET /api/v1/activities's own parameters (one contract): the query string is theirs. */
export function fetchActivityRegister(filters: ActivityFilters, signal?: AbortSignal): Promise<RegisterPage<ActivityRegisterRow>> {
  return fetchRegisterPage<ActivityRegisterRow>(`/api/v1/activities?${queryString(filters)}`, signal);
}
