import { FolderLockedError } from "./db/folder-lock";
import { recordSocketPeers } from "./lib/auth/socket-peer";
import { startUp } from "./lib/startup";
import { startNotificationScheduler } from "./lib/notifications/scheduler";

export async function registerNode(): Promise<void> {
  // Before the first request: a request the process has not stamped counts as coming from an unknown address.
  recordSocketPeers();
  try {
    await startUp();
  } catch (error) {
    if (error instanceof FolderLockedError) {
      // A second server on the same PGlite folder would silently lose rows: refuse to start at all.
      console.error(`[startup] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  // Reminders (e-mail, webhooks): a pass every NOTIFY_INTERVAL_SECONDS once the database is ready.
  startNotificationScheduler();
}
