import { readJsonBody } from "@/lib/api/body";
import { notificationSettingsOperations } from "@/lib/api/contracts/notifications";
import { recordResponse } from "@/lib/api/handler";
import { route } from "@/lib/auth/guard";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

const { get, put } = notificationSettingsOperations;

/** The caller's notification settings; the role's defaults (version 0) until they save their own. */
export const GET = route({ roles: get.roles }, async ({ ctx }) => {
  const settings = await getNotificationSettings({ ctx });
  return recordResponse({ data: settings }, { version: settings.version });
});

/** Replaces the caller's settings; `version` is the one read (0 for the defaults): a stale one is a 409. */
export const PUT = route({ roles: put.roles }, async ({ request, ctx }) => {
  const settings = await updateNotificationSettings({ ctx, input: await readJsonBody(request) });
  return recordResponse({ data: settings }, { version: settings.version });
});
