import { db } from "@/db/client";
import { listFlagsPage } from "@/db/queries/api-lists";
import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { ALL_ROLES } from "@/lib/auth/guard";
import { flagListQuery } from "@/lib/review/api-schemas";

export const dynamic = "force-dynamic";

/** One page of flags, worst first: `?page&pageSize&status&severity&ruleId&subjectType&processorId`. */
export const GET = apiRoute({ roles: ALL_ROLES }, async ({ request }) => {
  const query = parseQuery(flagListQuery, request);
  const { rows, total, page, pageSize } = await listFlagsPage({ db: db(), ...query });
  return Response.json({ data: rows, page, pageSize, total });
});
