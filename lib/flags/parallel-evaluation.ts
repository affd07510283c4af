import "server-only";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Executor } from "@/db/client";
import { listStoredFlagsPacked } from "@/db/queries/flags";
import { transferProcessorIds } from "./packed-register";
import { loadPackedRegister } from "@/db/queries/register";
import { findingProcessors, type RegisterSnapshot } from "@/lib/rules/snapshot";
import type { Finding } from "@/lib/rules/types";
import { evaluateShare, planShare, type FromWorker, type Share, type ToWorker } from "./evaluation-share";
import type { FlagPlan } from "./lifecycle";

/*
 * A full re-evaluation on two threads. Evaluating 100,000 transfers is CPU work that one thread does in
 * about as long as the database takes to hand over the register and the flags, so the subjects are split
 * in two shares (see evaluation-share.ts): this thread evaluates one while a worker thread evaluates the
 * other, each from the same packed text. The database work stays here, in the caller's transaction.
 */

/** FLAG_EVALUATION_THREADS=1 keeps the pass on one thread; by default two when the machine has two cores. */
export function evaluationThreads(): 1 | 2 {
  const configured = process.env.FLAG_EVALUATION_THREADS;
  if (configured === "1") return 1;
  if (configured === "2") return 2;
  return os.availableParallelism() >= 2 ? 2 : 1;
}

/** The worker of one pass: started before the register loads, so that its modules load meanwhile. */
class ShareWorker {
  private readonly worker: Worker;
  private readonly outcome: Promise<FromWorker>;

  constructor() {
    // Bundled by Next, the worker is compiled with this module. Run from source (tsx scripts, vitest), a
    // small CommonJS entry registers tsx in the worker first (see evaluation-worker-source.cjs).
    this.worker = import.meta.url.endsWith(".ts")
      ? new Worker(fileURLToPath(import.meta.url).replace(/parallel-evaluation\.ts$/, "evaluation-worker-source.cjs"))
      : new Worker(new URL("./evaluation-worker.ts", import.meta.url));
    this.outcome = new Promise((resolve) => {
      this.worker.once("message", resolve);
      this.worker.once("error", (error) => resolve({ kind: "failed", message: error.message }));
      this.worker.once("exit", (code) => resolve({ kind: "failed", message: `the worker exited with code ${code}` }));
    });
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  async result(): Promise<FromWorker> {
    const outcome = await this.outcome;
    // Its share of the register goes with it: nothing is kept between passes.
    void this.worker.terminate();
    return outcome;
  }

  abandon(): void {
    void this.worker.terminate();
  }
}

export interface WholeRegisterEvaluation {
  /** This thread's share of the register: every processor and agreement, the transfers of its share only. */
  snapshot: RegisterSnapshot;
  /** The processor a finding of either share is about (the flags' processor column). */
  processorOf: (finding: Finding) => string | null;
  plan: FlagPlan;
  findings: number;
  threads: 1 | 2;
  /** Why the worker failed, when its share had to be evaluated on this thread after all. */
  workerError: string | null;
  timings: { load: number; evaluate: number; stored: number; plan: number; wait: number };
}

export async function evaluateWholeRegister({
  db,
  today,
  threads = evaluationThreads(),
}: {
  db: Executor;
  today: string;
  threads?: 1 | 2;
}): Promise<WholeRegisterEvaluation> {
  const worker = threads === 2 ? new ShareWorker() : null;
  try {
    let mark = performance.now();
    const lap = () => {
      const elapsed = performance.now() - mark;
      mark = performance.now();
      return Math.round(elapsed);
    };
    const packed = await loadPackedRegister({ db, today });
    const load = lap();
    const mine: Share = { index: 0, count: threads };
    worker?.send({ kind: "register", packed, share: { index: 1, count: 2 } });

    // The stored flags before this thread's share: the worker needs them the moment it is done evaluating,
    // and this thread could hand them over only between its own synchronous steps. PGlite runs the query on
    // this thread anyway; PostgreSQL answers while the worker evaluates.
    const flags = await listStoredFlagsPacked({ db });
    worker?.send({ kind: "flags", flags });
    const stored = lap();
    const evaluation = evaluateShare(packed, mine);
    const evaluate = lap();
    const plans = [planShare({ evaluation, flags, today })];
    let findings = evaluation.findings.length;
    let workerError: string | null = null;
    const plan = lap();

    if (worker !== null) {
      const outcome = await worker.result();
      if (outcome.kind === "done") {
        plans.push(outcome.plan);
        findings += outcome.findings;
      } else {
        // Never a silent gap in the flags: the other share is evaluated here instead, only slower.
        workerError = outcome.message;
        console.warn(`[flags] the evaluation worker failed (${outcome.message}); evaluating its share on the main thread`);
        const other: Share = { index: 1, count: 2 };
        const rest = evaluateShare(packed, other);
        plans.push(planShare({ evaluation: rest, flags, today }));
        findings += rest.findings.length;
      }
    }
    const wait = lap();
    return {
      snapshot: evaluation.snapshot,
      processorOf: findingProcessors(evaluation.snapshot, () => transferProcessorIds(packed)),
      plan: mergePlans(plans),
      findings,
      threads,
      workerError,
      timings: { load, evaluate, stored, plan, wait },
    };
  } catch (error) {
    worker?.abandon();
    throw error;
  }
}

function mergePlans(plans: FlagPlan[]): FlagPlan {
  if (plans.length === 1) return plans[0]!;
  return {
    insert: plans.flatMap((p) => p.insert),
    refresh: plans.flatMap((p) => p.refresh),
    reopen: plans.flatMap((p) => p.reopen),
    resolve: plans.flatMap((p) => p.resolve),
    refingerprint: plans.flatMap((p) => p.refingerprint),
  };
}
