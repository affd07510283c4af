import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/*
 * Memoises an expensive read (the dashboard's aggregates over the whole register) for as long as the
 * database has not changed, exactly, with no time-to-live guess.
 *
 * The key is the database's MVCC snapshot (pg_current_snapshot(): xmin, xmax, in-progress xids). Any write
 * that commits, or even starts, changes it; reads do not. The snapshot is read before and after the
 * computation: if the two are equal, no transaction began or ended in between, so every query of the
 * computation saw exactly the data of that snapshot, and the result is stored under it. If they differ, the
 * result is returned but not stored. A later request with the same snapshot therefore sees the same data and
 * may reuse the result; the first request after any write recomputes.
 */

interface Entry {
  key: string;
  value: unknown;
}

const globalCache = globalThis as unknown as { __snapshotCache?: Map<string, Entry> };

async function currentSnapshot(db: Executor): Promise<string> {
  const result = (await db.execute(sql`select pg_current_snapshot()::text as snapshot`)) as unknown as { rows: { snapshot: string }[] };
  return result.rows[0]!.snapshot;
}

/** `scope` names the computation and must include every input besides the data (e.g. the day). */
export async function memoizeWhileUnchanged<T>(db: Executor, scope: string, compute: () => Promise<T>): Promise<T> {
  const cache = (globalCache.__snapshotCache ??= new Map());
  const before = await currentSnapshot(db);
  const hit = cache.get(scope);
  if (hit?.key === before) return hit.value as T;
  const value = await compute();
  const after = await currentSnapshot(db);
  if (after === before) cache.set(scope, { key: before, value });
  return value;
}
