import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * Once per run, before any worker: the production build must exist (scripts/test.sh builds it first), and
 * this run gets one temporary folder that holds every worker's data folder. The workers inherit
 * E2E_RUN_DIR; the returned teardown removes the folder, also when a worker could not clean up after itself.
 */
export default function globalSetup(): () => void {
  const distDir = path.resolve(__dirname, "..", process.env.E2E_DIST_DIR || ".next-e2e");
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}. Build it first:  NEXT_DIST_DIR=.next-e2e npx next build`);
  }
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-e2e-run-"));
  process.env.E2E_RUN_DIR = runDir;
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
