import { z } from "zod";
import { FLAG_STATUSES, FLAG_SUBJECT_TYPES, SEVERITIES } from "@/db/schema/enums";
import { paginationQuery } from "@/lib/api/params";

/*
 * Query parameters and strict bodies of the API's review, flag and category endpoints, as lib/api/params.ts
 * does for processors: a bad parameter is a 422 naming it, an unknown body field is refused by name.
 * (Agreements and activities have their contracts in lib/api/contracts/.)
 */

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const recordIdParam = z.string().regex(UUID_SHAPE, { message: "must be a record id (UUID)" });

const searchText = z
  .string()
  .trim()
  .max(200, { message: "must be at most 200 characters" })
  .refine((value) => !value.includes("\u0000"), { message: "must not contain the NUL character" })
  .optional();

const booleanParam = z.enum(["true", "false"], { message: "must be true or false" }).transform((value) => value === "true");

export const flagListQuery = z.object({
  ...paginationQuery,
  status: z.enum(FLAG_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  ruleId: z.string().trim().max(200).regex(/^[a-z0-9.-]+$/, { message: "must be a rule id like transfer.no-contract" }).optional(),
  subjectType: z.enum(FLAG_SUBJECT_TYPES).optional(),
  processorId: recordIdParam.optional().describe("The processor's own flags and those of its transfers and agreements"),
});

export const dataCategoryListQuery = z.object({
  q: searchText.describe("Text search on the key, name and description"),
  sensitive: booleanParam.optional().describe("true: GDPR special, CCPA sensitive, PIPL sensitive or DOJ-covered only; false: the others"),
});
