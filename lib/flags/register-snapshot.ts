import "server-only";
import type { Executor } from "@/db/client";
import { loadRegisterFacts } from "@/db/queries/register";
import type { RegisterSnapshot } from "@/lib/rules/types";
import { snapshotFromPacked } from "./packed-register";

/**
 * The part of the register the rules need, as the snapshot they evaluate: db/queries/register.ts reads it
 * (packed text on PGlite, rows on PostgreSQL) and the packed text is parsed here. `processorIds: null` loads
 * everything; otherwise the given processors, their descendants and, as context only, their ancestors.
 */
export async function loadRegisterSnapshot({
  db,
  processorIds,
  today,
  withMainlandExportRecipients = true,
}: {
  db: Executor;
  processorIds: readonly string[] | null;
  today: string;
  /** See db/queries/register.ts loadRegisterFacts. */
  withMainlandExportRecipients?: boolean;
}): Promise<{ snapshot: RegisterSnapshot; evaluatedProcessorIds: Set<string> | null }> {
  const { facts, evaluatedProcessorIds } = await loadRegisterFacts({ db, processorIds, today, withMainlandExportRecipients });
  return { snapshot: facts.packed ? snapshotFromPacked(facts.packed).snapshot : facts.snapshot, evaluatedProcessorIds };
}
