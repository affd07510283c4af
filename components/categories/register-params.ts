import { z } from "zod";
import type { CategoryClassification, CategorySort } from "@/db/queries/categories-register";
import { pageParams } from "@/lib/validation/list-params";

export const CATEGORY_CLASSIFICATIONS = ["gdpr_special", "ccpa_sensitive", "pipl_sensitive", "doj_covered"] as const satisfies readonly CategoryClassification[];
export const CATEGORY_SORTS = ["key", "name", "transfers"] as const satisfies readonly CategorySort[];

export const CLASSIFICATION_LABELS: Readonly<Record<CategoryClassification, string>> = {
  gdpr_special: "GDPR Art. 9 special category",
  ccpa_sensitive: "CCPA sensitive",
  pipl_sensitive: "PIPL sensitive",
  doj_covered: "DOJ sensitive personal data",
};

/** Query parameters of /data-categories. Invalid values fall back to defaults: a URL is never an error page. */
export const categoryRegisterParams = z.object({
  ...pageParams,
  // The taxonomy is read as a tree: a longer default page keeps a branch together.
  pageSize: z.coerce.number().int().min(5).max(100).catch(50),
  /** "1": sensitive under at least one regime; "0": under none. */
  sensitive: z.enum(["1", "0"]).optional().catch(undefined),
  classification: z.enum(CATEGORY_CLASSIFICATIONS).optional().catch(undefined),
  sort: z.enum(CATEGORY_SORTS).catch("key"),
  cols: z.string().max(500).optional().catch(undefined),
});

export type CategoryRegisterParams = z.infer<typeof categoryRegisterParams>;
/** What selects the rows (the column choice does not): the query key's part. */
export type CategoryRegisterFilters = Omit<CategoryRegisterParams, "cols">;

export function categoryFilters({ cols: _columns, ...filters }: CategoryRegisterParams): CategoryRegisterFilters {
  // An empty search box submits `q=`: the same rows, so the same key as no search.
  return { ...filters, q: filters.q || undefined };
}
