import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import {
  notificationDeliveries,
  notifications,
  notificationSettings,
  users,
  webhookEndpoints,
  type DeliveryStatus,
  type WebhookEndpoint,
} from "@/db/schema";
import {
  createWebhookBody,
  deliveryListQuery,
  notificationSettingsBody,
  type DeliveryRow,
  type NotificationSettingsRecord,
  type WebhookRecord,
} from "@/lib/api/contracts/notifications";
import { appendAuditEvent } from "@/lib/audit/record";
import type { ServiceActor } from "@/lib/auth/actor";
import { smtpUrl } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { ServiceCall, ServiceContext } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { effectivePreferences } from "./preferences";
import { newWebhookSecret } from "./signature";

/*
 * The settings page's and the API's writes: a user's own notification settings (optimistic concurrency on their
 * version; 0 while the role's defaults apply), and the DPO's webhook endpoints (created with a secret shown once,
 * deleted at a version, tested). Each write is one transaction with its audit event (the secret never in it).
 */

function requireUser(actor: ServiceActor): string {
  if (actor.kind !== "user") throw new AppError("forbidden", "Notification settings belong to a signed-in user.");
  return actor.userId;
}

function requireDpo(actor: ServiceActor): void {
  if (actor.kind === "user" && actor.role !== "dpo") throw new AppError("forbidden", "Only the DPO manages webhook endpoints.");
}

export async function getNotificationSettings({ ctx }: { ctx: ServiceContext }): Promise<NotificationSettingsRecord> {
  const userId = requireUser(ctx.actor);
  const [row] = await ctx.db
    .select({ role: users.role, settings: notificationSettings })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw notFound("user", userId);
  const preferences = effectivePreferences(row.role, row.settings);
  return {
    emailEnabled: preferences.emailEnabled,
    dailyDigest: preferences.dailyDigest,
    events: [...preferences.events],
    isDefault: preferences.isDefault,
    version: row.settings?.version ?? 0,
    emailConfigured: smtpUrl() !== null,
  };
}

export async function updateNotificationSettings({ ctx, input }: ServiceCall): Promise<NotificationSettingsRecord> {
  const userId = requireUser(ctx.actor);
  const body = parseInput(notificationSettingsBody, input);
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)).for("update");
    const currentVersion = current?.version ?? 0;
    if (body.version !== currentVersion) {
      throw new AppError("version_conflict", "Your notification settings changed since you read them (in another tab?): reload to see them.", { currentVersion });
    }
    const values = { emailEnabled: body.emailEnabled, dailyDigest: body.dailyDigest, events: [...new Set(body.events)] };
    const now = new Date();
    const [saved] = current
      ? await tx
          .update(notificationSettings)
          .set({ ...values, version: sql`${notificationSettings.version} + 1`, updatedAt: now })
          .where(eq(notificationSettings.userId, userId))
          .returning()
      : await tx.insert(notificationSettings).values({ userId, ...values }).returning();
    await appendAuditEvent({
      db: tx,
      actor: ctx.actor,
      action: current ? "update" : "create",
      recordType: "notification_settings",
      recordId: userId,
      before: current ? { emailEnabled: current.emailEnabled, dailyDigest: current.dailyDigest, events: current.events, version: current.version } : null,
      after: { ...values, version: saved!.version },
    });
  });
  return getNotificationSettings({ ctx });
}

