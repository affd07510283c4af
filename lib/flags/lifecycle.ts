import crypto from "node:crypto";
import type { FlagStatus, FlagSubjectType, Severity } from "@/db/schema/enums";
import type { Finding, FactValue } from "@/lib/rules/types";
import type { IsoDate } from "@/lib/rules/iso-date";

/*
 * The flag lifecycle as a pure function: given the flags stored for some subjects and what the rules find
 * now, decide what to insert, update, reopen and resolve. The DB layer applies the plan in one transaction.
 *   open     -> resolved   when the cause is gone (kept, with the date)
 *   resolved -> open       when the cause comes back (same row: a flag is never duplicated)
 *   accepted -> open       when the acceptance ends (acceptedUntil < today) or the facts get worse
 *   accepted -> resolved   when the cause is gone
 */

export interface StoredFlag {
  id: string;
  ruleId: string;
  subjectType: FlagSubjectType;
  subjectId: string;
  /** findingFingerprint() of what was stored: a cheap "did anything change" test. */
  fingerprint: string;
  status: FlagStatus;
  acceptedUntil: IsoDate | null;
  acceptedSeverity: Severity | null;
  acceptedFacts: Record<string, unknown> | null;
}

export type ReopenReason = "acceptance-ended" | "facts-worse" | "cause-returned";

