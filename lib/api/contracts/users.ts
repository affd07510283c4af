import { z } from "zod";
import { text, uuid } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { lenientQuery, paginationQuery, searchText, type OperationMeta } from "./common";

/*
 * User accounts and API tokens: the users page and its forms, the API tokens page, the CLI
 * (user:create, token:create) and GET /api/v1/me. Accounts have no REST collection: the DPO manages them in the
 * browser, so this contract holds the bodies the server actions and the services parse, the users page's
 * query, and the one API answer (`me`).
 */

const role = enumField("userRole");

// NIST SP 800-63B: length over composition rules.
const password = z.string().min(12, { message: "must be at least 12 characters" }).max(1024);

/** A new account. Without a password the user can sign in only through SSO (the CLI asks for one). */
export const createUserBody = z.strictObject({
  email: z.string().trim().toLowerCase().email({ message: "must be an email address" }).max(320),
  name: text(200).min(1, { message: "is required" }),
  role,
  password: password.optional(),
});

/** The DPO creates an account from the users page: an initial password is required there (no SSO-only users). */
export const createUserAccountBody = createUserBody.extend({ password });

/**
 * An account the DPO acts on (disable, enable), with the version the DPO saw (optimistic concurrency). Not an
 * `updateBodyOf`: these are state changes named by their audit action, not field edits; the version may be
 * left out by callers that act on the account as it is now (the CLI).
 */
export const userRefBody = z.strictObject({
  userId: uuid,
  version: z.number().int().min(1).optional(),
});

export const changeUserRoleBody = userRefBody.extend({ role });

const tokenName = text(100).min(1, { message: "is required" });
const expiresInDays = z
  .number({ message: "must be a whole number of days" })
  .int({ message: "must be a whole number of days" })
  .min(1, { message: "must be at least 1 day" })
  .max(730, { message: "must be at most 730 days" });

/** A personal API token for `userId`, carrying that user's role. */
export const createTokenBody = z.strictObject({
  userId: uuid,
  name: tokenName,
  expiresInDays: expiresInDays.optional(),
});

/** The token form sends the expiry as text from a number field: empty means "never expires". The owner is the signed-in user. */
export const createTokenFormBody = z.strictObject({
  name: tokenName,
  expiresInDays: z.preprocess((value) => (value === "" || value === null || value === undefined ? undefined : Number(value)), expiresInDays.optional()),
});

export const tokenRefBody = z.strictObject({ tokenId: uuid });

/** The users page's query: text search on the email and the name, role and status filters. */
export const userListQuery = z.object({
  ...paginationQuery,
  q: searchText.optional().describe("Text search on the email and the name"),
  role: role.optional(),
  status: enumField("userStatus").optional(),
});

/** The page's form: a URL is never an error page; the page shows at least 5 rows. */
export const userListPageQuery = lenientQuery(userListQuery, {
  pageSize: z.coerce.number().int().min(5).max(100).catch(20),
});

export type UserListPageQuery = z.infer<typeof userListPageQuery>;

/** GET /api/v1/me: who the request authenticated as, and how. */
export const meResponse = z.object({
  id: z.string().meta({ format: "uuid" }),
  email: z.string(),
  name: z.string(),
  role,
  via: z.enum(["token", "session"]),
});

export const meOperation = {
  operationId: "getMe",
  summary: "Who am I: the user (and role) a token or session acts as",
  roles: ["dpo", "engineer", "auditor"],
} as const satisfies OperationMeta;

export type CreateUserBody = z.input<typeof createUserBody>;
export type CreateTokenFormBody = z.input<typeof createTokenFormBody>;
