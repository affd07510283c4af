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

/** What the bulk form sends: the selected flags with the versions the DPO saw, one decision for all. */
export interface BulkAcceptRiskRequest {
  ids: string[];
  versions: Record<string, number>;
  justification: string;
  /** YYYY-MM-DD. */
  until: string;
}

/** Accepts all the selected flags or none of them. */
export type BulkAcceptRiskAction = (input: BulkAcceptRiskRequest) => Promise<ActionResult<AcceptedFlag[]>>;
