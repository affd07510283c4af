import { z } from "zod";
import { TRANSFER_MECHANISMS, TRANSFER_STATUSES } from "@/db/schema/enums";
import { uuid } from "@/lib/validation/common";
import { pageParams } from "@/lib/validation/list-params";

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
});

export type TransferListParams = z.infer<typeof transferListParams>;