function webhookRecordOf(row: WebhookEndpoint): WebhookRecord {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: row.events,
    active: row.active,
    createdByUserId: row.createdByUserId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listWebhookEndpoints({ ctx, page = 1, pageSize = 20 }: { ctx: ServiceContext; page?: number; pageSize?: number }) {
  requireDpo(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await ctx.db.select({ count: count() }).from(webhookEndpoints);
  return { data: rows.map(webhookRecordOf), page, pageSize, total: total?.count ?? 0 };
}

export async function createWebhookEndpoint({ ctx, input }: ServiceCall): Promise<WebhookRecord & { secret: string }> {
  requireDpo(ctx.actor);
  const body = parseInput(createWebhookBody, input);
  const secret = newWebhookSecret();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ name: body.name, url: body.url, events: [...new Set(body.events)], secret, createdByUserId: ctx.actor.userId })
      .returning();
    const record = webhookRecordOf(row!);
    // The secret stays out of the audit trail: the trail is exported, the secret signs.
    await appendAuditEvent({ db: tx, actor: ctx.actor, action: "create", recordType: "webhook_endpoint", recordId: row!.id, after: record });
    return { ...record, secret };
  });
}

export async function deleteWebhookEndpoint({ ctx, input }: ServiceCall<{ id: string; version: number }>): Promise<void> {
  requireDpo(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.id)).for("update");
    if (!current) throw notFound("webhook endpoint", input.id);
    if (current.version !== input.version) {
      throw new AppError("version_conflict", `The webhook endpoint “${current.name}” changed since version ${input.version}: reload it.`, { currentVersion: current.version });
    }
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, current.id));
    await appendAuditEvent({ db: tx, actor: ctx.actor, action: "delete", recordType: "webhook_endpoint", recordId: current.id, before: webhookRecordOf(current) });
  });
}

/**
 * "Send test": a notice of the endpoint's first event, marked `test`, delivered to that endpoint only (no e-mail),
 * through the same signing, retries and log as the real ones.
 */
export async function sendWebhookTest({ ctx, input }: ServiceCall<{ id: string }>, now = new Date()): Promise<string> {
  requireDpo(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.id));
    if (!endpoint) throw notFound("webhook endpoint", input.id);
    const [notification] = await tx
      .insert(notifications)
      .values({
        event: endpoint.events[0] ?? "critical_flag",
        dedupeKey: `test:${endpoint.id}:${now.toISOString()}`,
        payload: { test: true, endpointName: endpoint.name, message: "A test notice from the transfer governance application." },
      })
      .returning();
    const [delivery] = await tx
      .insert(notificationDeliveries)
      .values({ notificationId: notification!.id, channel: "webhook", endpointId: endpoint.id, target: endpoint.url, nextAttemptAt: now })
      .returning({ id: notificationDeliveries.id });
    return delivery!.id;
  });
}

function deliveryRowOf(row: { delivery: typeof notificationDeliveries.$inferSelect; event: DeliveryRow["event"] }): DeliveryRow {
  const { delivery } = row;
  return {
    id: delivery.id,
    notificationId: delivery.notificationId,
    event: row.event,
    channel: delivery.channel,
    target: delivery.target,
    status: delivery.status,
    attempts: delivery.attempts,
    lastResponseStatus: delivery.lastResponseStatus,
    lastError: delivery.lastError,
    nextAttemptAt: delivery.nextAttemptAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
  };
}

/** The delivery log, newest first: of one endpoint, or every delivery (e-mails too) for the settings page. */
export async function listDeliveries({ ctx, endpointId, query }: { ctx: ServiceContext; endpointId?: string; query: unknown }) {
  requireDpo(ctx.actor);
  const { page, pageSize, status } = parseInput(deliveryListQuery, query);
  if (endpointId) {
    const [endpoint] = await ctx.db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    if (!endpoint) throw notFound("webhook endpoint", endpointId);
  }
  const where = and(
    endpointId ? eq(notificationDeliveries.endpointId, endpointId) : undefined,
    status ? eq(notificationDeliveries.status, status as DeliveryStatus) : undefined,
  );
  const rows = await ctx.db
    .select({ delivery: notificationDeliveries, event: notifications.event })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(where)
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await ctx.db.select({ count: count() }).from(notificationDeliveries).where(where);
  return { data: rows.map(deliveryRowOf), page, pageSize, total: total?.count ?? 0 };
}
