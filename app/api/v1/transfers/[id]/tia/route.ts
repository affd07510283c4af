import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { tiaContract, tiaListQuery, transferTiaOperations } from "@/lib/api/contracts/tia";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { createTia, listTransferTias } from "@/lib/tia/service";
import { getTransfer } from "@/lib/transfers/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

function transferId(id: string): string {
  if (!isRecordId(id)) throw notFound("transfer", id);
  return id;
}

/** One page of the transfer's impact assessments, newest first. */
export const GET = route<Params>({ roles: transferTiaOperations.list.roles }, async ({ request, ctx, params }) => {
  const id = transferId(params.id);
  if (!(await getTransfer({ db: ctx.db, id }))) throw notFound("transfer", id);
  const { page, pageSize } = parseQuery(tiaListQuery, request);
  const { rows, total } = await listTransferTias({ db: ctx.db, transferId: id, page, pageSize });
  return Response.json({ data: rows, page, pageSize, total });
});

/** A new draft; the body may be left out (prefilled in English) or say `{ "language": "fr" }`. */
export const POST = route<Params>({ roles: transferTiaOperations.create.roles }, async ({ request, ctx, params }) => {
  const id = transferId(params.id);
  const hasBody = Number(request.headers.get("content-length") ?? "0") > 0 || request.headers.has("content-type");
  const body = hasBody ? await readJsonBody(request) : {};
  const { record } = await createTia({ ctx, input: { transferId: id, body } });
  return recordResponse({ data: record }, { status: 201, version: record.version, location: `${tiaContract.path}/${record.id}` });
});
