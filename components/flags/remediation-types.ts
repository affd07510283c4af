import type { FlagRemediationBody, RevokeAcceptanceBody } from "@/lib/api/contracts/flags";
import type { ActionResult } from "@/lib/auth/guard";

/** What the remediation form sends: the flag, and the contract's PATCH body (the version seen, what changes). */
export type RemediationRequest = { flagId: string } & FlagRemediationBody;
export type RemediationAction = (input: RemediationRequest) => Promise<ActionResult<{ version: number }>>;

export type CommentRequest = { flagId: string; body: string };
export type CommentAction = (input: CommentRequest) => Promise<ActionResult<{ id: string }>>;

export type RevokeAcceptanceRequest = { flagId: string } & RevokeAcceptanceBody;
export type RevokeAcceptanceAction = (input: RevokeAcceptanceRequest) => Promise<ActionResult<{ version: number }>>;
