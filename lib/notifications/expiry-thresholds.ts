/*
 * Reminders before an agreement expires: 60, 30 and 7 days ahead (issue 17). Each threshold is one notice per
 * agreement; an agreement first seen inside a narrower window gets that window's notice only, not the wider ones
 * too (a new agreement expiring in 5 days is one "7 days" notice, not three).
 */
export const EXPIRY_THRESHOLDS_DAYS = [7, 30, 60] as const;
export type ExpiryThreshold = (typeof EXPIRY_THRESHOLDS_DAYS)[number];

/** The narrowest threshold the days left fall within, or null (already expired, or further than 60 days). */
export function expiryThreshold(daysLeft: number): ExpiryThreshold | null {
  if (daysLeft < 0) return null;
  return EXPIRY_THRESHOLDS_DAYS.find((threshold) => daysLeft <= threshold) ?? null;
}
