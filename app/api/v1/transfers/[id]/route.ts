import { db } from "@/db/client";
import { readJsonBody } from "@/lib/api/body";
import { versionToDelete } from "@/lib/api/delete";
import { apiRoute, recordResponse } from "@/lib/api/handler";
import { isRecordId, withVersion } from "@/lib/api/params";
import { mergeTransferPatch, transferConflict, updateTransferBody } from "@/lib/api/transfers";
import { ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { deleteTransfer } from "@/lib/transfers/delete";
import { getTransfer, updateTransfer } from "@/lib/transfers/service";
import { listFlagsForSubject } from "@/db/queries/flags";
import { parseStrictInput } from "@/lib/validation/processor";

export const dynamic = "force-dynamic";

type Params = { id: string };

const notFound = (id: string) => new AppError("not_found", `No transfer with id ${id}.`);

export const GET = apiRoute<Params>({ roles: ALL_ROLES }, async ({ params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  const transfer = await getTransfer({ db: db(), id: params.id });
  if (!transfer) throw notFound(params.id);
  const flags = (await listFlagsForSubject({ db: db(), subjectType: "transfer", subjectId: transfer.id })).filter((flag) => flag.status !== "resolved");
  return recordResponse({ data: transfer, flags }, { version: transfer.version });
});

/** A partial change; the version edited comes from the body's `version` or the If-Match header. */
export const PATCH = apiRoute<Params>({ roles: ["dpo", "engineer"] }, async ({ request, actor, params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  const body = parseStrictInput(updateTransferBody, withVersion(request, await readJsonBody(request)));
  const input = await mergeTransferPatch({ db: db(), id: params.id, body });
  const { transfer, flags } = await updateTransfer({ db: db(), actor: auditActor(actor!), id: params.id, input, today: todayIso() }).catch(
    (error: unknown) => {
      throw transferConflict(error);
    },
  );
  return recordResponse({ data: transfer, flags }, { version: transfer.version });
});

/** Deletes the record at the version named by If-Match or ?version= (204). An engineer may delete only a draft they registered; a transfer an agreement lists by name is a 409. */
export const DELETE = apiRoute<Params>({ roles: ["dpo", "engineer"] }, async ({ request, actor, params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  await deleteTransfer({ db: db(), actor: auditActor(actor!), id: params.id, version: versionToDelete(request), today: todayIso() });
  return new Response(null, { status: 204 });
});
