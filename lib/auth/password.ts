import bcrypt from "bcryptjs";
import { ZxcvbnFactory, type DictionaryMatch, type Match } from "@zxcvbn-ts/core";
import * as commonLanguage from "@zxcvbn-ts/language-common";
import * as englishLanguage from "@zxcvbn-ts/language-en";
import { fieldsError } from "@/lib/errors";

// bcrypt cost 12: about 200 ms on this class of machine, the OWASP-recommended minimum is 10.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the user does not exist, so that timing does not reveal which emails exist. */
export const UNUSED_HASH = "$2b$12$DvB8euyyoS5Zs2nKicVDGeQmN/cak4Vy7vfkq6QJ8t8X8eBPWjXCS";

/*
 * The password policy, applied wherever a password is set (lib/users/service.ts: the users page, the first-run
 * set-up, `npm run user:create`, a password change). NIST SP 800-63B §3.1.1.2 asks verifiers to refuse
 * passwords found in lists of commonly used or compromised values and to guide the user, rather than impose
 * composition rules; a length minimum alone lets "password1234" through. So: at least 12 characters (the
 * contract's rule), not a common password (zxcvbn-ts's list of the most used ones, with l33t and reversed
 * variants), and zxcvbn's top strength score, 4 (at least 10^10 guesses): a stolen bcrypt hash at cost 12
 * takes a GPU (some thousand guesses a second) months, where score 3 (10^8) would take it a day. The estimate
 * also penalises the account's own email and name (and their parts) and the product's words.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MIN_SCORE = 4;
// bcrypt hashes only the first 72 bytes (Provos & Mazières 1999, §6): the strength that counts is theirs.
const BCRYPT_MAX_BYTES = 72;
const PRODUCT_WORDS = ["transfer", "transfers", "governance", "privacy", "dpo", "gncc"];

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries are large, and only the code paths that set a password need them. */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonLanguage.dictionary, ...englishLanguage.dictionary },
    graphs: commonLanguage.adjacencyGraphs,
    translations: englishLanguage.translations,
  });
  return estimator;
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8 without splitting a character. */
function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char, "utf8");
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

function isWholeCommonPassword(match: Match, length: number): boolean {
  const dictionaryName = (match as DictionaryMatch).dictionaryName;
  return match.pattern === "dictionary" && typeof dictionaryName === "string" && dictionaryName.startsWith("passwords") && match.i === 0 && match.j === length - 1;
}

export interface PasswordContext {
  /** The account's email and name: a password built from them is easy to guess for anyone who knows the user. */
  email?: string;
  name?: string;
}

/** Why the password is refused, as a sentence fragment after the field name, or null when it is acceptable. */
export function passwordWeakness(password: string, context: PasswordContext = {}): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  const hashed = utf8Prefix(password, BCRYPT_MAX_BYTES);
  // zxcvbn matches each input as a whole token: "Dana Scully" and "dana.scully@…" are given in parts too.
  const personal = [context.email, context.name].filter((value): value is string => Boolean(value));
  const parts = personal.flatMap((value) => value.toLowerCase().split(/[\s@._+-]+/)).filter((part) => part.length >= 3);
  const userInputs = [...personal, ...parts, ...PRODUCT_WORDS];
  const result = strengthEstimator().check(hashed, userInputs);
  if (result.sequence.some((match) => isWholeCommonPassword(match, hashed.length))) {
    return "is one of the most commonly used passwords: choose another";
  }
  if (result.score < PASSWORD_MIN_SCORE) {
    const reasons = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
    return `is too easy to guess${reasons ? ` (${reasons})` : ""}: use a longer phrase of unrelated words`;
  }
  return null;
}

/** Throws a validation error naming the field (e.g. "password") when the password does not meet the policy. */
export function assertPasswordPolicy(password: string, context: PasswordContext = {}, field = "password"): void {
  const weakness = passwordWeakness(password, context);
  if (weakness) throw fieldsError("validation_failed", [{ path: field, message: weakness }]);
}
