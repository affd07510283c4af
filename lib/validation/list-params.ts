import { z } from "zod";
import { RECORD_STATUSES } from "@/db/schema/enums";
import { PROCESSOR_SORTS } from "@/lib/processors/list-sorts";

/** Query parameters of a register page. Invalid values fall back to defaults: a URL is never an error page. */
export const pageParams = {
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).catch(20),
  q: z.string().trim().max(200).optional().catch(undefined),
  direction: z.enum(["asc", "desc"]).catch("asc"),
};

export const processorListParams = z.object({
  ...pageParams,
  status: z.enum(RECORD_STATUSES).optional().catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(PROCESSOR_SORTS).catch("name"),
});

export type ProcessorListParams = z.infer<typeof processorListParams>;
