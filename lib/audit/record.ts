import "server-only";
import { desc, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, hashAuditEvent, type AuditContent } from "./hash";

export interface AuditActor {
  userId: string | null;
  tokenId?: string | null;
  /** "Jane Doe <jane@…>", or "system" for automatic changes. */
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, tokenId: null, label: "system" };

// Any constant: appends are serialised so that each event chains to the one before it.
const AUDIT_CHAIN_LOCK = 724_310_003;

/** JSON-safe copy (dates as ISO strings), as the jsonb column will return it. */
function plain(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * Appends one event to the hash chain. Call it inside the transaction of the change it records, so that
 * the change and its audit event commit or fail together.
 */
export async function appendAuditEvent({
  db,
  actor,
  action,
  recordType,
  recordId,
  before = null,
  after = null,
  at = new Date(),
}: {
  db: Executor;
  actor: AuditActor;
  action: string;
  recordType: string;
  recordId: string | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
}): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  // Millisecond precision: what timestamptz stores and returns, so verification recomputes the same text.
  const occurredAt = new Date(Math.floor(at.getTime()));
  const content: AuditContent = {
    occurredAt: occurredAt.toISOString(),
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId ?? null,
    actorLabel: actor.label,
    action,
    recordType,
    recordId,
    before: plain(before),
    after: plain(after),
  };
  await db.insert(auditEvents).values({
    occurredAt,
    actorUserId: content.actorUserId,
    actorTokenId: content.actorTokenId,
    actorLabel: content.actorLabel,
    action,
    recordType,
    recordId,
    before: content.before as Record<string, unknown> | null,
    after: content.after as Record<string, unknown> | null,
    prevHash,
    hash: hashAuditEvent(prevHash, content),
  });
}
