import "server-only";
import { getDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { countActiveUsers, disableDemoUsers, enableDemoUsers } from "@/db/queries/users";
import { seedDemoData } from "@/db/seed/demo";
import { seedReferenceData } from "@/db/seed/reference";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { isDemoMode } from "@/lib/env";

/** Migrations and reference data: what every command needs before it touches the database. */
export async function prepareDatabase(handle: DatabaseHandle = getDatabase()): Promise<DatabaseHandle> {
  await runMigrations(handle);
  await seedReferenceData(handle.db);
  return handle;
}

/** Start-up of the web app: migrate, load reference data, then demo data or first-user instructions. */
export async function startUp({ log = console.log }: { log?: (line: string) => void } = {}): Promise<void> {
  const handle = await prepareDatabase();
  log(`[startup] database: ${handle.driver} (${handle.location}), migrations applied`);

  if (isDemoMode()) {
    const { seeded } = await seedDemoData(handle.db);
    await enableDemoUsers({ db: handle.db });
    log(seeded ? "[startup] demo company loaded" : "[startup] demo mode (data already present)");
    log("[startup] demo accounts (demo mode only; DEMO=0 disables them):");
    for (const user of DEMO_USERS) log(`  ${user.role.padEnd(8)} ${user.email}  password: ${user.password}`);
    return;
  }

  const disabled = await disableDemoUsers({ db: handle.db });
  if (disabled > 0) log(`[startup] demo mode is off: ${disabled} demo account(s) disabled`);
  if ((await countActiveUsers({ db: handle.db })) === 0) {
    log(
      "[startup] no users yet. Stop the app if it uses the embedded database, then create the first DPO:\n" +
        "  npm run user:create -- --email you@example.com --role dpo",
    );
  }
}
