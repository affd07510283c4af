import { db } from "@/db/client";
import { getAgreement } from "@/db/queries/api-lists";
import { readJsonBody } from "@/lib/api/body";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { isRecordId, withVersion } from "@/lib/api/params";
import { deleteAgreement } from "@/lib/agreements/delete";
import { updateAgreement } from "@/lib/agreements/service";
import { route, ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { updateAgreementBody } from "@/lib/review/api-schemas";
import { parseStrictInput } from "@/lib/validation/processor";

export const dynamic = "force-dynamic";

type Params = { id: string };

const notFound = (id: string) => new AppError("not_found", `No agreement with id ${id}.`);

export const GET = route<Params>({ roles: ALL_ROLES }, async ({ params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  const agreement = await getAgreement({ db: db(), id: params.id });
  if (!agreement) throw notFound(params.id);
  return recordResponse({ data: agreement }, { version: agreement.version });
});

/** A partial change (absent fields keep their value); the version from the body or If-Match. */
export const PATCH = route<Params>({ roles: ["dpo", "engineer"] }, async ({ request, actor, params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  const input = parseStrictInput(updateAgreementBody, withVersion(request, await readJsonBody(request)));
  const agreement = await updateAgreement({ db: db(), actor: auditActor(actor!), id: params.id, input, today: todayIso() });
  return recordResponse({ data: agreement }, { version: agreement.version });
});

/** Deletes the record at the version named by If-Match or ?version= (204). The DPO only; the processor's flags are re-evaluated. */
export const DELETE = route<Params>({ roles: ["dpo"] }, async ({ request, actor, params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  await deleteAgreement({ db: db(), actor: auditActor(actor!), id: params.id, version: versionToDelete(request), today: todayIso() });
  return new Response(null, { status: 204 });
});
