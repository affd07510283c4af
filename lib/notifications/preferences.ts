import type { NotificationEvent, UserRole } from "@/db/schema/enums";

/*
 * Who hears about what by e-mail, when a user has not chosen (no notification_settings row). The DPO triages:
 * new critical flags, agreements nearing expiry, records waiting for review and overdue flags reach them at once.
 * Everyone hears about a flag assigned to them. Pure, so that the settings page shows the same defaults the
 * dispatcher applies.
 */

/** The immediate notices a user may choose (the digest is its own switch). */
export const IMMEDIATE_EVENTS = ["critical_flag", "agreement_expiring", "vendor_submitted", "flag_assigned", "flag_overdue"] as const satisfies readonly NotificationEvent[];
export type ImmediateEvent = (typeof IMMEDIATE_EVENTS)[number];

/** What a webhook endpoint may subscribe to: every immediate notice (a digest is one person's, never broadcast). */
export const WEBHOOK_EVENTS = IMMEDIATE_EVENTS;

const DPO_DEFAULT_EVENTS: readonly ImmediateEvent[] = ["critical_flag", "agreement_expiring", "vendor_submitted", "flag_overdue", "flag_assigned"];
const DEFAULT_EVENTS: readonly ImmediateEvent[] = ["flag_assigned"];

export interface EffectivePreferences {
  emailEnabled: boolean;
  dailyDigest: boolean;
  events: readonly NotificationEvent[];
  /** Whether these are the role's defaults (the user never saved a choice). */
  isDefault: boolean;
}

export function defaultPreferences(role: UserRole): EffectivePreferences {
  return { emailEnabled: true, dailyDigest: role === "dpo", events: role === "dpo" ? DPO_DEFAULT_EVENTS : DEFAULT_EVENTS, isDefault: true };
}

export function effectivePreferences(
  role: UserRole,
  saved: { emailEnabled: boolean; dailyDigest: boolean; events: readonly NotificationEvent[] } | null | undefined,
): EffectivePreferences {
  if (!saved) return defaultPreferences(role);
  return { emailEnabled: saved.emailEnabled, dailyDigest: saved.dailyDigest, events: saved.events, isDefault: false };
}

/**
 * Whether a user wants an e-mail for this notification: the digest by its switch, a notice addressed to someone
 * else never, and a broadcast notice when the event is among the chosen ones.
 */
export function wantsEmail(
  preferences: EffectivePreferences,
  notification: { event: NotificationEvent; recipientUserId: string | null },
  userId: string,
): boolean {
  if (!preferences.emailEnabled) return false;
  if (notification.recipientUserId !== null && notification.recipientUserId !== userId) return false;
  if (notification.event === "daily_digest") return preferences.dailyDigest;
  return preferences.events.includes(notification.event);
}
