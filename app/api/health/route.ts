import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { appliedMigrationTag } from "@/db/migrate";
import { route } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

/** Liveness and readiness for a load balancer: public, says nothing secret. */
export const GET = route({ public: true }, async () => {
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
