import { db } from "@/db/client";
import { listProcessors } from "@/db/queries/processors";
import { readJsonBody } from "@/lib/api/body";
import { processorContract } from "@/lib/api/contracts/processors";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { processorJson } from "@/lib/api/serialize";
import { route } from "@/lib/auth/guard";
import { createProcessor } from "@/lib/processors/service";

export const dynamic = "force-dynamic";

const { operations } = processorContract;

/** One page of the processor register; the query is lib/api/contracts/processors.ts `processorListQuery`. */
export const GET = route({ roles: operations.list.roles }, async ({ request }) => {
  const query = parseQuery(processorContract.listQuery, request);
  const { rows, total, page, pageSize } = await listProcessors({ db: db(), ...query });
  return Response.json({ data: rows, page, pageSize, total });
});

/** Registers a processor as a draft. */
export const POST = route({ roles: operations.create.roles }, async ({ request, ctx }) => {
  const { record, flags } = await createProcessor({ ctx, input: await readJsonBody(request) });
  return recordResponse({ data: processorJson(record), flags }, { status: 201, version: record.version, location: `${processorContract.path}/${record.id}` });
});
