import "server-only";
import type { Executor } from "@/db/client";
import { notifications, type NotificationEvent } from "@/db/schema";

/*
 * The one way the product raises a reminder: a row in `notifications`, written in the caller's transaction, so that
 * a rolled-back write never notifies anyone. The dispatcher (lib/notifications) fans each new row out to the e-mail
 * recipients whose settings want it and to the webhook endpoints, and delivers with retries; the dedupe key makes
 * the same occurrence one notification however often it is raised (a re-evaluation, a second scheduler run).
 */

export interface NotificationInput {
  event: NotificationEvent;
  /** One occurrence, e.g. `critical_flag:<flagId>:<firstSeenAt>` or `agreement_expiring:<id>:30`. */
  dedupeKey: string;
  /** Addressed to one user (assigned to you); null: everyone whose settings want the event. */
  recipientUserId?: string | null;
  /** What the message says: ids, names, dates; never a secret. */
  payload: Record<string, unknown>;
}

/** Records the notification unless the same occurrence already was; returns its id when new. */
export async function emitNotification(db: Executor, input: NotificationInput): Promise<string | null> {
  const rows = await db
    .insert(notifications)
    .values({ event: input.event, dedupeKey: input.dedupeKey, recipientUserId: input.recipientUserId ?? null, payload: input.payload })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return rows[0]?.id ?? null;
}
