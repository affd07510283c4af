import "server-only";
import type { Executor } from "@/db/client";
import { readDashboardFigures } from "@/db/queries/dashboard";
import { memoizeWhileUnchanged } from "./snapshot-cache";

// The dashboard page reads its windows from here too, beside the figures they shaped.
export { EXPIRY_WINDOW_DAYS, TREND_DAYS } from "@/db/queries/dashboard";

/**
 * Every figure of the dashboard (db/queries/dashboard.ts), computed once per database state and reused until
 * anything is written (snapshot-cache.ts): about a second at 100,000 transfers. The server also computes it
 * ahead, after each full evaluation (lib/startup.ts), so that the first visit of the day finds it ready.
 */
export async function loadDashboardFigures({ db, today }: { db: Executor; today: string }) {
  return memoizeWhileUnchanged(db, `dashboard|${today}`, () => readDashboardFigures({ db, today }));
}
