import { db } from "@/db/client";
import { getFlag, listFlagComments } from "@/db/queries/flags";
import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { flagRemediationOperations } from "@/lib/api/contracts/flags";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { commentOnFlag } from "@/lib/flags/remediation";

export const dynamic = "force-dynamic";

type Params = { id: string };

const { listComments, addComment } = flagRemediationOperations;

/** One page of the flag's comments, oldest first, each with its author's name. */
export const GET = route<Params>({ roles: listComments.meta.roles }, async ({ request, params }) => {
  if (!isRecordId(params.id)) throw notFound("flag", params.id);
  const { page, pageSize } = parseQuery(listComments.query, request);
  const database = db();
  if (!(await getFlag({ db: database, id: params.id }))) throw notFound("flag", params.id);
  const { rows, total } = await listFlagComments({ db: database, flagId: params.id, page, pageSize });
  return Response.json({ data: rows, page, pageSize, total });
});

/** Adds a comment (`{ body }`, 1 to 5,000 characters): the DPO, the flag's assignee, or the engineer who owns its subject. */
export const POST = route<Params>({ roles: addComment.meta.roles }, async ({ request, ctx, params }) => {
  if (!isRecordId(params.id)) throw notFound("flag", params.id);
  const { record } = await commentOnFlag({ ctx, input: { id: params.id, comment: await readJsonBody(request) } });
  return Response.json({ data: record });
});
