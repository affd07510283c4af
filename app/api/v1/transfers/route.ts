import { db } from "@/db/client";
import { listTransfers } from "@/db/queries/transfers";
import { readJsonBody } from "@/lib/api/body";
import { transferContract, transferListInput } from "@/lib/api/contracts/transfers";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { createTransfer } from "@/lib/transfers/service";

export const dynamic = "force-dynamic";

const { operations } = transferContract;

/** One page of the transfer register; the query is lib/api/contracts/transfers.ts `transferListQuery`. */
export const GET = route({ roles: operations.list.roles }, async ({ request }) => {
  const query = parseQuery(transferContract.listQuery, request);
  const { rows, total, page, pageSize } = await listTransfers({ db: db(), ...transferListInput(query) });
  return Response.json({ data: rows, page, pageSize, total });
});

export const POST = route({ roles: operations.create.roles }, async ({ request, ctx }) => {
  const { record, flags } = await createTransfer({ ctx, input: await readJsonBody(request) });
  return recordResponse({ data: record, flags }, { status: 201, version: record.version, location: `${transferContract.path}/${record.id}` });
});
