import "server-only";
import type { Executor } from "@/db/client";

/*
 * "What flags will this raise?" before anything is saved: the real write runs (same validation, same
 * re-evaluation, same rules) inside a transaction that is then rolled back. One code path decides both the
 * prediction and the outcome, so the two cannot disagree.
 */

class RollbackPrediction<T> extends Error {
  constructor(readonly outcome: T) {
    super("prediction rolled back");
  }
}

export async function predictWithoutSaving<T>(db: Executor, write: (tx: Executor) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new RollbackPrediction(await write(tx as unknown as Executor));
    });
  } catch (error) {
    if (error instanceof RollbackPrediction) return error.outcome as T;
    throw error;
  }
  throw new Error("unreachable: the prediction transaction always rolls back");
}
