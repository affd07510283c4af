import "server-only";
import { z } from "zod";
import { paginationQuery } from "@/lib/api/params";
import { CATEGORY_CLASSIFICATIONS, CATEGORY_SORTS } from "./register-params";

/*
 * GET /api/v1/data-categories?view=register: the rows of the data-category register page (the taxonomy in
 * pages, with classifications and transfer counts), for the page's query cache. Strict like every API query:
 * a bad parameter is a 422 naming it. `sensitive` is true/false as on the plain list of this endpoint.
 * (Belongs with lib/review/api-schemas.ts; it can move there unchanged.)
 */
export const categoryRegisterApiQuery = z.object({
  ...paginationQuery,
  view: z.literal("register"),
  q: z
    .string()
    .trim()
    .max(200, { message: "must be at most 200 characters" })
    .refine((value) => !value.includes("\u0000"), { message: "must not contain the NUL character" })
    .optional()
    .describe("Text search on the key, name and description"),
  sensitive: z
    .enum(["true", "false"], { message: "must be true or false" })
    .transform((value) => value === "true")
    .optional()
    .describe("true: sensitive under at least one regime; false: under none"),
  classification: z.enum(CATEGORY_CLASSIFICATIONS).optional(),
  sort: z.enum(CATEGORY_SORTS).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
});
