import "server-only";
import type { Database, Executor } from "@/db/client";
import { getNewestAuditCheckpoint, listAuditEventsAfter } from "@/db/queries/audit";
import { chainBreakReason, type ChainBreak } from "./chain-break";
import { GENESIS_HASH, hashAuditEvent, macAuditHash, sameMac } from "./hash";
import { headTime, isAuditHeadSignatureValid, type SignedAuditHead } from "./head";
import { checkpointHead, readAuditHeadFile } from "./head-file";
import { resolveAuditKey } from "./key";

export type ChainVerification =
  | {
      ok: true;
      checked: number;
      headHash: string;
      /** Id of the last event (0: empty trail). */
      lastEventId: number;
      /** Events with a MAC that verifies. */
      keyed: number;
      /** Events written before the audit key existed: no MAC, only their hash links. */
      unkeyed: number;
      /** Id of the last event with a MAC (0: none). */
      lastKeyedId: number;
    }
  | {
      ok: false;
      checked: number;
      brokenAt: number;
      /** Why, as a code: a page words it in its reader's language (chainBreakReason, lib/audit/chain-break.ts). */
      reasonCode: ChainBreak;
      /** Why, in English: the CLI's and the API's sentence. */
      reason: string;
    };

const BATCH = 1000;

/** Where the walk passed a watched event: its hash, and how many events the chain held up to it. */
export interface ChainPosition {
  hash: string;
  count: number;
}

async function walkAuditChain({
  db,
  key,
  watch = new Set(),
}: {
  db: Executor;
  key: Buffer;
  watch?: ReadonlySet<number>;
}): Promise<{ result: ChainVerification; positions: Map<number, ChainPosition> }> {
  const positions = new Map<number, ChainPosition>();
  let previous = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  let keyed = 0;
  let unkeyed = 0;
  let lastKeyedId = 0;
  const broken = (brokenAt: number, reasonCode: ChainBreak) => ({
    result: { ok: false as const, checked, brokenAt, reasonCode, reason: chainBreakReason(reasonCode, "en") },
    positions,
  });
  for (;;) {
    const rows = await listAuditEventsAfter({ db, afterId: lastId, limit: BATCH });
    if (rows.length === 0) return { result: { ok: true, checked, headHash: previous, lastEventId: lastId, keyed, unkeyed, lastKeyedId }, positions };
    for (const row of rows) {
      if (row.prevHash !== previous) {
        return broken(row.id, "link_broken");
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
        return broken(row.id, "content_altered");
      }
      if (row.mac === null) {
        // Events written before the key existed have none; once one has a MAC, every later one must.
        if (keyed > 0) return broken(row.id, "mac_removed");
        unkeyed++;
      } else if (!sameMac(macAuditHash(key, row.hash), row.mac)) {
        // Re-hashed by someone without the key, or AUDIT_KEY / NEXTAUTH_SECRET is not the app's.
        return broken(row.id, "mac_invalid");
      } else {
        keyed++;
        lastKeyedId = row.id;
      }
      previous = row.hash;
      lastId = row.id;
      checked++;
      if (watch.has(row.id)) positions.set(row.id, { hash: row.hash, count: checked });
    }
  }
}

/**
 * Walks the chain in id order, a batch at a time (never the whole table in memory), and recomputes each
 * hash and MAC. An edited row fails its own hash; a deleted or inserted row breaks the link to the previous
 * hash; a chain re-hashed after an edit fails the MACs, which need the audit key. Removing the last events
 * breaks nothing here: verifyAuditTrail compares the chain with its signed heads for that.
 */
export async function verifyAuditChain({ db, key = resolveAuditKey() }: { db: Executor; key?: Buffer }): Promise<ChainVerification> {
  return (await walkAuditChain({ db, key })).result;
}

/** A signed head to hold the chain against, and where it was found (named in the messages). */
export interface HeadToCheck {
  source: string;
  head: SignedAuditHead;
}

export interface HeadCheck {
  source: string;
  ok: boolean;
  detail: string;
}

export interface AuditTrailVerification {
  ok: boolean;
  chain: ChainVerification;
  heads: HeadCheck[];
  /** Each sentence names what is missing or altered. */
  failures: string[];
  /** What was not checked, and why (e.g. no head file yet). */
  warnings: string[];
}

function range(from: number, to: number): string {
  return from === to ? `event ${from}` : `events ${from}-${to}`;
}

