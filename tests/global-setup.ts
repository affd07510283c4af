import pg from "pg";

export const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * Decides once per run whether the PostgreSQL half of the integration suite can run, and says so:
 * skipped when the server is unreachable, a failure instead when REQUIRE_POSTGRES=1 (CI).
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    process.env.TEST_POSTGRES_URL = url;
    console.log(`[integration] databases: PGlite (in memory) and PostgreSQL ${rows[0]?.server_version} at ${url.replace(/:[^:@/]*@/, ":***@")}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.REQUIRE_POSTGRES === "1") {
      throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL is unreachable at ${url}: ${reason}`);
    }
    delete process.env.TEST_POSTGRES_URL;
    console.warn(`[integration] PostgreSQL unreachable at ${url} (${reason}): the PostgreSQL half of the suite is SKIPPED`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
