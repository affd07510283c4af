import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AUDIT_KEY_INFO, auditKeySource, pgliteSecretFile, resolveAuditKey } from "./key";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "governance-audit-key-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("the audit key", () => {
  it("is AUDIT_KEY itself when set", () => {
    const key = "k".repeat(40);
    expect(resolveAuditKey({ AUDIT_KEY: key, NEXTAUTH_SECRET: "ignored" }).toString("utf8")).toBe(key);
    expect(auditKeySource({ AUDIT_KEY: key })).toBe("AUDIT_KEY");
  });

  it("refuses an AUDIT_KEY shorter than 32 characters, naming the variable", () => {
    expect(() => resolveAuditKey({ AUDIT_KEY: "short" })).toThrow(/AUDIT_KEY must be at least 32 characters/);
  });

  it("is derived from NEXTAUTH_SECRET with HKDF under its own info string: not the secret, the same for the same secret", () => {
    const secret = crypto.randomBytes(32).toString("base64");
    const key = resolveAuditKey({ NEXTAUTH_SECRET: secret });
    expect(key).toEqual(Buffer.from(crypto.hkdfSync("sha256", secret, Buffer.alloc(0), AUDIT_KEY_INFO, 32)));
    expect(key.toString("base64")).not.toBe(secret);
    expect(resolveAuditKey({ NEXTAUTH_SECRET: secret })).toEqual(key);
    expect(resolveAuditKey({ NEXTAUTH_SECRET: `${secret}x` })).not.toEqual(key);
  });

  it("on PGlite without NEXTAUTH_SECRET, comes from the secret npm start keeps beside the folder (created when absent)", () => {
    const dataDir = path.join(folder, "pglite");
    const file = pgliteSecretFile(dataDir);
    expect(file).toBe(path.join(folder, "pglite.nextauth-secret"));
    expect(fs.existsSync(file)).toBe(false);
    const key = resolveAuditKey({ PGLITE_DIR: dataDir });
    const secret = fs.readFileSync(file, "utf8").trim();
    expect(Buffer.from(secret, "base64")).toHaveLength(32);
    expect(key).toEqual(resolveAuditKey({ NEXTAUTH_SECRET: secret }));
    expect(resolveAuditKey({ PGLITE_DIR: dataDir })).toEqual(key);
    expect(auditKeySource({ PGLITE_DIR: dataDir })).toBe(`derived from the session secret in ${file}`);
  });

  it("on PostgreSQL without AUDIT_KEY or NEXTAUTH_SECRET, there is none: the error names both", () => {
    expect(() => resolveAuditKey({ DATABASE_URL: "postgres://db/governance" })).toThrow(/set AUDIT_KEY, or NEXTAUTH_SECRET/);
  });
});
