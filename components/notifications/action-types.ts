import type { ActionResult } from "@/lib/auth/guard";
import type { NotificationEvent } from "@/db/schema/enums";

/** What the settings page's server actions take and answer (app/(dashboard)/settings/notifications/actions.ts). */
export interface SettingsRequest {
  emailEnabled: boolean;
  dailyDigest: boolean;
  events: NotificationEvent[];
  version: number;
}

export interface SavedSettings {
  version: number;
}

export interface WebhookRequest {
  name: string;
  url: string;
  events: NotificationEvent[];
}

export interface CreatedWebhook {
  id: string;
  name: string;
  secret: string;
}

export type SaveSettingsAction = (input: SettingsRequest) => Promise<ActionResult<SavedSettings>>;
export type CreateWebhookAction = (input: WebhookRequest) => Promise<ActionResult<CreatedWebhook>>;
export type DeleteWebhookAction = (input: { id: string; version: number }) => Promise<ActionResult<{ id: string }>>;
export type TestWebhookAction = (input: { id: string }) => Promise<ActionResult<{ deliveryId: string }>>;
