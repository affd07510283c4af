import { db } from "@/db/client";
import { getActivity } from "@/db/queries/api-lists";
import { readJsonBody } from "@/lib/api/body";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { isRecordId, withVersion } from "@/lib/api/params";
import { deleteActivity } from "@/lib/activities/delete";
import { updateActivity } from "@/lib/activities/service";
import { route, ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { updateActivityInput } from "@/lib/validation/activity";
import { parseStrictInput } from "@/lib/validation/processor";

export const dynamic = "force-dynamic";

type Params = { id: string };

const notFound = (id: string) => new AppError("not_found", `No processing activity with id ${id}.`);

export const GET = route<Params>({ roles: ALL_ROLES }, async ({ params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  const activity = await getActivity({ db: db(), id: params.id });
  if (!activity) throw notFound(params.id);
  return recordResponse({ data: activity }, { version: activity.version });
});

/** A partial change of the activity's Art. 30 description; its transfers' flags are re-evaluated. */
export const PATCH = route<Params>({ roles: ["dpo", "engineer"] }, async ({ request, actor, params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  const input = parseStrictInput(updateActivityInput, withVersion(request, await readJsonBody(request)));
  const activity = await updateActivity({ db: db(), actor: auditActor(actor!), id: params.id, input, today: todayIso() });
  return recordResponse({ data: activity }, { version: activity.version });
});

/** Deletes the record at the version named by If-Match or ?version= (204). The DPO only; an activity that still has transfers is a 409. */
export const DELETE = route<Params>({ roles: ["dpo"] }, async ({ request, actor, params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  await deleteActivity({ db: db(), actor: auditActor(actor!), id: params.id, version: versionToDelete(request) });
  return new Response(null, { status: 204 });
});
