import { db } from "@/db/client";
import { listAgreementRegister } from "@/db/queries/agreements-register";
import { readJsonBody } from "@/lib/api/body";
import { agreementContract } from "@/lib/api/contracts/agreements";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { createAgreement } from "@/lib/agreements/service";
import { route } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

const { operations } = agreementContract;

/** One page of the agreement register (state on today); the query is lib/api/contracts/agreements.ts `agreementListQuery`. */
export const GET = route({ roles: operations.list.roles }, async ({ request, ctx }) => {
  const query = parseQuery(agreementContract.listQuery, request);
  const { rows, total, page, pageSize } = await listAgreementRegister({ db: ctx.db, today: ctx.today, ...query });
  return Response.json({ data: rows, page, pageSize, total });
});

export const POST = route({ roles: operations.create.roles }, async ({ request, ctx }) => {
  const { record, flags } = await createAgreement({ ctx, input: await readJsonBody(request) });
  return recordResponse({ data: record, flags }, { status: 201, version: record.version, location: `${agreementContract.path}/${record.id}` });
});
