/**
 * Configuration read from the environment, in one place. Every variable is documented in README.md.
 */

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return !["0", "false", "no", "off"].includes(value.toLowerCase());
}

/**
 * Demo mode loads the demo company and its three demo users. It is on by default for the embedded
 * database (a laptop try-out) and off by default on PostgreSQL (a real deployment), so that no known
 * password ever reaches a production database by accident. DEMO=1/0 overrides both.
 */
export function isDemoMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return flag(env.DEMO, !env.DATABASE_URL);
}

export function appBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? "3000"}`;
}
