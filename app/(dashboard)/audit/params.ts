import { z } from "zod";
import { unstorableTextReason } from "@/lib/validation/storable-text";

// Record types and actions are the snake_case names the services write ("api_token", "change_role").
const auditName = z.string().trim().regex(/^[a-z][a-z0-9_]{0,49}$/);

/** Query parameters of the audit trail. Invalid values fall back to defaults: a URL is never an error page. */
export const auditListParams = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  // Events are short rows: a longer page than the registers'.
  pageSize: z.coerce.number().int().min(5).max(100).catch(50),
  recordType: auditName.optional().catch(undefined),
  action: auditName.optional().catch(undefined),
  recordId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((value) => unstorableTextReason(value) === undefined)
    .optional()
    .catch(undefined),
});

export type AuditListParams = z.infer<typeof auditListParams>;
