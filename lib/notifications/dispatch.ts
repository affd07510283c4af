import "server-only";
import { and, arrayOverlaps, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  notificationDeliveries,
  notifications,
  notificationSettings,
  users,
  webhookEndpoints,
  type NotificationDelivery,
  type NotificationEvent,
} from "@/db/schema";
import { CLAIM_LEASE_MS, DELIVERY_REASONS, MAX_ATTEMPTS, nextAttemptAfterFailure } from "./delivery-schedule";
import { effectivePreferences, wantsEmail } from "./preferences";
import { loadEmailContext, renderEmail } from "./render";
import type { NotificationTransports } from "./transports";
import { webhookBody, type WebhookDelivery } from "./webhook";

/*
 * Delivery of the notifications. A new notification is fanned out at once, in the transaction that raised it
 * (emit.ts): one delivery row per e-mail recipient whose settings want it, and one per active webhook endpoint
 * subscribed to the event, so that the recipients are those of the moment of the event and a rolled-back write
 * leaves nothing to send. The dispatcher then delivers the due rows: it claims them (a lease on next_attempt_at,
 * taken with FOR UPDATE SKIP LOCKED, so two app instances on one PostgreSQL never send the same row twice), sends
 * outside any transaction (an SMTP server or a receiver may take seconds; PGlite has one connection), and
 * records every attempt in the delivery log: delivered, retrying with backoff (delivery-schedule.ts), or failed.
 */

interface NewNotification {
  id: string;
  event: NotificationEvent;
  recipientUserId: string | null;
}

/** The delivery rows of new notifications, in the caller's transaction. */
export async function fanOutNotifications(db: Executor, created: readonly NewNotification[]): Promise<void> {
  if (created.length === 0) return;
  const addressed = [...new Set(created.map((row) => row.recipientUserId).filter((id): id is string => id !== null))];
  const broadcast = created.some((row) => row.recipientUserId === null);
  const people = await db
    .select({ id: users.id, email: users.email, role: users.role, settings: notificationSettings })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(and(isNull(users.disabledAt), broadcast ? undefined : inArray(users.id, addressed)));
  const events = [...new Set(created.map((row) => row.event))];
  const endpoints = await db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.active, true), arrayOverlaps(webhookEndpoints.events, events)));

  const rows: (typeof notificationDeliveries.$inferInsert)[] = [];
  for (const notification of created) {
    for (const person of people) {
      if (wantsEmail(effectivePreferences(person.role, person.settings), notification, person.id)) {
        rows.push({ notificationId: notification.id, channel: "email", userId: person.id, target: person.email });
      }
    }
    // A digest is one person's summary: it never goes to a webhook.
    if (notification.event === "daily_digest") continue;
    for (const endpoint of endpoints) {
      if (endpoint.events.includes(notification.event)) {
        rows.push({ notificationId: notification.id, channel: "webhook", endpointId: endpoint.id, target: endpoint.url });
      }
    }
  }
  for (let start = 0; start < rows.length; start += 1000) {
    await db.insert(notificationDeliveries).values(rows.slice(start, start + 1000));
  }
}

export interface DeliverySummary {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** Claims up to `limit` due deliveries: their next attempt moves a lease ahead, so nobody else takes them meanwhile. */
async function claimDueDeliveries(db: Executor, now: Date, limit: number): Promise<string[]> {
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  const claimed = await db.execute(sql`
    update notification_deliveries set next_attempt_at = ${lease}
    where id in (
      select id from notification_deliveries
      where status in ('pending', 'retrying') and next_attempt_at <= ${now}
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id`);
  return rowsOf<{ id: string }>(claimed).map((row) => row.id);
}

/** drizzle's execute answers `{ rows }` on both drivers. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

interface AttemptOutcome {
  ok: boolean;
  responseStatus?: number | null;
  error?: string | null;
  /** Not worth retrying (e.g. e-mail is not configured): failed at once. */
  permanent?: boolean;
}

