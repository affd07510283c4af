import { db } from "@/db/client";
import { readJsonBody } from "@/lib/api/body";
import { recordResponse } from "@/lib/api/handler";
import { isRecordId, withVersion } from "@/lib/api/params";
import { processorJson } from "@/lib/api/serialize";
import { route, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { REVIEW_ACTIONS, type ReviewAction } from "@/lib/review/schemas";
import { reviewProcessor } from "@/lib/review/service";

export const dynamic = "force-dynamic";

type Params = { id: string; action: string };

const isReviewAction = (value: string): value is ReviewAction => (REVIEW_ACTIONS as readonly string[]).includes(value);

/**
 * `POST /processors/{id}/submit | approve | reject` with `{ version, comment? }` (or If-Match and no body).
 * Engineers reach the route to submit; the service allows approve and reject to the DPO only (403).
 */
export const POST = route<Params>({ roles: ["dpo", "engineer"] }, async ({ request, actor, params }) => {
  if (!isReviewAction(params.action)) throw new AppError("not_found", `No action ${params.action}: use submit, approve or reject.`);
  if (!isRecordId(params.id)) throw new AppError("not_found", `No processor with id ${params.id}.`);
  // The version alone can travel as If-Match: a request without a body is an empty object.
  const body = request.body === null ? {} : await readJsonBody(request);
  const input = withVersion(request, body);
  const { processor, flags } = await reviewProcessor[params.action]({ db: db(), actor: auditActor(actor!), id: params.id, input, today: todayIso() });
  return recordResponse({ data: processorJson(processor), flags }, { version: processor.version });
});
