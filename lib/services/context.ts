import type { Executor } from "@/db/client";
import type { ServiceActor } from "@/lib/auth/actor";

/**
 * What every service call runs with: the database (or the transaction it joins), who acts, and "today"
 * (passed in, never read from the clock, so that rules and tests agree on the date). Services take
 * `{ ctx, input }`; routes and actions build the context in their one wrapper (lib/auth/guard.ts).
 */
export interface ServiceContext {
  db: Executor;
  actor: ServiceActor;
  today: string;
}

export interface ServiceCall<I = unknown> {
  ctx: ServiceContext;
  input: I;
}

/** The same context on another executor: a transaction, or a rolled-back one for a preview. */
export function withDb(ctx: ServiceContext, db: Executor): ServiceContext {
  return { ...ctx, db };
}
