import { z } from "zod";
import { countryCode } from "@/lib/validation/common";
import { processorListParams } from "@/lib/validation/list-params";

/**
 * Query parameters of /processors. Invalid values fall back to defaults: a URL is never an error page. The
 * search and the country are held to the API's own tests, so that a refetch of the same view is never refused.
 */
export const processorRegisterParams = processorListParams.extend({
  q: z
    .string()
    .trim()
    .max(200)
    // PostgreSQL text cannot hold NUL; the API refuses it too.
    .refine((value) => !value.includes("\u0000"))
    .optional()
    .catch(undefined),
  country: countryCode.optional().catch(undefined),
  cols: z.string().max(500).optional().catch(undefined),
});

export type ProcessorRegisterParams = z.infer<typeof processorRegisterParams>;
/** What selects the rows (the column choice does not): the query key's part. */
export type ProcessorRegisterFilters = Omit<ProcessorRegisterParams, "cols">;

export function processorFilters({ cols: _columns, ...filters }: ProcessorRegisterParams): ProcessorRegisterFilters {
  return filters;
}
