import crypto from "node:crypto";

/*
 * The one-time set-up code of a fresh installation: three groups of four characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), about 59 bits of randomness, so that it can be read from a server log and typed.
 * Only its SHA-256 is stored: a fast hash is enough for a random secret of that size, and wrong guesses are
 * rate limited like sign-ins.
 */
export const SETUP_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A new random code, e.g. "K7QM-3TXA-9HCF". */
export function generateSetupCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP_LENGTH; i++) group += SETUP_CODE_ALPHABET[crypto.randomInt(SETUP_CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/** What the person typed, as the code is hashed: upper case, without spaces or dashes. */
export function normalizeSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

export function hashSetupCode(code: string): string {
  return crypto.createHash("sha256").update(normalizeSetupCode(code)).digest("hex");
}

/** Compares in constant time, so that the answer's timing says nothing about how much of the code was right. */
export function setupCodeMatches(typed: string, storedHash: string): boolean {
  const typedHash = Buffer.from(hashSetupCode(typed), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === typedHash.length && crypto.timingSafeEqual(typedHash, stored);
}