/** Holds the chain against one signed head; null when it matches, else the sentence that says what differs. */
function compareHead(check: HeadToCheck, chain: Extract<ChainVerification, { ok: true }>, positions: Map<number, ChainPosition>, key: Buffer): string | null {
  const { head, source } = check;
  const of = `the signed head of ${headTime(head)} (${source})`;
  if (!isAuditHeadSignatureValid(key, head)) {
    return `${of} does not verify with the audit key: the app did not sign it (or AUDIT_KEY / NEXTAUTH_SECRET is not the app's)`;
  }
  if (head.lastEventId === 0) {
    return head.eventCount === 0 ? null : `${of} counts ${head.eventCount} events but names none`;
  }
  const position = positions.get(head.lastEventId);
  if (!position) {
    if (head.lastEventId > chain.lastEventId) {
      const missing = head.eventCount - chain.checked;
      const first = chain.lastEventId + 1;
      const what = missing === head.lastEventId - chain.lastEventId ? `${range(first, head.lastEventId)} missing` : `${missing} events missing after event ${chain.lastEventId} (up to event ${head.lastEventId})`;
      return `${what}: ${of} counts ${head.eventCount} events, the table holds ${chain.checked}`;
    }
    return `event ${head.lastEventId}, the last one ${of} covers, is missing from the table`;
  }
  if (position.hash !== head.headHash) {
    return `event ${head.lastEventId} is not the one ${of} covers (hash ${position.hash.slice(0, 12)}…, signed ${head.headHash.slice(0, 12)}…): the chain was rewritten`;
  }
  if (position.count !== head.eventCount) {
    return `${of} counts ${head.eventCount} events up to event ${head.lastEventId}, the table holds ${position.count}`;
  }
  return null;
}

/**
 * `npm run audit:verify`: the chain (hashes, links, MACs) and its signed heads — the newest checkpoint of the
 * audit_checkpoints table, the head file, and any manifests given — so that removing the last events, or the
 * events and their checkpoints, or rewriting the chain, fails and says what is missing.
 *
 * The head file is read before the database, and the database in one repeatable-read snapshot: a write that
 * commits meanwhile cannot make a head look newer than the chain it is checked against.
 */
export async function verifyAuditTrail({
  db,
  key = resolveAuditKey(),
  headFile,
  databaseIdentity,
  manifests = [],
}: {
  db: Database;
  key?: Buffer;
  /** The head file's path; null: the database has none (lib/audit/head-file.ts auditHeadFilePath). */
  headFile: string | null;
  /** The database's identity, to tell a head file of another database (a re-created one) from this one's. */
  databaseIdentity?: string;
  /** Signed heads from export manifests (`npm run audit:verify -- manifest.json`). */
  manifests?: readonly HeadToCheck[];
}): Promise<AuditTrailVerification> {
  const failures: string[] = [];
  const warnings: string[] = [];
  const checks: HeadToCheck[] = [];

  if (headFile === null) {
    warnings.push("this database has no head file (it is not the one the environment configures): only the checkpoints in the database were checked");
  } else {
    const file = readAuditHeadFile(headFile);
    if (file.state === "missing") {
      warnings.push(`no head file at ${headFile} yet (the app writes it after a write): only the checkpoints in the database were checked`);
    } else if (file.state === "unreadable") {
      failures.push(`the head file ${headFile} is unreadable: ${file.reason}`);
    } else if (databaseIdentity !== undefined && file.content.database !== databaseIdentity) {
      warnings.push(`the head file ${headFile} is of another database (${file.content.database}), not compared`);
    } else {
      checks.push({ source: `head file ${headFile}`, head: file.content.head });
    }
  }
  checks.push(...manifests);

  return db.transaction(
    async (tx) => {
      const newest = await getNewestAuditCheckpoint({ db: tx });
      if (newest) checks.unshift({ source: `checkpoint ${newest.id} in audit_checkpoints`, head: checkpointHead(newest) });
      const { result: chain, positions } = await walkAuditChain({ db: tx, key, watch: new Set(checks.map((check) => check.head.lastEventId)) });
      if (!chain.ok) {
        failures.unshift(`event ${chain.brokenAt}: ${chain.reason} (${chain.checked} events before it verify)`);
        return { ok: false, chain, heads: [], failures, warnings };
      }
      if (!newest && chain.keyed > 0) {
        failures.push(`audit_checkpoints holds no checkpoint although ${chain.keyed} events carry a MAC: its rows were deleted`);
      } else if (newest && chain.lastKeyedId > newest.lastEventId) {
        failures.push(
          `events after event ${newest.lastEventId} have no checkpoint (the chain goes on to event ${chain.lastKeyedId}): checkpoints were deleted from audit_checkpoints`,
        );
      }
      const heads = checks.map((check) => {
        const problem = compareHead(check, chain, positions, key);
        if (problem) failures.push(problem);
        return { source: check.source, ok: problem === null, detail: problem ?? `${check.head.eventCount} events up to event ${check.head.lastEventId}, signed ${headTime(check.head)}` };
      });
      if (chain.unkeyed > 0) warnings.push(`${chain.unkeyed} events written before the audit key existed carry no MAC (unkeyed, not a failure): their hash links were checked, and the heads signed since cover them`);
      return { ok: failures.length === 0, chain, heads, failures, warnings };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
