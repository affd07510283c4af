import "server-only";
import { getDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { loadDashboardFigures } from "@/lib/cache/dashboard";
import { disableDemoUsers, enableDemoUsers } from "@/db/queries/users";
import { seedDemoData } from "@/lib/seed/demo";
import { seedReferenceData } from "@/lib/seed/reference";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { appBaseUrl, isDemoMode } from "@/lib/env";
import { issueSetupCodeIfNeeded } from "@/lib/setup/service";
import { todayIso } from "@/lib/clock";
import { reevaluateIfDateChanged, runFullEvaluation } from "@/lib/flags/evaluation";

/** Migrations and reference data: what every command needs before it touches the database. */
export async function prepareDatabase(handle: DatabaseHandle = getDatabase()): Promise<DatabaseHandle> {
  await runMigrations(handle);
  await seedReferenceData(handle.db);
  return handle;
}

/** Start-up of the web app: migrate, load reference data, then demo data or the first DPO's set-up code. */
export async function startUp({ log = console.log }: { log?: (line: string) => void } = {}): Promise<void> {
  const handle = await prepareDatabase();
  log(`[startup] database: ${handle.driver} (${handle.location}), migrations applied`);

  let setupCode: string | null = null;
  if (isDemoMode()) {
    const { seeded } = await seedDemoData(handle.db);
    await enableDemoUsers({ db: handle.db });
    log(seeded ? "[startup] demo company loaded" : "[startup] demo mode (data already present)");
  } else {
    const disabled = await disableDemoUsers({ db: handle.db });
    if (disabled > 0) log(`[startup] demo mode is off: ${disabled} demo account(s) disabled`);
    // No DPO yet: a one-time code (only its hash stored) opens /setup; every start replaces the earlier one.
    // Issued before the evaluation so that /setup works as soon as the server answers; printed last, to be seen.
    setupCode = await issueSetupCodeIfNeeded({ db: handle.db });
  }

  // A new release may change a rule: every start re-evaluates the whole register.
  const started = Date.now();
  const summary = await runFullEvaluation({ db: handle.db, today: todayIso() });
  log(
    `[startup] flags evaluated in ${Date.now() - started} ms: ${summary.findings} findings ` +
      `(${summary.inserted} new, ${summary.reopened} reopened, ${summary.resolved} resolved)`,
  );
  warmDashboard(handle, todayIso());
  scheduleDailyEvaluation(log);

  if (isDemoMode()) {
    log("[startup] demo accounts (demo mode only; DEMO=0 disables them):");
    for (const user of DEMO_USERS) log(`  ${user.role.padEnd(8)} ${user.email}  password: ${user.password}`);
  } else if (setupCode) {
    log(
      `[startup] no DPO account yet. Open ${appBaseUrl()}/setup and enter this one-time set-up code: ${setupCode}\n` +
        "  (it works once; a restart prints a new one. Scripted installs: npm run user:create -- --email you@example.com --role dpo)",
    );
  }
}

const globalForTimer = globalThis as unknown as { __flagTimer?: NodeJS.Timeout };

/**
 * Date-driven rules (agreement expiry, DPF lapse, TIA age, the end of an accepted risk) change with the
 * calendar, not with an edit: check hourly and re-evaluate once the date has changed. With several
 * instances on PostgreSQL the evaluation lock and the stored date make the extra passes no-ops.
 */
function scheduleDailyEvaluation(log: (line: string) => void): void {
  if (globalForTimer.__flagTimer) return;
  globalForTimer.__flagTimer = setInterval(
    () => {
      reevaluateIfDateChanged({ db: getDatabase().db, today: todayIso() })
        .then((summary) => {
          if (!summary) return;
          log(`[flags] new day: ${summary.findings} findings, ${summary.reopened} reopened, ${summary.resolved} resolved`);
          warmDashboard(getDatabase(), todayIso());
        })
        .catch((error: unknown) => console.error("[flags] daily evaluation failed:", error));
    },
    60 * 60 * 1000,
  );
  globalForTimer.__flagTimer.unref();
}

/** Computes the dashboard's figures ahead of the first visit (in the background: nobody waits for it). */
function warmDashboard(handle: DatabaseHandle, today: string): void {
  loadDashboardFigures({ db: handle.db, today }).catch((error: unknown) => console.error("[dashboard] could not compute the figures ahead:", error));
}
