import { z } from "zod";
import { USER_ROLES } from "@/db/schema/enums";
import { text } from "./common";

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
