import { db } from "@/db/client";
import { listDataCategories } from "@/db/queries/api-lists";
import { listCategoryRegister } from "@/db/queries/categories-register";
import { categoryRegisterApiQuery } from "@/components/categories/register-api";
import { parseQuery } from "@/lib/api/params";
import { route, ALL_ROLES } from "@/lib/auth/guard";
import { dataCategoryListQuery } from "@/lib/review/api-schemas";

export const dynamic = "force-dynamic";

/**
 * The whole taxonomy (a few hundred keys at most, so not paged), with each category's classifications: `?q&sensitive`.
 * `?view=register` answers one page of the data-category register page's rows instead (transfer counts,
 * its filters and sorts), for the page's query cache.
 */
export const GET = route({ roles: ALL_ROLES }, async ({ request }) => {
  if (new URL(request.url).searchParams.get("view") === "register") {
    const { view: _view, ...filters } = parseQuery(categoryRegisterApiQuery, request);
    const { rows, total, page, pageSize } = await listCategoryRegister({ db: db(), ...filters });
    return Response.json({ data: rows, page, pageSize, total });
  }
  const query = parseQuery(dataCategoryListQuery, request);
  const rows = await listDataCategories({ db: db(), ...query });
  return Response.json({ data: rows, total: rows.length });
});
