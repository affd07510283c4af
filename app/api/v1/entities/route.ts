import { listEntities } from "@/db/queries/entities";
import { readJsonBody } from "@/lib/api/body";
import { entityContract } from "@/lib/api/contracts/entities";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { createEntity } from "@/lib/entities/service";

export const dynamic = "force-dynamic";

const { operations } = entityContract;

/** One page of the organisation's entities; the query is lib/api/contracts/entities.ts `entityListQuery`. */
export const GET = route({ roles: operations.list.roles }, async ({ request, ctx }) => {
  const query = parseQuery(entityContract.listQuery, request);
  const { rows, total, page, pageSize } = await listEntities({ db: ctx.db, ...query });
  return Response.json({ data: rows, page, pageSize, total });
});

/** An entity is not a flag subject: the answer is the record alone. */
export const POST = route({ roles: operations.create.roles }, async ({ request, ctx }) => {
  const { record } = await createEntity({ ctx, input: await readJsonBody(request) });
  return recordResponse({ data: record }, { status: 201, version: record.version, location: `${entityContract.path}/${record.id}` });
});
