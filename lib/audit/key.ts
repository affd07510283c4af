import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_PGLITE_DIR } from "@/db/client";
import { AppError } from "@/lib/errors";

/*
 * The audit key: the HMAC key of the audit trail's MACs and signed heads. It must be a secret the database does
 * not hold, so that whoever can write the audit tables (an operator with SQL access, a stolen backup restored and
 * edited) cannot recompute a MAC after editing an event, nor sign a head that hides the events removed after it.
 *
 * AUDIT_KEY, when set, is the key itself (the same on every instance). Otherwise the key is derived with HKDF
 * (RFC 5869) from NEXTAUTH_SECRET, which every deployment already has, under an info string of its own: the
 * session secret and the audit key are then different keys, and knowing one MAC never helps with a session
 * cookie. On the embedded database NEXTAUTH_SECRET may be unset in the process (a CLI command, `next dev`): the
 * secret is then the one `npm start` keeps beside the data folder (scripts/runtime-env.mjs), created the same way
 * when absent, so that the app and its CLI commands on one folder use one key.
 */

/** HKDF's info string: the purpose and version of the derived key (changing it changes every MAC). */
/** The environment variables read (process.env, or a test's own). */
type Environment = Readonly<Record<string, string | undefined>>;

export const AUDIT_KEY_INFO = "transfer-governance/audit-trail/hmac-key/v1";

/** AUDIT_KEY's minimum length: 32 characters, what `openssl rand -base64 24` gives, at least 128 bits of entropy. */
export const AUDIT_KEY_MIN_LENGTH = 32;

const derivedKeys = new Map<string, Buffer>();

/** The secret file `npm start` keeps beside a PGlite folder ("./data/pglite" -> "./data/pglite.nextauth-secret"). */
export function pgliteSecretFile(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.nextauth-secret`);
}

/** Reads the PGlite folder's session secret, creating it as scripts/runtime-env.mjs would when absent. */
function readOrCreateSecret(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Created under a temporary name and linked into place: two processes starting together (two test workers,
    // the app and a CLI command) either create it or read the other's, never a half-written file.
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    fs.writeFileSync(temporary, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Where the audit key comes from, for `npm run audit:verify` to say which key it checked with. */
export function auditKeySource(env: Environment = process.env): string {
  if (env.AUDIT_KEY) return "AUDIT_KEY";
  if (env.NEXTAUTH_SECRET) return "derived from NEXTAUTH_SECRET";
  if (!env.DATABASE_URL) return `derived from the session secret in ${pgliteSecretFile(env.PGLITE_DIR || DEFAULT_PGLITE_DIR)}`;
  return "none";
}

/**
 * The audit key of this process's configuration. Throws (naming the variables) when there is none: on
 * PostgreSQL without AUDIT_KEY or NEXTAUTH_SECRET, which `npm start` refuses anyway.
 */
export function resolveAuditKey(env: Environment = process.env): Buffer {
  if (env.AUDIT_KEY !== undefined && env.AUDIT_KEY !== "") {
    if (env.AUDIT_KEY.length < AUDIT_KEY_MIN_LENGTH) {
      throw new AppError("unavailable", `AUDIT_KEY must be at least ${AUDIT_KEY_MIN_LENGTH} characters (e.g. \`openssl rand -base64 32\`).`, {
        fields: [{ path: "AUDIT_KEY", message: `at least ${AUDIT_KEY_MIN_LENGTH} characters` }],
      });
    }
    return Buffer.from(env.AUDIT_KEY, "utf8");
  }
  let secret = env.NEXTAUTH_SECRET;
  if (!secret && !env.DATABASE_URL) secret = readOrCreateSecret(pgliteSecretFile(env.PGLITE_DIR || DEFAULT_PGLITE_DIR));
  if (!secret) {
    throw new AppError("unavailable", "No audit key: set AUDIT_KEY, or NEXTAUTH_SECRET from which it is derived (the same on every instance).", {
      fields: [{ path: "AUDIT_KEY", message: "required with DATABASE_URL when NEXTAUTH_SECRET is unset" }],
    });
  }
  let key = derivedKeys.get(secret);
  if (!key) {
    // No salt: the secret is already uniformly random; the info string separates this key from other uses.
    key = Buffer.from(crypto.hkdfSync("sha256", secret, Buffer.alloc(0), AUDIT_KEY_INFO, 32));
    derivedKeys.set(secret, key);
  }
  return key;
}
