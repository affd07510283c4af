import { readJsonBody } from "@/lib/api/body";
import { agreementContract } from "@/lib/api/contracts/agreements";
import { isRecordId } from "@/lib/api/contracts/common";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { deleteAgreement, getAgreement, updateAgreement } from "@/lib/agreements/service";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { openFlagsOf } from "@/lib/services/write-record";

export const dynamic = "force-dynamic";

type Params = { id: string };

const { operations } = agreementContract;

function agreementId(id: string): string {
  if (!isRecordId(id)) throw notFound("agreement", id);
  return id;
}

export const GET = route<Params>({ roles: operations.get.roles }, async ({ ctx, params }) => {
  const agreement = await getAgreement({ db: ctx.db, id: agreementId(params.id) });
  if (!agreement) throw notFound("agreement", params.id);
  const flags = await openFlagsOf(ctx.db, "agreement", agreement.id);
  return recordResponse({ data: agreement, flags }, { version: agreement.version });
});

/** A partial change (absent fields keep their value); the version edited comes from the body's `version` or the If-Match header. */
export const PATCH = route<Params>({ roles: operations.update.roles }, async ({ request, ctx, params }) => {
  const id = agreementId(params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record, flags } = await updateAgreement({ ctx, input: { id, changes } });
  return recordResponse({ data: record, flags }, { version: record.version });
});

/** Deletes the record at the version named by If-Match or ?version= (204). The DPO only; the processor's flags are re-evaluated. */
export const DELETE = route<Params>({ roles: operations.delete.roles }, async ({ request, ctx, params }) => {
  await deleteAgreement({ ctx, input: { id: agreementId(params.id), version: versionToDelete(request) } });
  return new Response(null, { status: 204 });
});
