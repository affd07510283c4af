/*
 * What is wrong with the authentication configuration, read from the environment, for /api/health: an instance
 * whose sessions cannot be signed (or are signed with a guessable secret), whose public URL does not parse, or
 * whose SSO is half set up must leave the load balancer's pool and say why, rather than answer "ok" and fail at
 * the first sign-in. The problems name variables and never quote their values: the health check is public.
 */

/**
 * 32 characters: `openssl rand -base64 32` (the README's advice) gives 44, `openssl rand -hex 16` gives 32. A
 * shorter secret can be guessed offline from one session cookie, which is an HMAC-signed JWT (next-auth v4).
 * RFC 2104 §3 asks the same of an HMAC key (not shorter than the hash's output, 32 bytes for SHA-256): the audit
 * trail's key (AUDIT_KEY) is one.
 */
export const MIN_SECRET_LENGTH = 32;

const SSO_VARIABLES = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Every problem of the authentication configuration in `env`, each a sentence naming its variable; none when it is sound. */
export function authConfigurationProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) {
    // next-auth v4 refuses to sign sessions without a secret in production only (development falls back to a
    // secret derived from its options, with a warning): the same rule here.
    if (env.NODE_ENV === "production") problems.push("NEXTAUTH_SECRET is not set: sessions cannot be signed");
  } else if (secret.trim().length < MIN_SECRET_LENGTH) {
    problems.push(`NEXTAUTH_SECRET is shorter than ${MIN_SECRET_LENGTH} characters`);
  }
  if (env.NEXTAUTH_URL && !isHttpUrl(env.NEXTAUTH_URL)) problems.push("NEXTAUTH_URL is not an absolute http(s) URL");
  // Unset, the audit key is derived from NEXTAUTH_SECRET; set, it must be as strong.
  if (env.AUDIT_KEY && env.AUDIT_KEY.trim().length < MIN_SECRET_LENGTH) {
    problems.push(`AUDIT_KEY is shorter than ${MIN_SECRET_LENGTH} characters`);
  }
  // SSO is on only with all three (lib/auth/options.ts); with some of them the button silently does not appear.
  const missing = SSO_VARIABLES.filter((name) => !env[name]);
  if (missing.length > 0 && missing.length < SSO_VARIABLES.length) {
    problems.push(`SSO is half configured: ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set`);
  }
  if (env.OIDC_ISSUER && !isHttpUrl(env.OIDC_ISSUER)) problems.push("OIDC_ISSUER is not an absolute http(s) URL");
  return problems;
}
