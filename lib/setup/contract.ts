import { z } from "zod";
import { createUserAccountBody } from "@/lib/api/contracts/users";

/*
 * The set-up form's body (POST /api/setup): the one-time code from the server log and the first DPO's account.
 * The account's fields are the users contract's (the same email, name and password rules as the users page and
 * `npm run user:create`); the role is not asked: the first account is the DPO. No server-only imports: the
 * browser's form imports this too.
 */
export const setupBody = createUserAccountBody.omit({ role: true }).extend({
  code: z.string().trim().min(1, { message: "is required" }).max(64),
});

export type SetupInput = z.infer<typeof setupBody>;

/** The answer of a completed set-up: the account created (its email, for signing in). */
export const setupResponse = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.literal("dpo") }),
});
