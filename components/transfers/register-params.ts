import { z } from "zod";
import type { ListTransfersInput } from "@/db/queries/transfers";
import { SEVERITIES, TRANSFER_MECHANISMS, TRANSFER_STATUSES } from "@/db/schema/enums";
import { countryCode, uuid } from "@/lib/validation/common";
import { TRANSFER_SORTS, pageParams } from "@/lib/validation/list-params";

/** The encryption filter: "none" is sent unencrypted in transit, "any" has some encryption. */
export const ENCRYPTION_FILTERS = ["none", "any"] as const;

/** A data category key; matches the category and its descendants. */
export const CATEGORY_KEY = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

/**
 * Query parameters of /transfers. Invalid values fall back to defaults: a URL is never an error page. Each
 * value the page keeps is one GET /api/v1/transfers?view=register accepts, so a refetch of the same view is
 * never refused.
 */
export const transferRegisterParams = z.object({
  page: pageParams.page,
  pageSize: pageParams.pageSize,
  /** Text search on the processor's name. */
  q: z
    .string()
    .trim()
    .max(200)
    // PostgreSQL text cannot hold NUL; the API refuses it too.
    .refine((value) => !value.includes("\u0000"))
    .optional()
    .catch(undefined),
  destination: countryCode.optional().catch(undefined),
  mechanism: z.enum(TRANSFER_MECHANISMS).optional().catch(undefined),
  encryption: z.enum(ENCRYPTION_FILTERS).optional().catch(undefined),
  status: z.enum(TRANSFER_STATUSES).optional().catch(undefined),
  processor: uuid.optional().catch(undefined),
  category: z.string().trim().regex(CATEGORY_KEY).optional().catch(undefined),
  /** "1": only transfers carrying a sensitive category. */
  sensitive: z.enum(["1"]).optional().catch(undefined),
  /** Severity of the worst open flag. */
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  sort: z.enum(TRANSFER_SORTS).catch("processor"),
  direction: pageParams.direction,
  cols: z.string().max(500).optional().catch(undefined),
});

export type TransferRegisterParams = z.infer<typeof transferRegisterParams>;
/** What selects the rows (the column choice does not): the query key's part. */
export type TransferRegisterFilters = Omit<TransferRegisterParams, "cols">;

export function transferFilters({ cols: _columns, ...filters }: TransferRegisterParams): TransferRegisterFilters {
  return filters;
}

/** The page's filters as listTransfers takes them, for the server page's prefetch (and the tests that compare with it). */
export function transferListInput(filters: TransferRegisterFilters): Omit<ListTransfersInput, "db"> {
  return {
    page: filters.page,
    pageSize: filters.pageSize,
    q: filters.q,
    destination: filters.destination,
    mechanism: filters.mechanism,
    encryption: filters.encryption,
    status: filters.status,
    processorId: filters.processor,
    category: filters.category,
    sensitive: filters.sensitive === "1",
    severity: filters.severity,
    sort: filters.sort,
    direction: filters.direction,
  };
}
