import "server-only";
import { z } from "zod";
import { FLAG_SUBJECT_TYPES, SEVERITIES } from "@/db/schema/enums";
import { paginationQuery } from "@/lib/api/params";
import { RULE_IDS } from "@/lib/rules/types";
import { FLAG_STATUS_FILTERS } from "./register-params";

/*
 * GET /api/v1/flags?view=register: the rows of the flag register page (worst first, with what names and links
 * each subject), for the page's query cache. Strict like every API query: a bad parameter is a 422 naming it.
 * The status defaults to "open" as on the page, whose default view is the open work list; "all" lifts it.
 * (Belongs with lib/review/api-schemas.ts; it can move there unchanged.)
 */
export const flagRegisterApiQuery = z.object({
  ...paginationQuery,
  view: z.literal("register"),
  q: z
    .string()
    .trim()
    .max(200, { message: "must be at most 200 characters" })
    .refine((value) => !value.includes("\u0000"), { message: "must not contain the NUL character" })
    .optional()
    .describe("Text search on the rule's title or id and the subject's processor name"),
  status: z.enum(FLAG_STATUS_FILTERS).default("open"),
  severity: z.enum(SEVERITIES).optional(),
  ruleId: z.enum(RULE_IDS, { message: "must be a rule id of the catalog, like transfer.no-contract" }).optional(),
  subjectType: z.enum(FLAG_SUBJECT_TYPES).optional(),
});
