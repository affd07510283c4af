import "server-only";
import { asc, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, hashAuditEvent } from "./hash";

export type ChainVerification =
  | { ok: true; checked: number; headHash: string }
  | { ok: false; checked: number; brokenAt: number; reason: string };

const BATCH = 1000;

/**
 * Walks the chain in id order, a batch at a time (never the whole table in memory), and recomputes each
 * hash. An edited row fails its own hash; a deleted or inserted row breaks the link to the previous hash.
 */
export async function verifyAuditChain({ db }: { db: Executor }): Promise<ChainVerification> {
  let previous = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(BATCH);
    if (rows.length === 0) return { ok: true, checked, headHash: previous };
    for (const row of rows) {
      if (row.prevHash !== previous) {
        return { ok: false, checked, brokenAt: row.id, reason: "its previous-hash does not match the event before it (an event was removed or inserted)" };
      }
      const expected = hashAuditEvent(row.prevHash, {
        occurredAt: row.occurredAt.toISOString(),
        actorUserId: row.actorUserId,
        actorTokenId: row.actorTokenId,
        actorLabel: row.actorLabel,
        action: row.action,
        recordType: row.recordType,
        recordId: row.recordId,
        before: row.before ?? null,
        after: row.after ?? null,
      });
      if (expected !== row.hash) {
        return { ok: false, checked, brokenAt: row.id, reason: "its content does not match its hash (the event was altered)" };
      }
      previous = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
