import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { CategoryRegisterRow } from "@/db/queries/categories-register";
import { dataCategoryQueryString, type DataCategoryFilters } from "@/lib/api/contracts/data-categories";

/** Query keys of the data-category register: a write invalidates `categoryKeys.all`, and every list refetches. */
export const categoryKeys = registerKeys<DataCategoryFilters>(REGISTER_ROOTS.dataCategories);

/** The page's filters are GET /api/v1/data-categories's own parameters (one contract): the query string is theirs. */
export function fetchCategoryRegister(filters: DataCategoryFilters, signal?: AbortSignal): Promise<RegisterPage<CategoryRegisterRow>> {
  return fetchRegisterPage<CategoryRegisterRow>(`/api/v1/data-categories?${queryString(dataCategoryQueryString(filters))}`, signal);
}
