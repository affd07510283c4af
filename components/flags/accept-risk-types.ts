import type { FlagStatus } from "@/db/schema/enums";
import type { ActionResult } from "@/lib/auth/guard";

/** What the accept-risk form sends: the flag, the version the DPO saw, and the decision. */
export interface AcceptRiskRequest {
  flagId: string;
  version: number;
  justification: string;
  /** YYYY-MM-DD. */
  acceptedUntil: string;
}

export interface AcceptedFlag {
  id: string;
  status: FlagStatus;
  version: number;
  acceptedUntil: string | null;
}

/** The server action the form calls; passed in by the page so that components never import from app/. */
export type AcceptRiskAction = (input: AcceptRiskRequest) => Promise<ActionResult<AcceptedFlag>>;
