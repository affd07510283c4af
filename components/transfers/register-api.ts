import "server-only";
import { z } from "zod";
import { transferListQuery } from "@/lib/api/params";
import { transferListQueryExtras } from "@/lib/validation/list-params";
import { ENCRYPTION_FILTERS } from "./register-params";

/*
 * GET /api/v1/transfers?view=register: the rows of the transfer register page, with every filter the page has
 * (the list's own, plus encryption in transit), for the page's query cache. Strict like every API query: a bad
 * parameter is a 422 naming it. (Belongs with lib/review/api-schemas.ts; it can move there unchanged.)
 */
export const transferRegisterApiQuery = transferListQuery.extend({
  ...transferListQueryExtras,
  view: z.literal("register"),
  encryption: z.enum(ENCRYPTION_FILTERS).optional().describe("none: sent unencrypted in transit; any: some encryption in transit"),
});
