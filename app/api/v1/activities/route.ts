import { db } from "@/db/client";
import { listActivityRegister } from "@/db/queries/activities-register";
import { listActivities } from "@/db/queries/api-lists";
import { activityRegisterApiQuery } from "@/components/activities/register-api";
import { createActivity } from "@/lib/activities/create";
import { readJsonBody } from "@/lib/api/body";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { route, ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { activityListQuery } from "@/lib/review/api-schemas";

export const dynamic = "force-dynamic";

/**
 * One page of processing activities by name: `?page&pageSize&q`. `?view=register` answers the activity
 * register page's rows instead (controller, transfer and open-flag counts; its filters and sorts).
 */
export const GET = route({ roles: ALL_ROLES }, async ({ request }) => {
  if (new URL(request.url).searchParams.get("view") === "register") {
    const { view: _view, ...filters } = parseQuery(activityRegisterApiQuery, request);
    const { rows, total, page, pageSize } = await listActivityRegister({ db: db(), ...filters });
    return Response.json({ data: rows, page, pageSize, total });
  }
  const query = parseQuery(activityListQuery, request);
  const { rows, total, page, pageSize } = await listActivities({ db: db(), ...query });
  return Response.json({ data: rows, page, pageSize, total });
});

export const POST = route({ roles: ["dpo", "engineer"] }, async ({ request, actor }) => {
  const input = await readJsonBody(request);
  const activity = await createActivity({ db: db(), actor: auditActor(actor!), input });
  return recordResponse({ data: activity }, { status: 201, version: activity.version, location: `/api/v1/activities/${activity.id}` });
});
