import { z } from "zod";
import { IMMEDIATE_EVENTS, WEBHOOK_EVENTS } from "@/lib/notifications/preferences";
import { text } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { defineContract, pageOf, paginationQuery, wire, type OperationMeta } from "./common";

/*
 * Reminders (issue 17): each user's notification settings (GET/PUT /api/v1/me/notification-settings), the DPO's
 * webhook endpoints (GET/POST /api/v1/webhooks, DELETE /api/v1/webhooks/{id}) and their delivery log
 * (GET /api/v1/webhooks/{id}/deliveries). The settings page's forms and actions parse the same bodies.
 */

const immediateEvents = z.array(enumField("notificationEvent", IMMEDIATE_EVENTS)).max(IMMEDIATE_EVENTS.length);

/** A user's choice; `version` is the settings' version read (0 when the user had never saved any). */
export const notificationSettingsBody = z.strictObject({
  emailEnabled: z.boolean({ message: "must be true or false" }),
  dailyDigest: z.boolean({ message: "must be true or false" }),
  events: immediateEvents.describe("The immediate notices wanted by e-mail"),
  version: z.number({ message: "must be the settings version you read (a whole number)" }).int().min(0),
});

export const notificationSettingsRecord = z.object({
  emailEnabled: z.boolean(),
  dailyDigest: z.boolean(),
  events: z.array(enumField("notificationEvent")),
  isDefault: z.boolean().describe("The role's defaults: the user never saved a choice"),
  version: z.number().int().describe("0 while the defaults apply"),
  emailConfigured: z.boolean().describe("Whether this server sends e-mail (SMTP_URL is set)"),
});

export const notificationSettingsOperations = {
  get: { operationId: "getNotificationSettings", summary: "Your notification settings (the role's defaults until you save yours)", roles: ["dpo", "engineer", "auditor"] },
  put: { operationId: "putNotificationSettings", summary: "Save your notification settings (stale version: 409)", roles: ["dpo", "engineer", "auditor"] },
} as const satisfies Record<string, OperationMeta>;

const webhookUrl = z
  .string()
  .trim()
  .max(2000, { message: "must be at most 2000 characters" })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: "must be an http or https URL without a user name or password" },
  )
  .meta({ format: "uri" });

export const createWebhookBody = z.strictObject({
  name: text(100).min(1, { message: "is required" }),
  url: webhookUrl,
  events: z.array(enumField("notificationEvent", WEBHOOK_EVENTS)).min(1, { message: "must name at least one event" }).max(WEBHOOK_EVENTS.length),
});

export const webhookRecord = z.object({
  id: wire.id,
  name: z.string(),
  url: z.string(),
  events: z.array(enumField("notificationEvent")),
  active: z.boolean(),
  createdByUserId: wire.id.nullable(),
  version: z.number().int(),
  createdAt: wire.timestamp,
  updatedAt: wire.timestamp,
});

/** The creation's answer: the record and, this once, its signing secret. */
export const createdWebhook = webhookRecord.extend({ secret: z.string().describe("The signing secret (HMAC-SHA256 key): shown only in this answer") });

export const webhookListQuery = z.object({ ...paginationQuery });

export const deliveryListQuery = z.object({
  ...paginationQuery,
  status: enumField("deliveryStatus").optional().describe("Only the deliveries in this state"),
});

export const deliveryRow = z.object({
  id: wire.id,
  notificationId: wire.id,
  event: enumField("notificationEvent"),
  channel: enumField("notificationChannel"),
  target: z.string().describe("The address or URL at the time of sending"),
  status: enumField("deliveryStatus"),
  attempts: z.number().int(),
  lastResponseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: wire.timestamp.describe("When a pending or retrying delivery is tried next"),
  deliveredAt: wire.timestamp.nullable(),
  createdAt: wire.timestamp,
});

export const webhookContract = defineContract({
  name: "Webhook",
  tag: "Notifications",
  path: "/api/v1/webhooks",
  // The creation answers with the record and its secret (createdWebhook); reads never carry the secret.
  record: createdWebhook.partial({ secret: true }),
  listRow: webhookRecord,
  listPage: pageOf(webhookRecord),
  listQuery: webhookListQuery,
  createBody: createWebhookBody,
  withFlags: false,
  operations: {
    list: { operationId: "listWebhooks", summary: "The webhook endpoints, newest first", roles: ["dpo"] },
    create: {
      operationId: "createWebhook",
      summary: "Add a webhook endpoint; the answer carries its signing secret, shown only once",
      description:
        "Each notice the endpoint subscribes to is POSTed as JSON with the headers X-Governance-Event, X-Governance-Delivery (the delivery id), X-Governance-Timestamp (Unix seconds) and X-Governance-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<raw body>\" with the secret>. 2xx is delivered; otherwise it is retried after 1 min, 5 min, 30 min, 2 h and 6 h, then failed.",
      roles: ["dpo"],
    },
    delete: { operationId: "deleteWebhook", summary: "Delete a webhook endpoint and its delivery log", roles: ["dpo"] },
  },
  customOperations: [
    {
      method: "get",
      pathSuffix: "/{id}/deliveries",
      operationId: "listWebhookDeliveries",
      summary: "The endpoint's delivery log, newest first: status, attempts, last response, next attempt",
      roles: ["dpo"],
      query: deliveryListQuery,
      response: pageOf(deliveryRow),
      responseName: "WebhookDeliveryPage",
      problems: { "404": "No webhook endpoint has this id", "422": "A query parameter is invalid" },
    },
  ],
});

export type NotificationSettingsRecord = z.infer<typeof notificationSettingsRecord>;
export type WebhookRecord = z.infer<typeof webhookRecord>;
export type DeliveryRow = z.infer<typeof deliveryRow>;
export type CreateWebhookBody = z.input<typeof createWebhookBody>;
