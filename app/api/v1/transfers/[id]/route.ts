import { db } from "@/db/client";
import { readJsonBody } from "@/lib/api/body";
import { transferContract } from "@/lib/api/contracts/transfers";
import { isRecordId } from "@/lib/api/contracts/common";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { openFlagsOf } from "@/lib/services/write-record";
import { deleteTransfer, getTransfer, updateTransfer } from "@/lib/transfers/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

const { operations } = transferContract;

function transferId(id: string): string {
  if (!isRecordId(id)) throw notFound("transfer", id);
  return id;
}

export const GET = route<Params>({ roles: operations.get.roles }, async ({ params }) => {
  const transfer = await getTransfer({ db: db(), id: transferId(params.id) });
  if (!transfer) throw notFound("transfer", params.id);
  const flags = await openFlagsOf(db(), "transfer", transfer.id);
  return recordResponse({ data: transfer, flags }, { version: transfer.version });
});

/** A partial change; the version edited comes from the body's `version` or the If-Match header. */
export const PATCH = route<Params>({ roles: operations.update.roles }, async ({ request, ctx, params }) => {
  const id = transferId(params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record, flags } = await updateTransfer({ ctx, input: { id, changes } });
  return recordResponse({ data: record, flags }, { version: record.version });
});

/** Deletes the record at the version named by If-Match or ?version= (204). An engineer may delete only a draft they registered; a transfer an agreement lists by id is a 409. */
export const DELETE = route<Params>({ roles: operations.delete.roles }, async ({ request, ctx, params }) => {
  await deleteTransfer({ ctx, input: { id: transferId(params.id), version: versionToDelete(request) } });
  return new Response(null, { status: 204 });
});
