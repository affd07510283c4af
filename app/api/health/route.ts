import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { appliedMigrationTag } from "@/db/migrate";
import { authConfigurationProblems } from "@/lib/auth/configuration-check";
import { route } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness for a load balancer: public, says nothing secret. Not ready (503, with the reason) when
 * the database does not answer or when the authentication configuration is broken: such an instance would
 * answer pages but refuse or mis-sign every sign-in.
 */
export const GET = route({ public: true }, async () => {
  const configuration = authConfigurationProblems();
  if (configuration.length > 0) {
    return Response.json({ status: "unavailable", reason: `authentication misconfigured: ${configuration.join("; ")}` }, { status: 503 });
  }
  try {
    const handle = getDatabase();
    await handle.db.execute(sql`select 1`);
    const migration = await appliedMigrationTag(handle);
    return Response.json({ status: "ok", database: handle.driver, migration });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "unknown error";
    return Response.json({ status: "unavailable", reason: `database unreachable: ${reason}` }, { status: 503 });
  }
});
