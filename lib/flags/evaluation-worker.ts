import { parentPort } from "node:worker_threads";
import { evaluateShare, planShare, type FromWorker, type ShareEvaluation, type ToWorker } from "./evaluation-share";

/*
 * The worker thread of a full re-evaluation (see parallel-evaluation.ts): evaluates its share of the
 * register as soon as the register arrives, plans it once the stored flags arrive, posts the plan, and is
 * then terminated by the main thread.
 */

let evaluated: { evaluation: ShareEvaluation; today: string; milliseconds: number } | undefined;

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

parentPort!.on("message", (message: ToWorker) => {
  try {
    if (message.kind === "register") {
      const start = performance.now();
      const evaluation = evaluateShare(message.packed, message.share);
      evaluated = { evaluation, today: message.packed.today, milliseconds: performance.now() - start };
      return;
    }
    if (evaluated === undefined) throw new Error("stored flags arrived before the register");
    const start = performance.now();
    const plan = planShare({ evaluation: evaluated.evaluation, flags: message.flags, today: evaluated.today });
    post({
      kind: "done",
      plan,
      findings: evaluated.evaluation.findings.length,
      milliseconds: { evaluate: Math.round(evaluated.milliseconds), plan: Math.round(performance.now() - start) },
    });
  } catch (error) {
    post({ kind: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
