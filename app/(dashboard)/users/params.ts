import { z } from "zod";
import { USER_ROLES } from "@/db/schema/enums";
import { pageParams } from "@/lib/validation/list-params";

/** Query parameters of the users page. Invalid values fall back to defaults: a URL is never an error page. */
export const userListParams = z.object({
  page: pageParams.page,
  pageSize: pageParams.pageSize,
  /** Text search on the email and the name. */
  q: pageParams.q,
  role: z.enum(USER_ROLES).optional().catch(undefined),
  status: z.enum(["active", "disabled"]).optional().catch(undefined),
});

export type UserListParams = z.infer<typeof userListParams>;
