import "server-only";
import { z } from "zod";
import { processorListQuery } from "@/lib/api/params";
import { PROCESSOR_SORTS } from "@/lib/processors/list-sorts";

/*
 * GET /api/v1/processors?view=register: the rows of the processor register page, with its sorts, for the page's
 * query cache. Strict like every API query: a bad parameter is a 422 naming it. (Belongs with
 * lib/review/api-schemas.ts; it can move there unchanged.)
 */
export const processorRegisterApiQuery = processorListQuery.extend({
  view: z.literal("register"),
  sort: z.enum(PROCESSOR_SORTS).optional().describe("Sort column; ties are broken by id"),
  direction: z.enum(["asc", "desc"]).optional(),
});
