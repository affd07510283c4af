import { AppError } from "@/lib/errors";

/**
 * Optimistic concurrency: every editable record carries a version; an edit names the version it started
 * from, and a different current version means someone else saved first (HTTP 409, never a silent overwrite).
 */
export function assertCurrentVersion(
  current: { version: number; updatedAt: Date },
  expected: number,
  what: string,
): void {
  if (current.version === expected) return;
  throw new AppError(
    "version_conflict",
    `This ${what} was changed at ${current.updatedAt.toISOString()} (version ${current.version}); you edited version ${expected}. Reload it and apply your change again.`,
    { currentVersion: current.version, updatedAt: current.updatedAt.toISOString() },
  );
}
