import { route } from "@/lib/auth/guard";
import { db } from "@/db/client";
import { parseQuery } from "@/lib/api/params";
import { duplicatesQuery, findPossibleDuplicates } from "@/lib/processors/duplicates";

export const dynamic = "force-dynamic";

/** Possible duplicates of a vendor about to be registered: `?name&website&excludeId` (lib/processors/duplicates.ts). */
export const GET = route({ roles: ["dpo", "engineer"] }, async ({ request }) => {
  const query = parseQuery(duplicatesQuery, request);
  const data = await findPossibleDuplicates(db(), query);
  return Response.json({ data });
});
