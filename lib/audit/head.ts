import crypto from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "@/lib/canonical-json";
import { GENESIS_HASH, sameMac } from "./hash";

/*
 * The signed head of the audit chain: how many events it held, the id and hash of the last one, and when,
 * signed with the audit key (HMAC-SHA-256). Copies of it are kept where deleting rows cannot reach them: the
 * audit_checkpoints table (one per write), a file outside the database, and every export manifest. A head
 * that counts more events than the table holds names the events that were removed; a head whose hash is not
 * the chain's at its event names the rewrite. Nobody without the key can sign a head to match a shortened or
 * re-hashed chain.
 */

const HEX64 = /^[0-9a-f]{64}$/;

export const signedAuditHead = z
  .object({
    /** Id of the last event the head covers (0: the empty trail). */
    lastEventId: z.number().int().nonnegative(),
    /** Number of events from the first up to lastEventId. */
    eventCount: z.number().int().nonnegative(),
    /** Hash of event lastEventId (the genesis hash for the empty trail). */
    headHash: z.string().regex(HEX64),
    /** When the head was signed (ISO 8601, UTC). */
    signedAt: z.string().datetime(),
    /** HMAC-SHA-256 under the audit key of the four fields above (auditHeadPayload). */
    signature: z.string().regex(HEX64),
  })
  .describe("The audit chain's head, signed with the audit key (npm run audit:verify checks it)");

export type SignedAuditHead = z.output<typeof signedAuditHead>;
export type AuditHead = Omit<SignedAuditHead, "signature">;

/** The exact text that is signed: versioned and canonical, so that no other message can have the same MAC. */
export function auditHeadPayload(head: AuditHead): string {
  return `audit-head:v1:${canonicalJson({ lastEventId: head.lastEventId, eventCount: head.eventCount, headHash: head.headHash, signedAt: head.signedAt })}`;
}

export function signAuditHead(key: Buffer, head: AuditHead): SignedAuditHead {
  const signature = crypto.createHmac("sha256", key).update(auditHeadPayload(head)).digest("hex");
  return { lastEventId: head.lastEventId, eventCount: head.eventCount, headHash: head.headHash, signedAt: head.signedAt, signature };
}

export function isAuditHeadSignatureValid(key: Buffer, head: SignedAuditHead): boolean {
  return sameMac(signAuditHead(key, head).signature, head.signature);
}

/** The head of a trail with no event. */
export function emptyAuditHead(signedAt: Date): AuditHead {
  return { lastEventId: 0, eventCount: 0, headHash: GENESIS_HASH, signedAt: signedAt.toISOString() };
}

/** "2026-12-03T10:00:12Z": a head's time as the verification messages name it (milliseconds left out). */
export function headTime(head: Pick<SignedAuditHead, "signedAt">): string {
  return head.signedAt.replace(/\.\d{3}Z$/, "Z");
}
