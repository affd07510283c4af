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

/** Base of the links in notification e-mails: APP_URL, else NEXTAUTH_URL (the address people open the app at). */
export function appPublicUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.APP_URL || appBaseUrl(env)).replace(/\/+$/, "");
}

/** The SMTP server notifications are sent through, e.g. smtp://user:password@mail.example.com:587; unset: no e-mail. */
export function smtpUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.SMTP_URL?.trim() || null;
}

/** The sender of notification e-mails (MAIL_FROM). */
export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM?.trim() || "Transfer governance <no-reply@localhost>";
}

/** Seconds between two passes of the in-process notification runner (NOTIFY_INTERVAL_SECONDS, default 60; 0 turns it off). */
export function notifyIntervalSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.NOTIFY_INTERVAL_SECONDS ?? "60");
  return Number.isFinite(value) && value >= 0 ? value : 60;
}
