import { z } from "zod";
import { LEGAL_BASES } from "@/db/schema/enums";
import type { ActivityRecordState, ActivitySort } from "@/db/queries/activities-register";
import { pageParams } from "@/lib/validation/list-params";

/** Whether the Art. 30 record has its retention period and security measures. */
export const ACTIVITY_RECORD_STATES = ["complete", "incomplete"] as const satisfies readonly ActivityRecordState[];
export const ACTIVITY_SORTS = ["name", "legalBasis", "transfers", "updatedAt"] as const satisfies readonly ActivitySort[];

/** Query parameters of /activities. Invalid values fall back to defaults: a URL is never an error page. */
export const activityRegisterParams = z.object({
  ...pageParams,
  legalBasis: z.enum(LEGAL_BASES).optional().catch(undefined),
  record: z.enum(ACTIVITY_RECORD_STATES).optional().catch(undefined),
  sort: z.enum(ACTIVITY_SORTS).catch("name"),
  cols: z.string().max(500).optional().catch(undefined),
});

export type ActivityRegisterParams = z.infer<typeof activityRegisterParams>;
/** What selects the rows (the column choice does not): the query key's part. */
export type ActivityRegisterFilters = Omit<ActivityRegisterParams, "cols">;

export function activityFilters({ cols: _columns, ...filters }: ActivityRegisterParams): ActivityRegisterFilters {
  return filters;
}
