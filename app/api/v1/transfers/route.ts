import { db } from "@/db/client";
import { listTransfers } from "@/db/queries/transfers";
import { transferRegisterApiQuery } from "@/components/transfers/register-api";
import { readJsonBody } from "@/lib/api/body";
import { apiRoute, recordResponse } from "@/lib/api/handler";
import { parseQuery, transferListQuery } from "@/lib/api/params";
import { createTransferBody, transferConflict } from "@/lib/api/transfers";
import { ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { createTransfer } from "@/lib/transfers/service";
import { transferListQueryExtras } from "@/lib/validation/list-params";
import { parseStrictInput } from "@/lib/validation/processor";

export const dynamic = "force-dynamic";

const transferRegisterQuery = transferListQuery.extend(transferListQueryExtras);

/**
 * One page of the transfer register: `?page&pageSize&q&destination&mechanism&status&processorId&category&sensitive&severity&sort&direction`.
 * `?view=register` answers the transfer register page's rows, with the page's encryption filter too, for the
 * page's query cache.
 */
export const GET = apiRoute({ roles: ALL_ROLES }, async ({ request }) => {
  if (new URL(request.url).searchParams.get("view") === "register") {
    const { view: _view, ...filters } = parseQuery(transferRegisterApiQuery, request);
    const { rows, total, page, pageSize } = await listTransfers({ db: db(), ...filters });
    return Response.json({ data: rows, page, pageSize, total });
  }
  const query = parseQuery(transferRegisterQuery, request);
  const { rows, total, page, pageSize } = await listTransfers({ db: db(), ...query });
  return Response.json({ data: rows, page, pageSize, total });
});

export const POST = apiRoute({ roles: ["dpo", "engineer"] }, async ({ request, actor }) => {
  const input = await readJsonBody(request);
  parseStrictInput(createTransferBody, input);
  const { transfer, flags } = await createTransfer({ db: db(), actor: auditActor(actor!), input, today: todayIso() }).catch((error: unknown) => {
    throw transferConflict(error);
  });
  return recordResponse({ data: transfer, flags }, { status: 201, version: transfer.version, location: `/api/v1/transfers/${transfer.id}` });
});
