import "server-only";
import { z } from "zod";
import { LEGAL_BASES } from "@/db/schema/enums";
import { paginationQuery } from "@/lib/api/params";
import { ACTIVITY_RECORD_STATES, ACTIVITY_SORTS } from "./register-params";

/*
 * GET /api/v1/activities?view=register: the rows of the processing-activity register page (controller,
 * transfer and open-flag counts), for the page's query cache. Strict like every API query: a bad parameter is
 * a 422 naming it. (Belongs with lib/review/api-schemas.ts; it can move there unchanged.)
 */
export const activityRegisterApiQuery = z.object({
  ...paginationQuery,
  view: z.literal("register"),
  q: z.string().trim().max(200, { message: "must be at most 200 characters" }).optional(),
  legalBasis: z.enum(LEGAL_BASES).optional(),
  record: z.enum(ACTIVITY_RECORD_STATES).optional(),
  sort: z.enum(ACTIVITY_SORTS).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
});
