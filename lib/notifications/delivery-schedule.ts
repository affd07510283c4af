/*
 * Retries of a failed delivery, with exponential backoff: 1 min, 5 min, 30 min, 2 h, 6 h after the failures,
 * then the delivery is failed for good (six attempts in about 8.5 hours, long enough to ride out a receiver's
 * deployment or an SMTP relay's restart, short enough that a reminder is not a day late).
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When to try again after the `attempts`-th failed attempt (1-based), or null when no attempt is left. */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/**
 * How long a claimed delivery stays out of other instances' reach while it is being sent (a webhook's timeout is
 * 10 s): if the process dies mid-send, the delivery is due again after this lease, never lost.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;

/**
 * The delivery log's own reasons for not sending (the others are the receiver's or the mail server's words, kept as
 * they came): stored in English for the API, shown in the reader's language on the settings page.
 */
export const DELIVERY_REASONS = {
  smtpMissing: "E-mail is not configured: set SMTP_URL (e.g. smtp://user:password@host:587) and MAIL_FROM.",
  endpointGone: "The webhook endpoint was deactivated or deleted.",
  recipientGone: "The recipient's account is disabled or deleted.",
} as const;
export type DeliveryReason = keyof typeof DELIVERY_REASONS;

export function deliveryReasonOf(lastError: string | null): DeliveryReason | null {
  const found = Object.entries(DELIVERY_REASONS).find(([, text]) => text === lastError);
  return found ? (found[0] as DeliveryReason) : null;
}
