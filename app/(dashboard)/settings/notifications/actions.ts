"use server";

import { revalidatePath } from "next/cache";
import type { CreatedWebhook, SavedSettings, SettingsRequest, WebhookRequest } from "@/components/notifications/action-types";
import { ALL_ROLES, action } from "@/lib/auth/guard";
import { kickNotificationRunner } from "@/lib/notifications/scheduler";
import { createWebhookEndpoint, deleteWebhookEndpoint, sendWebhookTest, updateNotificationSettings } from "@/lib/notifications/service";
import type { ServiceContext } from "@/lib/services/context";

const PAGE = "/settings/notifications";

/** Every role chooses its own e-mails; the service parses the body (lib/api/contracts/notifications.ts). */
export const saveNotificationSettings = action(
  { roles: ALL_ROLES },
  async ({ ctx, input }: { ctx: ServiceContext; input: SettingsRequest }): Promise<SavedSettings> => {
    const saved = await updateNotificationSettings({ ctx, input });
    revalidatePath(PAGE);
    return { version: saved.version };
  },
);

export const createWebhook = action({ roles: ["dpo"] }, async ({ ctx, input }: { ctx: ServiceContext; input: WebhookRequest }): Promise<CreatedWebhook> => {
  const created = await createWebhookEndpoint({ ctx, input });
  revalidatePath(PAGE);
  return { id: created.id, name: created.name, secret: created.secret };
});

export const deleteWebhook = action({ roles: ["dpo"] }, async ({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) => {
  await deleteWebhookEndpoint({ ctx, input: { id: String(input.id), version: Number(input.version) } });
  revalidatePath(PAGE);
  return { id: input.id };
});

/** Queues a signed test notice to one endpoint and runs a pass now, so the log shows it at once. */
export const testWebhook = action({ roles: ["dpo"] }, async ({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) => {
  const deliveryId = await sendWebhookTest({ ctx, input: { id: String(input.id) } });
  kickNotificationRunner();
  revalidatePath(PAGE);
  return { deliveryId };
});
