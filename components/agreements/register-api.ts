import "server-only";
import { z } from "zod";
import { AGREEMENT_TYPES } from "@/db/schema/enums";
import { paginationQuery } from "@/lib/api/params";
import { AGREEMENT_SORTS, AGREEMENT_STATES } from "./register-params";

/*
 * GET /api/v1/agreements?view=register: the rows of the agreement register page (processor name, state on
 * today, covered transfers, open flags), for the page's query cache. Strict like every API query: a bad
 * parameter is a 422 naming it. (Belongs with lib/review/api-schemas.ts; it can move there unchanged.)
 */
export const agreementRegisterApiQuery = z.object({
  ...paginationQuery,
  view: z.literal("register"),
  q: z.string().trim().max(200, { message: "must be at most 200 characters" }).optional(),
  type: z.enum(AGREEMENT_TYPES).optional(),
  processorId: z.string().uuid({ message: "must be a record id (UUID)" }).optional(),
  state: z.enum(AGREEMENT_STATES).optional(),
  expiresWithinDays: z.coerce.number({ message: "must be a whole number" }).int().min(1).max(3650).optional(),
  sort: z.enum(AGREEMENT_SORTS).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
});
