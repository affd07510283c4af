import { registerKeys } from "@/components/providers/register-keys";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { EntityListRow } from "@/db/queries/entities";
import type { EntityFilters } from "@/lib/api/contracts/entities";

/**
 * Query keys of the entity list. The page is server-rendered on every visit and hydrates this key with fresh
 * rows, so an entity saved elsewhere shows on the next visit.
 */
export const entityKeys = registerKeys<EntityFilters>(["entities"]);

/** The page's filters are GET /api/v1/entities's own parameters (one contract): the query string is theirs. */
export function fetchEntities(filters: EntityFilters, signal?: AbortSignal): Promise<RegisterPage<EntityListRow>> {
  return fetchRegisterPage<EntityListRow>(`/api/v1/entities?${queryString(filters)}`, signal);
}
