import { z } from "zod";
import { USER_ROLES } from "@/db/schema/enums";
import { text, uuid, version } from "./common";

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email({ message: "must be an email address" }).max(320),
  name: text(200).min(1, { message: "is required" }),
  role: z.enum(USER_ROLES, { message: `must be one of ${USER_ROLES.join(", ")}` }),
  // NIST SP 800-63B: length over composition rules.
  password: z.string().min(12, { message: "must be at least 12 characters" }).max(1024).optional(),
});

export const createTokenInput = z.object({
  name: text(100).min(1, { message: "is required" }),
  expiresInDays: z.number().int().min(1).max(730).optional(),
});

/** The DPO creates an account from the users page: an initial password is required there (no SSO-only users). */
export const createUserAccountInput = createUserInput.extend({
  password: z.string().min(12, { message: "must be at least 12 characters" }).max(1024),
});

/** An account the DPO acts on, with the version the DPO saw (optimistic concurrency). */
export const userRefInput = z.object({
  userId: uuid,
  version: version.optional(),
});

export const changeUserRoleInput = userRefInput.extend({
  role: z.enum(USER_ROLES, { message: `must be one of ${USER_ROLES.join(", ")}` }),
});

/** The token form sends the expiry as text from a number field: empty means "never expires". */
export const createTokenFormInput = z.object({
  name: createTokenInput.shape.name,
  expiresInDays: z.preprocess(
    (value) => (value === "" || value === null || value === undefined ? undefined : Number(value)),
    z.number({ message: "must be a whole number of days" }).int({ message: "must be a whole number of days" }).min(1, { message: "must be at least 1 day" }).max(730, { message: "must be at most 730 days" }).optional(),
  ),
});

export const tokenRefInput = z.object({ tokenId: uuid });

export type CreateUserAccountInput = z.input<typeof createUserAccountInput>;
export type ChangeUserRoleInput = z.input<typeof changeUserRoleInput>;
export type UserRefInput = z.input<typeof userRefInput>;
export type CreateTokenFormInput = z.input<typeof createTokenFormInput>;
