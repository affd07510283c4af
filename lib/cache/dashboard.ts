import "server-only";
import type { Executor } from "@/db/client";
import { readDashboardFigures } from "@/db/queries/dashboard";
import type { Population } from "@/db/queries/population";
import { memoizeWhileUnchanged } from "./snapshot-cache";

// The dashboard page reads its windows from here too, beside the figures they shaped.
export { EXPIRY_WINDOW_DAYS, TREND_DAYS } from "@/db/queries/dashboard";

/**
 * Every figure of the dashboard for one population (db/queries/dashboard.ts), computed once per database state
 * and reused until anything is written (snapshot-cache.ts): about a second at 100,000 transfers. The server
 * also computes the default population ahead, after each full evaluation (lib/startup.ts), so that the first
 * visit of the day finds it ready. The population is an input besides the data: it is part of the scope.
 */
export async function loadDashboardFigures({ db, today, pending = "include" }: { db: Executor; today: string; pending?: Population }) {
  return memoizeWhileUnchanged(db, `dashboard|${today}|${pending}`, () => readDashboardFigures({ db, today, pending }));
}
