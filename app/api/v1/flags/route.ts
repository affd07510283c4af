import { db } from "@/db/client";
import { listFlagsPage } from "@/db/queries/api-lists";
import { listFlagRegister } from "@/lib/flags/register";
import { flagRegisterApiQuery } from "@/components/flags/register-api";
import { parseQuery } from "@/lib/api/params";
import { route, ALL_ROLES } from "@/lib/auth/guard";
import { flagListQuery } from "@/lib/review/api-schemas";

export const dynamic = "force-dynamic";

/**
 * One page of flags, worst first: `?page&pageSize&status&severity&ruleId&subjectType&processorId`.
 * `?view=register` answers the flag register page's rows instead (open by default, `status=all` for every
 * status; `q` searches the rule and the subject's name), for the page's query cache.
 */
export const GET = route({ roles: ALL_ROLES }, async ({ request }) => {
  if (new URL(request.url).searchParams.get("view") === "register") {
    const { view: _view, status, ...filters } = parseQuery(flagRegisterApiQuery, request);
    const { rows, total, page, pageSize } = await listFlagRegister({ db: db(), status: status === "all" ? undefined : status, ...filters });
    return Response.json({ data: rows, page, pageSize, total });
  }
  const query = parseQuery(flagListQuery, request);
  const { rows, total, page, pageSize } = await listFlagsPage({ db: db(), ...query });
  return Response.json({ data: rows, page, pageSize, total });
});
