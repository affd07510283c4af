import "server-only";
import type { Executor } from "@/db/client";
import { countAuditEvents, readAuditChainEnd } from "@/db/queries/audit";
import { emptyAuditHead, signAuditHead, type SignedAuditHead } from "./head";
import { checkpointHead } from "./head-file";
import { resolveAuditKey } from "./key";

/**
 * The chain's signed head now, as an export manifest carries it: the newest checkpoint (every write leaves one
 * covering its events, an export's own "export_started" event included). Only a trail without any checkpoint —
 * empty, or all written before the key existed — gets a head counted and signed now. The newest checkpoint is
 * returned even when events follow it that it does not cover: re-signing whatever the table holds now would
 * let a truncated table obtain a valid head; `npm run audit:verify` reports such events instead.
 */
export async function readSignedAuditHead({ db, key = resolveAuditKey(), now = new Date() }: { db: Executor; key?: Buffer; now?: Date }): Promise<SignedAuditHead> {
  const { last, checkpoint } = await readAuditChainEnd({ db });
  if (checkpoint) return checkpointHead(checkpoint);
  if (last === null) return signAuditHead(key, emptyAuditHead(now));
  const eventCount = await countAuditEvents({ db, upToId: last.id });
  return signAuditHead(key, { lastEventId: last.id, eventCount, headHash: last.hash, signedAt: now.toISOString() });
}
