/**
 * Runs once when the Next.js server process starts: migrations, reference data, demo data, flags.
 * The work lives in a Node-only module; `next build` skips it, as a build must not open (and lock) the database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { registerNode } = await import("./instrumentation-node");
  await registerNode();
}
