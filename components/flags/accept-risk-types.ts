import type { FlagStatus } from "@/db/schema/enums";
import type { AcceptRiskBody, BulkAcceptRiskBody } from "@/lib/api/contracts/flags";
import type { ActionResult } from "@/lib/auth/guard";

/** What the accept-risk form sends: the flag, and the contract's body (the version the DPO saw, the decision). */
export type AcceptRiskRequest = { flagId: string } & AcceptRiskBody;

export interface AcceptedFlag {
  id: string;
  status: FlagStatus;
  version: number;
  acceptedUntil: string | null;
}

/** The server action the form calls; passed in by the page so that components never import from app/. */
export type AcceptRiskAction = (input: AcceptRiskRequest) => Promise<ActionResult<AcceptedFlag>>;

/** What the bulk form sends: the contract's bulk body, with the version of every selected flag the DPO saw. */
export type BulkAcceptRiskRequest = BulkAcceptRiskBody & { versions: Record<string, number> };

/** Accepts all the selected flags or none of them. */
export type BulkAcceptRiskAction = (input: BulkAcceptRiskRequest) => Promise<ActionResult<AcceptedFlag[]>>;
