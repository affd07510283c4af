import { z } from "zod";
import { FLAG_STATUSES, FLAG_SUBJECT_TYPES, SEVERITIES } from "@/db/schema/enums";
import { RULE_IDS } from "@/lib/rules/types";
import { uuid } from "@/lib/validation/common";
import { pageParams } from "@/lib/validation/list-params";

export const FLAG_STATUS_FILTERS = [...FLAG_STATUSES, "all"] as const;
export type FlagStatusFilter = (typeof FLAG_STATUS_FILTERS)[number];

/** Query parameters of the flag register. Invalid values fall back to defaults: a URL is never an error page. */
export const flagListParams = z.object({
  page: pageParams.page,
  pageSize: pageParams.pageSize,
  q: pageParams.q,
  // The register is a work list: open flags unless asked otherwise.
  status: z.enum(FLAG_STATUS_FILTERS).catch("open"),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  rule: z.enum(RULE_IDS).optional().catch(undefined),
  subject: z.enum(FLAG_SUBJECT_TYPES).optional().catch(undefined),
  /** Set by the accept-risk form after a success, to confirm a flag that left the open list. */
  accepted: uuid.optional().catch(undefined),
});

export type FlagListParams = z.infer<typeof flagListParams>;
/** What selects the rows (the one-off "accepted" confirmation does not): the query key's part. */
export type FlagRegisterFilters = Omit<FlagListParams, "accepted">;

export function flagFilters({ accepted: _accepted, ...filters }: FlagListParams): FlagRegisterFilters {
  // An empty search box submits `q=`: the same rows, so the same key as no search.
  return { ...filters, q: filters.q || undefined };
}
