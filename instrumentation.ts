/**
 * Runs once when the Next.js server process starts: migrations, reference data, demo data.
 * Skipped during `next build`, which must not open (and lock) the database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startUp } = await import("./lib/startup");
  try {
    await startUp();
  } catch (error) {
    const { FolderLockedError } = await import("./db/folder-lock");
    if (error instanceof FolderLockedError) {
      console.error(`[startup] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
