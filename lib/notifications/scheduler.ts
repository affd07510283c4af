import "server-only";
import { getDatabase } from "@/db/client";
import { notifyIntervalSeconds } from "@/lib/env";
import { runNotificationPass } from "./runner";

/*
 * The in-process runner, started with the server (instrumentation-node.ts): a pass every NOTIFY_INTERVAL_SECONDS
 * (default 60; 0 turns it off, e.g. when cron runs `npm run notify:run` instead). Passes never overlap in one
 * process; across instances the scan lock and the claimed delivery rows keep them from sending twice.
 */

const globalForRunner = globalThis as unknown as { __notificationRunner?: { timer: NodeJS.Timeout; kick: () => void } };

export function startNotificationScheduler({ log = console.log }: { log?: (line: string) => void } = {}): void {
  if (globalForRunner.__notificationRunner) return;
  const seconds = notifyIntervalSeconds();
  if (seconds === 0) {
    log("[notifications] the in-process runner is off (NOTIFY_INTERVAL_SECONDS=0)");
    return;
  }
  let running = false;
  let again = false;
  const pass = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    runNotificationPass({ db: getDatabase().db })
      .then(({ delivery }) => {
        if (delivery.attempted > 0) log(`[notifications] ${delivery.delivered} delivered, ${delivery.retrying} to retry, ${delivery.failed} failed`);
      })
      .catch((error: unknown) => console.error("[notifications] pass failed:", error))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          pass();
        }
      });
  };
  const timer = setInterval(pass, seconds * 1000);
  timer.unref();
  globalForRunner.__notificationRunner = { timer, kick: pass };
  log(`[notifications] runner started: a pass every ${seconds} s`);
  pass();
}

/** Runs a pass now (e.g. after "send test"), when the in-process runner is on; otherwise the next pass sends it. */
export function kickNotificationRunner(): void {
  globalForRunner.__notificationRunner?.kick();
}