export interface FlagPlan {
  insert: Finding[];
  /** Still found: refresh severity, message and facts (status unchanged). */
  refresh: { id: string; finding: Finding }[];
  reopen: { id: string; finding: Finding; reason: ReopenReason }[];
  resolve: string[];
  /**
   * Unchanged, but stored with an older fingerprint (the legacy hash, or SHA-1 of the English alone, from before
   * findings were worded in French): rewrite the fingerprint and the French wording alone (no new version).
   */
  refingerprint: { id: string; fingerprint: string; messageFr: string }[];
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

export function flagKey(ruleId: string, subjectType: string, subjectId: string): string {
  return `${ruleId}|${subjectType}|${subjectId}`;
}

/**
 * Facts "get worse" when the severity rises, a list of categories or destinations gains an element
 * (a new sensitive category, a new country), or a count grows (a volume passing a threshold).
 * Other facts (dates, ages in days) change without making an accepted risk a different risk.
 */
export function factsWorsened(
  accepted: { severity: Severity | null; facts: Record<string, unknown> | null },
  now: { severity: Severity; facts: Record<string, FactValue> },
): boolean {
  if (accepted.severity && RANK[now.severity] > RANK[accepted.severity]) return true;
  const before = accepted.facts ?? {};
  for (const [key, value] of Object.entries(now.facts)) {
    const previous = before[key];
    if (Array.isArray(value) && /categor|destination/i.test(key)) {
      const known = new Set(Array.isArray(previous) ? previous.map(String) : []);
      if (value.some((item) => !known.has(String(item)))) return true;
    } else if (typeof value === "number" && /count/i.test(key)) {
      if (typeof previous !== "number" || value > previous) return true;
    }
  }
  return false;
}

/**
 * What a stored flag is compared on: a SHA-1 (base64, 28 characters) of severity, both messages and facts, so that a full re-evaluation reads one
 * short column per flag instead of every flag's facts (jsonb, which would not even keep the key order). Both
 * sides of the comparison are computed here from findings, and a rule builds its facts in a fixed order, so
 * plain JSON.stringify is stable (and several times faster than canonical JSON on 150,000 findings). Node's
 * one-shot hash is native: about three times faster than any string hash written in JS.
 */
export function findingFingerprint(finding: Pick<Finding, "severity" | "message" | "messageFr" | "facts">): string {
  // The French wording is part of what is stored: a finding worded anew in French only is a change to write
  // (and flags stored before the engine wrote French get theirs on the next pass).
  return sha1(`${fingerprintText(finding)}\u0000${finding.messageFr}`);
}

/** The fingerprint written before findings were worded in French: SHA-1 of severity, English message and facts. */
export function englishOnlyFingerprint(finding: Pick<Finding, "severity" | "message" | "facts">): string {
  return sha1(fingerprintText(finding));
}

function fingerprintText(finding: Pick<Finding, "severity" | "message" | "facts">): string {
  return `${finding.severity}\u0000${finding.message}\u0000${JSON.stringify(finding.facts)}`;
}

// crypto.hash arrived in Node 20.12; the engines field allows 20.9.
const sha1: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha1", text, "base64")
    : (text) => crypto.createHash("sha1").update(text).digest("base64");

const FINGERPRINT_LENGTH = 28;

/**
 * The fingerprint written before SHA-1: a 53-bit string hash (two multiplicative 32-bit lanes, "cyrb53") in
 * base 36. Still recognised so that an upgraded database rewrites those fingerprints quietly instead of
 * counting every flag as changed once.
 */
export function legacyFingerprint(finding: Pick<Finding, "severity" | "message" | "facts">): string {
  const text = fingerprintText(finding);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * `stored` must hold every flag of the evaluated subjects (any status); `findings` everything the rules
 * found for those same subjects.
 */
export function planFlagChanges({
  stored,
  findings,
  today,
}: {
  stored: readonly StoredFlag[];
  findings: readonly Finding[];
  today: IsoDate;
}): FlagPlan {
  const plan: FlagPlan = { insert: [], refresh: [], reopen: [], resolve: [], refingerprint: [] };
  // Indexed by subject, then a scan of its few flags: on a full pass (150,000 findings) a map keyed by a
  // built "rule|type|subject" string costs more than the comparisons themselves.
  const bySubject = new Map<string, number[]>();
  for (let i = 0; i < stored.length; i++) {
    const subjectId = stored[i]!.subjectId;
    const list = bySubject.get(subjectId);
    if (list === undefined) bySubject.set(subjectId, [i]);
    else list.push(i);
  }
  const seen = new Uint8Array(stored.length);
  const inserted = new Set<string>();

  for (const finding of findings) {
    let index = -1;
    for (const i of bySubject.get(finding.subjectId) ?? []) {
      const candidate = stored[i]!;
      if (candidate.ruleId === finding.ruleId && candidate.subjectType === finding.subjectType) {
        index = i;
        break;
      }
    }
    if (index === -1) {
      const key = flagKey(finding.ruleId, finding.subjectType, finding.subjectId);
      if (inserted.has(key)) continue;
      inserted.add(key);
      plan.insert.push(finding);
      continue;
    }
    if (seen[index]) continue;
    seen[index] = 1;
    const flag = stored[index]!;
    if (flag.status === "resolved") {
      plan.reopen.push({ id: flag.id, finding, reason: "cause-returned" });
    } else if (flag.status === "accepted" && flag.acceptedUntil !== null && flag.acceptedUntil < today) {
      plan.reopen.push({ id: flag.id, finding, reason: "acceptance-ended" });
    } else if (
      flag.status === "accepted" &&
      factsWorsened({ severity: flag.acceptedSeverity, facts: flag.acceptedFacts }, finding)
    ) {
      plan.reopen.push({ id: flag.id, finding, reason: "facts-worse" });
    } else {
      const fingerprint = findingFingerprint(finding);
      if (flag.fingerprint === fingerprint) {
        // Unchanged: nothing to write.
      } else if (
        flag.fingerprint.length === FINGERPRINT_LENGTH
          ? flag.fingerprint === englishOnlyFingerprint(finding)
          : flag.fingerprint === legacyFingerprint(finding)
      ) {
        plan.refingerprint.push({ id: flag.id, fingerprint, messageFr: finding.messageFr });
      } else {
        plan.refresh.push({ id: flag.id, finding });
      }
    }
  }

  for (let i = 0; i < stored.length; i++) {
    if (!seen[i] && stored[i]!.status !== "resolved") plan.resolve.push(stored[i]!.id);
  }
  return plan;
}
