import { db } from "@/db/client";
import { dataCategoryContract } from "@/lib/api/contracts/data-categories";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { listDataCategoryRegister } from "@/lib/categories/register";

export const dynamic = "force-dynamic";

/**
 * The data-category register: the query is lib/api/contracts/data-categories.ts `dataCategoryListQuery`.
 * Every matching category unless `page` or `pageSize` is given (the taxonomy is a few hundred keys): then
 * `page` and `pageSize` are left out of the answer. `q` finds a category by its French name too.
 */
export const GET = route({ roles: dataCategoryContract.operations.list.roles }, async ({ request }) => {
  const query = parseQuery(dataCategoryContract.listQuery, request);
  const { rows, total, page, pageSize } = await listDataCategoryRegister({ db: db(), ...query });
  return Response.json({ data: rows, page, pageSize, total });
});
