import { db } from "@/db/client";
import { flagContract, flagListInput } from "@/lib/api/contracts/flags";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { listFlagRegister } from "@/lib/flags/register";

export const dynamic = "force-dynamic";

const { operations } = flagContract;

/**
 * One page of the flag register, worst first; the query is lib/api/contracts/flags.ts `flagListQuery` (every
 * status unless `status` says otherwise; `q` searches the rule's title or id and the subject's processor; `assignee=me` and
 * `overdue=true` are the caller's work list).
 */
export const GET = route({ roles: operations.list.roles }, async ({ request, ctx }) => {
  const query = parseQuery(flagContract.listQuery, request);
  const viewer = { userId: ctx.actor.userId, today: ctx.today };
  const { rows, total, page, pageSize } = await listFlagRegister({ db: db(), today: ctx.today, ...flagListInput(query, viewer) });
  return Response.json({ data: rows, page, pageSize, total });
});
