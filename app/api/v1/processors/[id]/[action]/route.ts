import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { REVIEW_ACTIONS, processorReviewOperation, type ReviewAction } from "@/lib/api/contracts/processors";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { processorJson } from "@/lib/api/serialize";
import { route } from "@/lib/auth/guard";
import { AppError, notFound } from "@/lib/errors";
import { reviewProcessor } from "@/lib/review/service";

export const dynamic = "force-dynamic";

type Params = { id: string; action: string };

const isReviewAction = (value: string): value is ReviewAction => (REVIEW_ACTIONS as readonly string[]).includes(value);

/**
 * `POST /processors/{id}/submit | approve | reject` with `{ version, comment? }` (or If-Match and no body).
 * Engineers reach the route to submit; the service allows approve and reject to the DPO only (403).
 */
export const POST = route<Params>({ roles: processorReviewOperation.roles }, async ({ request, ctx, params }) => {
  if (!isReviewAction(params.action)) throw new AppError("not_found", `No action ${params.action}: use submit, approve or reject.`);
  if (!isRecordId(params.id)) throw notFound("processor", params.id);
  // The version alone can travel as If-Match: a request without a body is an empty object.
  const body = request.body === null ? {} : await readJsonBody(request);
  const changes = withVersion(request, body);
  const { record, flags } = await reviewProcessor[params.action]({ ctx, input: { id: params.id, changes } });
  return recordResponse({ data: processorJson(record), flags }, { version: record.version });
});
