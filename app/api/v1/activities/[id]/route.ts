import { readJsonBody } from "@/lib/api/body";
import { activityContract } from "@/lib/api/contracts/activities";
import { isRecordId } from "@/lib/api/contracts/common";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { deleteActivity, getActivity, updateActivity } from "@/lib/activities/service";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Params = { id: string };

const { operations } = activityContract;

function activityId(id: string): string {
  if (!isRecordId(id)) throw notFound("processing activity", id);
  return id;
}

export const GET = route<Params>({ roles: operations.get.roles }, async ({ ctx, params }) => {
  const activity = await getActivity({ db: ctx.db, id: activityId(params.id) });
  if (!activity) throw notFound("processing activity", params.id);
  return recordResponse({ data: activity }, { version: activity.version });
});

/** A partial change of the activity's Art. 30 description; the flags of the processors receiving its data are re-evaluated. */
export const PATCH = route<Params>({ roles: operations.update.roles }, async ({ request, ctx, params }) => {
  const id = activityId(params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await updateActivity({ ctx, input: { id, changes } });
  return recordResponse({ data: record }, { version: record.version });
});

/** Deletes the record at the version named by If-Match or ?version= (204). The DPO only; an activity that still has transfers is a 409. */
export const DELETE = route<Params>({ roles: operations.delete.roles }, async ({ request, ctx, params }) => {
  await deleteActivity({ ctx, input: { id: activityId(params.id), version: versionToDelete(request) } });
  return new Response(null, { status: 204 });
});
