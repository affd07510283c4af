import "server-only";
import type { Executor } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { processorsOfActivities } from "@/lib/flags/evaluation";

/**
 * The flags an activity's edit can move: those of every processor receiving its data (the scope the
 * service re-evaluates), in one list.
 */
export async function listFlagsOfActivityProcessors({ db, activityId }: { db: Executor; activityId: string }) {
  const processorIds = await processorsOfActivities({ db, activityIds: [activityId] });
  const perProcessor = await Promise.all(processorIds.map((processorId) => listFlagsForProcessor({ db, processorId })));
  return perProcessor.flat();
}
