// npm run db:migrate: applies pending migrations and the reference data, then exits.
import { latestMigrationTag } from "@/db/migrate";
import { prepareDatabase } from "@/lib/startup";
import { closeCliDatabase, runCli } from "./cli";

runCli(async () => {
  const handle = await prepareDatabase();
  console.log(`Migrated ${handle.driver} (${handle.location}) to ${latestMigrationTag()}; reference data loaded.`);
  await closeCliDatabase();
});
