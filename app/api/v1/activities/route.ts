import { listActivityRegister } from "@/db/queries/activities-register";
import { readJsonBody } from "@/lib/api/body";
import { activityContract } from "@/lib/api/contracts/activities";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { createActivity } from "@/lib/activities/service";
import { route } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

const { operations } = activityContract;

/** One page of the processing-activity register; the query is lib/api/contracts/activities.ts `activityListQuery`. */
export const GET = route({ roles: operations.list.roles }, async ({ request, ctx }) => {
  const query = parseQuery(activityContract.listQuery, request);
  const { rows, total, page, pageSize } = await listActivityRegister({ db: ctx.db, ...query });
  return Response.json({ data: rows, page, pageSize, total });
});

/** An activity is not a flag subject: the answer is the record alone. */
export const POST = route({ roles: operations.create.roles }, async ({ request, ctx }) => {
  const { record } = await createActivity({ ctx, input: await readJsonBody(request) });
  return recordResponse({ data: record }, { status: 201, version: record.version, location: `${activityContract.path}/${record.id}` });
});
