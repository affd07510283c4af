import { db } from "@/db/client";
import { processorDuplicatesOperation } from "@/lib/api/contracts/processors";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { findPossibleDuplicates } from "@/lib/processors/duplicates";

export const dynamic = "force-dynamic";

/** Possible duplicates of a vendor about to be registered: `?name&website&excludeId` (lib/api/contracts/processors.ts). */
export const GET = route({ roles: processorDuplicatesOperation.roles }, async ({ request }) => {
  const query = parseQuery(processorDuplicatesOperation.query, request);
  const data = await findPossibleDuplicates(db(), query);
  return Response.json({ data });
});
