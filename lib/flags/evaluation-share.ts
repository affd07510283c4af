import { snapshotFromPacked, type PackedRegister } from "./packed-register";
import { evaluateRegister, type RegisterSnapshot } from "@/lib/rules/snapshot";
import type { FlagSubjectType } from "@/db/schema/enums";
import type { Finding } from "@/lib/rules/types";
import { planFlagChanges, type FlagPlan } from "./lifecycle";
import { storedFlagsFromPacked, type PackedFlags } from "./packed-flags";

/*
 * One share of a full re-evaluation. The register is split by processor: a share parses and evaluates the
 * transfers to its processors, their agreements and the processors themselves, which is everything those
 * rules read (the DOJ aggregate is per recipient; a sub-processor's chain reads processors and agreements,
 * which every share parses whole; the PIPL counts are per exporter, so every share also parses all mainland
 * exports, evaluating only its own). Each share plans against the stored flags of its own subjects, assigned
 * by the subject's processor as the register says now (not by the flag's processor column, which an edit
 * may have left behind), and a flag whose subject is gone by its subject id. The main thread runs share 0
 * and a worker thread share 1 (see parallel-evaluation.ts); with one share it is the whole pass.
 */

export interface Share {
  index: number;
  count: number;
}

/** The share of a record: the last hex digit of its UUID, which spreads records evenly. */
export function shareOf(id: string, count: number): number {
  const digit = Number.parseInt(id.charAt(id.length - 1), 16);
  return Number.isNaN(digit) ? 0 : digit % count;
}

export interface ShareEvaluation {
  snapshot: RegisterSnapshot;
  findings: Finding[];
  /** Whether a stored flag belongs to this share. */
  owns: (subjectType: FlagSubjectType, subjectId: string) => boolean;
}

export function evaluateShare(packed: PackedRegister, share: Share): ShareEvaluation {
  if (share.count === 1) {
    const { snapshot } = snapshotFromPacked(packed);
    return { snapshot, findings: evaluateRegister(snapshot), owns: () => true };
  }
  const mine = (id: string) => shareOf(id, share.count) === share.index;
  const { snapshot, otherTransferIds } = snapshotFromPacked(packed, mine);
  const myProcessors = new Set(snapshot.processors.filter((p) => mine(p.id)).map((p) => p.id));
  // The snapshot also holds other shares' mainland exports as context (see snapshotFromPacked): not ours.
  const myTransfers = new Set(snapshot.transfers.filter((t) => mine(t.processorId)).map((t) => t.id));
  const agreementProcessor = new Map(snapshot.agreements.map((a) => [a.id, a.processorId]));
  const owns = (subjectType: FlagSubjectType, subjectId: string): boolean => {
    if (subjectType === "transfer") {
      if (myTransfers.has(subjectId)) return true;
      return !otherTransferIds.has(subjectId) && mine(subjectId);
    }
    if (subjectType === "agreement") {
      const processorId = agreementProcessor.get(subjectId);
      return mine(processorId ?? subjectId);
    }
    return mine(subjectId);
  };
  return { snapshot, findings: evaluateRegister(snapshot, { processorIds: myProcessors }), owns };
}

export function planShare({ evaluation, flags, today }: { evaluation: ShareEvaluation; flags: PackedFlags; today: string }): FlagPlan {
  return planFlagChanges({ stored: storedFlagsFromPacked(flags, evaluation.owns), findings: evaluation.findings, today });
}

/** Messages to the worker: the register first (it starts evaluating), the stored flags when they are read. */
export type ToWorker = { kind: "register"; packed: PackedRegister; share: Share } | { kind: "flags"; flags: PackedFlags };

export type FromWorker =
  | { kind: "done"; plan: FlagPlan; findings: number; milliseconds: { evaluate: number; plan: number } }
  | { kind: "failed"; message: string };
