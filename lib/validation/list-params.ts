import { z } from "zod";
import { SEVERITIES } from "@/db/schema/enums";

/** Columns the transfer register can be sorted by; shared by the URL schemas and the query. */
export const TRANSFER_SORTS = ["processor", "destination", "volume", "mechanism", "severity"] as const;
export type TransferSort = (typeof TRANSFER_SORTS)[number];

/** Query parameters of a register page. Invalid values fall back to defaults: a URL is never an error page. */
export const pageParams = {
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).catch(20),
  q: z.string().trim().max(200).optional().catch(undefined),
  direction: z.enum(["asc", "desc"]).catch("asc"),
};

/*
 * Filters and sorting the transfer list endpoint (GET /api/v1/transfers) accepts beyond its base query
 * (lib/api/params.ts transferListQuery). Strict, unlike the page URL: a wrong value is a 400 for a tool.
 */
export const transferListQueryExtras = {
  category: z
    .string()
    .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, { message: "must be a data category key, e.g. user.device" })
    .optional()
    .describe("A data category key; matches transfers carrying it or a descendant (user.device matches user.device.imei)"),
  sensitive: z
    .enum(["1", "true"])
    .transform(() => true)
    .optional()
    .describe("1: only transfers carrying a sensitive category (GDPR special, CCPA or PIPL sensitive, DOJ-covered)"),
  severity: z.enum(SEVERITIES).optional().describe("Severity of the transfer's worst open flag"),
  sort: z.enum(TRANSFER_SORTS).optional().describe("Sort column; ties are broken by id"),
  direction: z.enum(["asc", "desc"]).optional(),
};
