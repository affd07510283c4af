import "server-only";
import type { Executor } from "@/db/client";
import { notifications, type NotificationEvent } from "@/db/schema";
import { fanOutNotifications } from "./dispatch";

/*
 * The one way the product raises a reminder: a row in `notifications`, written in the caller's transaction, so that
 * a rolled-back write never notifies anyone. In that same transaction the new row is fanned out to its delivery
 * rows (lib/notifications/dispatch.ts: the e-mail recipients whose settings want it and the webhook endpoints
 * subscribed to it, as they are at that moment), which the dispatcher then delivers with retries; the dedupe key
 * makes the same occurrence one notification however often it is raised (a re-evaluation, a second scheduler run).
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
  const [id] = await emitNotifications(db, [input]);
  return id ?? null;
}

// A full evaluation of a large register may open hundreds of critical flags at once: one statement per chunk.
const CHUNK = 500;

/** emitNotification for many occurrences at once; returns the ids of the new ones (the duplicates are skipped). */
export async function emitNotifications(db: Executor, inputs: readonly NotificationInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < inputs.length; start += CHUNK) {
    const rows = await db
      .insert(notifications)
      .values(
        inputs.slice(start, start + CHUNK).map((input) => ({
          event: input.event,
          dedupeKey: input.dedupeKey,
          recipientUserId: input.recipientUserId ?? null,
          payload: input.payload,
        })),
      )
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id, event: notifications.event, recipientUserId: notifications.recipientUserId, createdAt: notifications.createdAt });
    await fanOutNotifications(db, rows);
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}
