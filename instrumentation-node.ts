import { FolderLockedError } from "./db/folder-lock";
import { startUp } from "./lib/startup";

export async function registerNode(): Promise<void> {
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
}
