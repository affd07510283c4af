import { FolderLockedError } from "@/db/folder-lock";
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
