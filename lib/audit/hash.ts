import crypto from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";

/*
 * The audit chain: hash_n = SHA-256(prev_hash || canonical JSON of the event's content). Canonical means
 * keys sorted at every level, so the same content always gives the same hash whatever the JSON column
 * returns the keys in.
 */

export const GENESIS_HASH = "0".repeat(64);

export interface AuditContent {
  occurredAt: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  before: unknown;
  after: unknown;
}

export function hashAuditEvent(prevHash: string, content: AuditContent): string {
  return crypto.createHash("sha256").update(prevHash).update(canonicalJson(content)).digest("hex");
}
