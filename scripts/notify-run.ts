// npm run notify:run: one pass of the notification runner (the daily scans, then every delivery due), e.g. from
// cron when the server runs with NOTIFY_INTERVAL_SECONDS=0. E-mail needs SMTP_URL and MAIL_FROM; links use APP_URL.
import { runNotificationPass } from "@/lib/notifications/runner";
import { prepareDatabase } from "@/lib/startup";
import { closeCliDatabase, runCli } from "./cli";

runCli(async () => {
  const handle = await prepareDatabase();
  const { scanned, raised, delivery } = await runNotificationPass({ db: handle.db });
  console.log(
    (scanned
      ? `Raised ${raised.agreementExpiring} agreement reminder(s), ${raised.flagOverdue} overdue notice(s), ${raised.dailyDigest} digest(s). `
      : "Another instance is scanning; delivered only. ") +
      `Delivered ${delivery.delivered}, ${delivery.retrying} to retry, ${delivery.failed} failed (of ${delivery.attempted} attempted).`,
  );
  await closeCliDatabase();
});
