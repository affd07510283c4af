import { z } from "zod";
import { CATEGORY_CLASSIFICATIONS, CATEGORY_SORTS, type CategoryClassification } from "@/db/list-sorts";
import { enumLabels } from "@/lib/labels";
import { enumField } from "@/lib/validation/enum-field";
import { MAX_PAGE_SIZE, booleanParam, defineContract, lenientQuery, pageOf, searchText, sortDirection, updateBodyOf, wire } from "./common";

/*
 * The data categories resource: /api/v1/data-categories, the data-category register page, the DPO's
 * reclassification. The taxonomy is reference data (the key and the tree stay fixed): there is no create or
 * delete, and an update changes only how a category is classified under each regime.
 */

export { CATEGORY_CLASSIFICATIONS, CATEGORY_SORTS };
/** A data category key (fideslang style, dotted lower case): anything else names no category. */
export { CATEGORY_KEY } from "./transfers";

/** The regimes' words for a sensitive category, from the label catalogue (enumLabel("categoryClassification", value, locale)). */
export const CLASSIFICATION_LABELS: Readonly<Record<CategoryClassification, string>> = enumLabels("categoryClassification");

const pageNumber = z.coerce.number({ message: "must be a whole number" }).int({ message: "must be a whole number" });

/**
 * The list query. The taxonomy is a few hundred keys, and the API has always answered it whole: paging is
 * optional. Without `page` and `pageSize` the answer is every matching category (`{ data, total }`); with
 * either, one page (`{ data, page, pageSize, total }`, page 1 and 20 rows unless said otherwise).
 */
export const dataCategoryListQuery = z.object({
  page: pageNumber.min(1).max(1_000_000).optional().describe("Page number; without page and pageSize, every category"),
  pageSize: pageNumber.min(1).max(MAX_PAGE_SIZE, { message: `must be at most ${MAX_PAGE_SIZE}` }).optional().describe("Rows per page (20 when only page is given)"),
  q: searchText.optional().describe("Text search on the key, the name (English or French) and the description"),
  sensitive: booleanParam.optional().describe("true: GDPR special, CCPA sensitive, PIPL sensitive or DOJ-covered; false: none of these"),
  classification: enumField("categoryClassification").optional().describe("Sensitive under this regime"),
  sort: z.enum(CATEGORY_SORTS).optional().describe("Sort column (default key: a parent right before its children); ties are broken by key"),
  direction: sortDirection.optional(),
});

export type DataCategoryListQuery = z.output<typeof dataCategoryListQuery>;

/** The register page's URL: the same parameters, lenient, with the page's own defaults. */
// The overridden keys are left out of the strict side, so that the page's types are the overrides' own.
export const dataCategoryPageQuery = lenientQuery(dataCategoryListQuery.omit({ page: true, pageSize: true, sensitive: true, sort: true, direction: true }), {
  // The page always pages; the taxonomy is read as a tree, so a longer default page keeps a branch together.
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  pageSize: z.coerce.number().int().min(5).max(MAX_PAGE_SIZE).catch(50),
  // The page's select says 1/0 (its URLs always have); the API's true/false are read too.
  sensitive: z
    .enum(["1", "0", "true", "false"])
    .transform((value) => value === "1" || value === "true")
    .optional()
    .catch(undefined),
  // The key order is what draws the tree; the sortable headers toggle an explicit direction.
  sort: z.enum(CATEGORY_SORTS).catch("key"),
  direction: sortDirection.catch("asc"),
  cols: z.string().max(500).optional().catch(undefined),
});
export type DataCategoryPageQuery = z.output<typeof dataCategoryPageQuery>;
/** What selects the rows (the column choice does not): the query key's part and the API query. */
export type DataCategoryFilters = Omit<DataCategoryPageQuery, "cols">;

export function dataCategoryFilters({ cols: _columns, ...filters }: DataCategoryPageQuery): DataCategoryFilters {
  // An empty search box submits `q=`: the same rows, so the same key as no search.
  return { ...filters, q: filters.q || undefined };
}

/** The filters as GET /api/v1/data-categories's query string (`sensitive` as true/false). */
export function dataCategoryQueryString({ sensitive, ...filters }: DataCategoryFilters): Record<string, string | number | undefined> {
  return { ...filters, sensitive: sensitive === undefined ? undefined : String(sensitive) };
}

/** How the DPO may classify a category under each regime (DOMAIN.md §2). */
export const dataCategoryClassification = z.strictObject({
  gdprSpecial: z.boolean(),
  ccpaCategory: enumField("ccpaCategory").nullable(),
  ccpaSensitive: z.boolean(),
  piplSensitive: z.boolean(),
  dojCategory: enumField("dojCategory")
    .describe("28 CFR 202.249 kind of sensitive personal data: genomic (202.224) apart from other 'omic data, government_related (202.222) at any volume"),
  dojIdentifierKind: enumField("dojIdentifierKind")
    .nullable()
    .describe("28 CFR 202.234 kind of listed identifier, null when the category is not one; decides the 202.212(b) exclusions"),
});

/** A reclassification: the classification fields to change and the version edited (there is no create body). */
export const updateDataCategoryBody = updateBodyOf(dataCategoryClassification);
export type UpdateDataCategoryInput = z.input<typeof updateDataCategoryBody>;

/** A category as stored: its key (the id), place in the tree, name and classifications. */
export const dataCategoryRecord = z.object({
  key: z.string().describe("fideslang-style dotted key, e.g. user.contact.email"),
  parentKey: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  ...dataCategoryClassification.shape,
  version: z.number().int(),
  createdAt: wire.timestamp,
  updatedAt: wire.timestamp,
});

/** One row of the data-category register (GET /api/v1/data-categories): the category and how many transfers carry it. */
export const dataCategoryListRow = dataCategoryRecord.extend({
  transferCount: z.number().int().describe("Transfers carrying the category or one of its descendants"),
});

/** The list answer: one page, or (without paging) every category with `page` and `pageSize` left out. */
export const dataCategoryListPage = pageOf(dataCategoryListRow).partial({ page: true, pageSize: true });

export const dataCategoryContract = defineContract({
  name: "DataCategory",
  tag: "DataCategories",
  path: "/api/v1/data-categories",
  record: dataCategoryRecord,
  listRow: dataCategoryListRow,
  listPage: dataCategoryListPage,
  listQuery: dataCategoryListQuery,
  updateBody: updateDataCategoryBody,
  withFlags: false,
  operations: {
    list: {
      operationId: "listDataCategories",
      summary: "List the data-category taxonomy with each category's classifications and transfer count, in key order; every category unless paged",
      roles: ["dpo", "engineer", "auditor"],
    },
    get: { operationId: "getDataCategory", summary: "Read one category by key", roles: ["dpo", "engineer", "auditor"] },
    update: {
      operationId: "updateDataCategory",
      summary: "Reclassify a category (DPO); the flags of every processor receiving it are re-evaluated",
      roles: ["dpo"],
    },
  },
});