/** Delivers every due delivery, a batch at a time, until none is due at `now`. */
export async function deliverDueNotifications({
  db,
  now,
  transports,
  batchSize = 50,
}: {
  db: Executor;
  now: Date;
  transports: NotificationTransports;
  batchSize?: number;
}): Promise<DeliverySummary> {
  const summary: DeliverySummary = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  for (;;) {
    const ids = await claimDueDeliveries(db, now, batchSize);
    if (ids.length === 0) return summary;
    const claimed = await db
      .select({ delivery: notificationDeliveries, notification: notifications, endpoint: webhookEndpoints, user: users })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, notificationDeliveries.endpointId))
      .leftJoin(users, eq(users.id, notificationDeliveries.userId))
      .where(inArray(notificationDeliveries.id, ids))
      .orderBy(asc(notificationDeliveries.nextAttemptAt));
    for (const { delivery, notification, endpoint, user } of claimed) {
      let outcome: AttemptOutcome;
      try {
        if (delivery.channel === "webhook") {
          if (!endpoint || !endpoint.active) outcome = { ok: false, error: DELIVERY_REASONS.endpointGone, permanent: true };
          else outcome = await sendWebhook(transports, { delivery, notification, endpoint, now });
        } else if (!user || user.disabledAt) {
          outcome = { ok: false, error: DELIVERY_REASONS.recipientGone, permanent: true };
        } else {
          outcome = await sendEmail(db, transports, { notification, user });
        }
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      const status = await recordAttempt(db, delivery, outcome, now);
      summary.attempted += 1;
      summary[status === "pending" ? "retrying" : status] += 1;
    }
  }
}

async function sendWebhook(
  transports: NotificationTransports,
  { delivery, notification, endpoint, now }: { delivery: NotificationDelivery; notification: typeof notifications.$inferSelect; endpoint: { url: string; secret: string }; now: Date },
): Promise<AttemptOutcome> {
  const request: WebhookDelivery = { deliveryId: delivery.id, url: endpoint.url, secret: endpoint.secret, event: notification.event, body: webhookBody(notification), timestamp: Math.floor(now.getTime() / 1000) };
  const response = await transports.postWebhook(request);
  return response.ok ? { ok: true, responseStatus: response.status } : { ok: false, responseStatus: response.status ?? null, error: response.error ?? null };
}

async function sendEmail(
  db: Executor,
  transports: NotificationTransports,
  { notification, user }: { notification: typeof notifications.$inferSelect; user: typeof users.$inferSelect },
): Promise<AttemptOutcome> {
  if (!transports.sendMail) {
    return { ok: false, error: DELIVERY_REASONS.smtpMissing, permanent: true };
  }
  const locale = user.locale ?? "en";
  const context = await loadEmailContext(db, notification);
  const message = renderEmail({ notification, locale, recipientName: user.name, appUrl: transports.appUrl, context });
  await transports.sendMail({ to: user.email, subject: message.subject, text: message.text, locale });
  return { ok: true };
}

async function recordAttempt(db: Executor, delivery: NotificationDelivery, outcome: AttemptOutcome, now: Date): Promise<"delivered" | "retrying" | "failed" | "pending"> {
  const attempts = delivery.attempts + 1;
  const retryAt = outcome.ok || outcome.permanent || attempts >= MAX_ATTEMPTS ? null : nextAttemptAfterFailure(attempts, now);
  const status = outcome.ok ? "delivered" : retryAt ? "retrying" : "failed";
  await db
    .update(notificationDeliveries)
    .set({
      status,
      attempts,
      lastResponseStatus: outcome.responseStatus ?? null,
      lastError: outcome.ok ? null : (outcome.error ?? null)?.slice(0, 1000) ?? null,
      deliveredAt: outcome.ok ? now : null,
      nextAttemptAt: retryAt ?? now,
    })
    .where(eq(notificationDeliveries.id, delivery.id));
  return status;
}

/** Rows due at `now`, for the settings page's "next attempt" and the tests. */
export async function countDueDeliveries(db: Executor, now: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notificationDeliveries)
    .where(and(inArray(notificationDeliveries.status, ["pending", "retrying"]), lte(notificationDeliveries.nextAttemptAt, now)));
  return row?.count ?? 0;
}
