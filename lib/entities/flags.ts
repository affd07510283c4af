import "server-only";
import type { Executor } from "@/db/client";
import { processorsOfEntity } from "@/db/queries/entities";
import { listFlagsForProcessor } from "@/db/queries/flags";

/**
 * The flags an entity's edit can move: those of every processor receiving its transfers (the scope the service
 * re-evaluates), in one list.
 */
export async function listFlagsOfEntityProcessors({ db, entityId }: { db: Executor; entityId: string }) {
  const processorIds = await processorsOfEntity({ db, entityId });
  const perProcessor = await Promise.all(processorIds.map((processorId) => listFlagsForProcessor({ db, processorId })));
  return perProcessor.flat();
}
