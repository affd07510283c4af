import crypto from "node:crypto";

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

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function hashAuditEvent(prevHash: string, content: AuditContent): string {
  return crypto.createHash("sha256").update(prevHash).update(canonicalJson(content)).digest("hex");
}
