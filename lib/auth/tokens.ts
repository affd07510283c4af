import crypto from "node:crypto";

/** Personal API tokens: shown once, stored as a SHA-256 hash (a token is random, so no salt or KDF is needed). */
export const TOKEN_PREFIX = "tgv_";

export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
