import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps, versionColumn } from "./columns";
import { deliveryStatus, notificationChannel, notificationEvent } from "./enums";
import { users } from "./users";

/** What each user wants to hear about, and how. A user without a row gets the defaults of lib/notifications. */
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  emailEnabled: boolean("email_enabled").notNull().default(true),
  dailyDigest: boolean("daily_digest").notNull().default(true),
  /** The immediate notices wanted by e-mail. */
  events: notificationEvent("events").array().notNull().default([]),
  version: versionColumn(),
  ...timestamps(),
});

/** A receiver of signed webhooks (HMAC-SHA256 of the body with the endpoint's secret). */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  url: text("url").notNull(),
  /** The signing secret, needed in clear to sign; shown once when created. */
  secret: text("secret").notNull(),
  events: notificationEvent("events").array().notNull().default([]),
  active: boolean("active").notNull().default(true),
  createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  version: versionColumn(),
  ...timestamps(),
});

/**
 * Something worth telling: a new critical flag, an agreement nearing expiry, ... The dedupe key makes each
 * occurrence one notification however often the scheduler or the evaluation runs (e.g. agreement:ID:30).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    event: notificationEvent("event").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    /** The user it is addressed to; null: everyone whose settings want the event (and the webhooks). */
    recipientUserId: uuid("recipient_user_id").references(() => users.id, { onDelete: "cascade" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("notifications_dedupe_key").on(t.dedupeKey), index("notifications_created_idx").on(t.createdAt)],
);

/** The delivery log: one row per notification and e-mail recipient or webhook endpoint, with its attempts. */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    channel: notificationChannel("channel").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id").references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The address or URL at the time of sending. */
    target: text("target").notNull(),
    status: deliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastResponseStatus: integer("last_response_status"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("notification_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("notification_deliveries_notification_idx").on(t.notificationId),
  ],
);

export type NotificationSettings = typeof notificationSettings.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
