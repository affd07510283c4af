import { readJsonBody } from "@/lib/api/body";
import { ACTIVITY_REVIEW_ACTIONS, activityReviewOperation, type ActivityReviewAction } from "@/lib/api/contracts/activities";
import { isRecordId } from "@/lib/api/contracts/common";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { reviewActivityAction } from "@/lib/activities/service";
import { route } from "@/lib/auth/guard";
import { AppError, notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Params = { id: string; action: string };

const isReviewAction = (value: string): value is ActivityReviewAction => (ACTIVITY_REVIEW_ACTIONS as readonly string[]).includes(value);

/**
 * `POST /activities/{id}/approve | reject` with `{ version, comment? }` (or If-Match and no body): the DPO's
 * review of an activity an engineer proposed. A rejection needs a comment (422 without one).
 */
export const POST = route<Params>({ roles: activityReviewOperation.roles }, async ({ request, ctx, params }) => {
  if (!isReviewAction(params.action)) throw new AppError("not_found", `No action ${params.action}: use approve or reject.`);
  if (!isRecordId(params.id)) throw notFound("processing activity", params.id);
  // The version alone can travel as If-Match: a request without a body is an empty object.
  const body = request.body === null ? {} : await readJsonBody(request);
  const changes = withVersion(request, body);
  const { record } = await reviewActivityAction[params.action]({ ctx, input: { id: params.id, changes } });
  return recordResponse({ data: record }, { version: record.version });
});
