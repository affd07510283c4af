import { REGISTER_ROOTS, registerKeys } from "@/components/providers/register-keys";
import { fetchRegisterPage, queryString, type RegisterPage } from "@/components/registers/fetch-page";
import type { CategoryRegisterRow } from "@/db/queries/categories-register";
import type { CategoryRegisterFilters } from "./register-params";

/** Query keys of the data-category register: a write invalidates `categoryKeys.all`, and every list refetches. */
export const categoryKeys = registerKeys<CategoryRegisterFilters>(REGISTER_ROOTS.dataCategories);

/** The page's filters as GET /api/v1/data-categories names them. */
export function categoryApiQuery(filters: CategoryRegisterFilters): string {
  return queryString({
    view: "register",
    page: filters.page,
    pageSize: filters.pageSize,
    q: filters.q,
    sensitive: filters.sensitive === undefined ? undefined : filters.sensitive === "1" ? "true" : "false",
    classification: filters.classification,
    sort: filters.sort,
    direction: filters.direction,
  });
}

export function fetchCategoryRegister(filters: CategoryRegisterFilters, signal?: AbortSignal): Promise<RegisterPage<CategoryRegisterRow>> {
  return fetchRegisterPage<CategoryRegisterRow>(`/api/v1/data-categories?${categoryApiQuery(filters)}`, signal);
}
