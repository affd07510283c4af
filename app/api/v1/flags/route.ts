import { db } from "@/db/client";
import { flagContract, flagListInput } from "@/lib/api/contracts/flags";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { listFlagRegister } from "@/lib/flags/register";

export const dynamic = "force-dynamic";

const { operations } = flagContract;

/**
 * One page of the flag register, worst first; the query is lib/api/contracts/flags.ts `flagListQuery` (every
 * status unless `status` says otherwise; `q` searches the rule's title or id and the subject's processor).
 */
export const GET = route({ roles: operations.list.roles }, async ({ request }) => {
  const query = parseQuery(flagContract.listQuery, request);
  const { rows, total, page, pageSize } = await listFlagRegister({ db: db(), ...flagListInput(query) });
  return Response.json({ data: rows, page, pageSize, total });
});
