import { closeDatabase } from "@/db/client";
import { FolderLockedError } from "@/db/folder-lock";
import { flushAuditHead } from "@/lib/audit/head-file";
import { isAppError } from "@/lib/errors";

/** Runs a CLI command: clear one-line errors for expected failures, exit codes a script can test. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof FolderLockedError) {
        console.error(`${error.message}\nThe app holds the embedded database while it runs: stop it first, or use PostgreSQL.`);
      } else if (isAppError(error)) {
        console.error(`Error: ${error.message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}

/**
 * Closes the database at the end of a command. The audit chain's signed head reaches its file after each
 * commit, in the background: publish it first, so that the command's own events are in the file when it exits
 * (the checkpoint table holds them in any case).
 */
export async function closeCliDatabase(): Promise<void> {
  await flushAuditHead();
  await closeDatabase();
}
