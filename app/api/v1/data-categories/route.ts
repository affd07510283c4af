import { db } from "@/db/client";
import { listDataCategories } from "@/db/queries/api-lists";
import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { ALL_ROLES } from "@/lib/auth/guard";
import { dataCategoryListQuery } from "@/lib/review/api-schemas";

export const dynamic = "force-dynamic";

/** The whole taxonomy (a few hundred keys at most, so not paged), with each category's classifications: `?q&sensitive`. */
export const GET = apiRoute({ roles: ALL_ROLES }, async ({ request }) => {
  const query = parseQuery(dataCategoryListQuery, request);
  const rows = await listDataCategories({ db: db(), ...query });
  return Response.json({ data: rows, total: rows.length });
});
