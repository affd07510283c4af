import type { ActionResult } from "@/lib/auth/guard";

export interface CreateTokenRequest {
  name: string;
  /** Text from the number field: empty for a token that never expires. */
  expiresInDays: string;
}

/** A new token: `token` is the secret, shown once and never stored. */
export interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  token: string;
}

export interface RevokedToken {
  id: string;
  name: string;
  revokedAt: string | null;
}

/** The tokens page's server actions, passed in by the page so that components never import from app/. */
export type CreateTokenAction = (input: CreateTokenRequest) => Promise<ActionResult<CreatedToken>>;
export type RevokeTokenAction = (input: { tokenId: string }) => Promise<ActionResult<RevokedToken>>;
