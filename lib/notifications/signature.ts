import crypto from "node:crypto";

/*
 * The webhook signature, as a receiver checks it:
 *   X-Governance-Timestamp: 1733330000                    (Unix seconds when the request was sent)
 *   X-Governance-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the endpoint's secret>
 * The receiver recomputes the HMAC over the exact bytes it received (before any JSON parsing), compares it in
 * constant time, and refuses a timestamp older than a few minutes (a replayed request). `verifyWebhookSignature`
 * is that check, written once so that the tests and receivers' examples use the same code.
 */

export const SIGNATURE_HEADER = "X-Governance-Signature";
export const TIMESTAMP_HEADER = "X-Governance-Timestamp";
export const EVENT_HEADER = "X-Governance-Event";
export const DELIVERY_HEADER = "X-Governance-Delivery";

export function signWebhook({ secret, timestamp, body }: { secret: string; timestamp: number; body: string }): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** True when the signature matches and the timestamp is within `toleranceSeconds` of `now`. */
export function verifyWebhookSignature({
  secret,
  timestamp,
  body,
  signature,
  now = new Date(),
  toleranceSeconds = 300,
}: {
  secret: string;
  timestamp: string | number;
  body: string;
  signature: string;
  now?: Date;
  toleranceSeconds?: number;
}): boolean {
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(now.getTime() / 1000 - seconds) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook({ secret, timestamp: seconds, body }));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** A new endpoint's signing secret: 32 random bytes, shown once. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64url")}`;
}
