import { z } from "zod";
import { AGREEMENT_TYPES } from "@/db/schema/enums";
import type { AgreementSort, AgreementState } from "@/db/queries/agreements-register";
import { pageParams } from "@/lib/validation/list-params";

/** Agreement states on a day: the rules' definition (lib/rules/predicates.ts), computed by the register query. */
export const AGREEMENT_STATES = ["active", "expired", "unsigned", "not_yet_effective"] as const satisfies readonly AgreementState[];
export const AGREEMENT_SORTS = ["processor", "type", "signed", "expiry", "state"] as const satisfies readonly AgreementSort[];
/** The "expiring within" choices, in days: the renewal horizons a DPO plans with. */
export const EXPIRY_WINDOWS = [30, 60, 90, 180, 365] as const;

/** Query parameters of /agreements. Invalid values fall back to defaults: a URL is never an error page. */
export const agreementRegisterParams = z.object({
  ...pageParams,
  type: z.enum(AGREEMENT_TYPES).optional().catch(undefined),
  processor: z.string().uuid().optional().catch(undefined),
  state: z.enum(AGREEMENT_STATES).optional().catch(undefined),
  /** Expiring within this many days (not yet expired). */
  expires: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  sort: z.enum(AGREEMENT_SORTS).catch("expiry"),
  cols: z.string().max(500).optional().catch(undefined),
});

export type AgreementRegisterParams = z.infer<typeof agreementRegisterParams>;
/** What selects the rows (the column choice does not): the query key's part. */
export type AgreementRegisterFilters = Omit<AgreementRegisterParams, "cols">;

export function agreementFilters({ cols: _columns, ...filters }: AgreementRegisterParams): AgreementRegisterFilters {
  return filters;
}
