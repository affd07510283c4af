import "server-only";
import { eq, sql } from "drizzle-orm";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";
import type { Executor } from "@/db/client";
import { appState } from "@/db/schema/app-state";
import { todayIso } from "@/lib/clock";
import { deliverDueNotifications, type DeliverySummary } from "./dispatch";
import { transportsFromEnv, type NotificationTransports } from "./transports";
import { raiseDailyDigests, scanExpiringAgreements, scanOverdueFlags } from "./triggers";

/*
 * One pass of the notification runner: the daily scans (agreements nearing expiry, overdue flags, the day's
 * digests), then the delivery of everything due. The in-process scheduler (scheduler.ts) runs it every
 * NOTIFY_INTERVAL_SECONDS; `npm run notify:run` runs one from a shell or cron. `now` is passed in, so that a test
 * drives the retries' clock without sleeping.
 */

const LAST_DIGEST_DATE = "notifications.lastDigestDate";

export interface NotificationPassSummary {
  /** False when another instance held the scan lock: this pass only delivered. */
  scanned: boolean;
  raised: { agreementExpiring: number; flagOverdue: number; dailyDigest: number };
  delivery: DeliverySummary;
}

export async function runNotificationPass({
  db,
  now = new Date(),
  today = todayIso(now),
  transports = transportsFromEnv(),
}: {
  db: Executor;
  now?: Date;
  today?: string;
  transports?: NotificationTransports;
}): Promise<NotificationPassSummary> {
  const raised = { agreementExpiring: 0, flagOverdue: 0, dailyDigest: 0 };
  const scanned = await db.transaction(async (tx) => {
    const result = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${ADVISORY_LOCKS.notificationScan}) as locked`);
    const rows = ((result as { rows?: { locked: boolean }[] }).rows ?? (result as unknown as { locked: boolean }[])) as { locked: boolean }[];
    if (!rows[0]?.locked) return false;
    raised.agreementExpiring = await scanExpiringAgreements({ db: tx, today });
    raised.flagOverdue = await scanOverdueFlags({ db: tx, today });
    const [last] = await tx.select().from(appState).where(eq(appState.key, LAST_DIGEST_DATE));
    if (last?.value !== today) {
      raised.dailyDigest = await raiseDailyDigests({ db: tx, today });
      await tx
        .insert(appState)
        .values({ key: LAST_DIGEST_DATE, value: today })
        .onConflictDoUpdate({ target: appState.key, set: { value: today, updatedAt: now } });
    }
    return true;
  });
  const delivery = await deliverDueNotifications({ db, now, transports });
  return { scanned, raised, delivery };
}
