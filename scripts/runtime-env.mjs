// Environment defaults shared by `npm start` and the end-to-end tests, so that both run the app the same way.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * next-auth needs a secret. On the embedded database we keep a generated one beside the data folder,
 * so that sessions survive a restart with zero set-up. On PostgreSQL several instances must share one
 * secret, so it has to be configured.
 */
export function withRuntimeDefaults(env = process.env) {
  const result = { ...env };
  result.PORT ||= "3000";
  result.NEXTAUTH_URL ||= `http://localhost:${result.PORT}`;
  if (!result.NEXTAUTH_SECRET) {
    if (result.DATABASE_URL) {
      throw new Error(
        "NEXTAUTH_SECRET is not set. With DATABASE_URL (PostgreSQL), set the same random NEXTAUTH_SECRET on every instance, e.g. `openssl rand -base64 32`.",
      );
    }
    const dataDir = path.resolve(result.PGLITE_DIR || "./data/pglite");
    const secretFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.nextauth-secret`);
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    if (!fs.existsSync(secretFile)) {
      fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
    }
    result.NEXTAUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
  }
  return result;
}
