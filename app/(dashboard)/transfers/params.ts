import { z } from "zod";
import { SEVERITIES, TRANSFER_MECHANISMS, TRANSFER_STATUSES } from "@/db/schema/enums";
import { uuid } from "@/lib/validation/common";
import { TRANSFER_SORTS, pageParams } from "@/lib/validation/list-params";

/** Query parameters of the transfer register. Invalid values fall back to defaults: a URL is never an error page. */
export const transferListParams = z.object({
  page: pageParams.page,
  pageSize: pageParams.pageSize,
  /** Text search on the processor's name. */
  q: pageParams.q,
  destination: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  mechanism: z.enum(TRANSFER_MECHANISMS).optional().catch(undefined),
  /** "none": unencrypted in transit; "any": some encryption. */
  encryption: z.enum(["none", "any"]).optional().catch(undefined),
  status: z.enum(TRANSFER_STATUSES).optional().catch(undefined),
  processor: uuid.optional().catch(undefined),
  /** A data category key; matches the category and its descendants. */
  category: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/)
    .optional()
    .catch(undefined),
  /** "1": only transfers carrying a sensitive category. */
  sensitive: z.enum(["1"]).optional().catch(undefined),
  /** Severity of the worst open flag. */
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  sort: z.enum(TRANSFER_SORTS).catch("processor"),
  direction: pageParams.direction,
});

export type TransferListParams = z.infer<typeof transferListParams>;
