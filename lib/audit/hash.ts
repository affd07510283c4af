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

/**
 * The event's MAC: HMAC-SHA-256 of its hash under the audit key (lib/audit/key.ts). The hash already covers
 * the content and the link to the event before, so a MAC over it binds both to the key: re-hashing the chain
 * after an edit, without the key, leaves MACs that no longer verify.
 */
export function macAuditHash(key: Buffer, hash: string): string {
  return crypto.createHmac("sha256", key).update(hash).digest("hex");
}

/** Compares two hex MACs in constant time (a mismatch of length is a mismatch). */
export function sameMac(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
