import { db } from "@/db/client";
import { listProcessors } from "@/db/queries/processors";
import { processorRegisterApiQuery } from "@/components/processors/register-api";
import { readJsonBody } from "@/lib/api/body";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery, processorListQuery } from "@/lib/api/params";
import { processorJson } from "@/lib/api/serialize";
import { route, ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { createProcessor } from "@/lib/processors/service";

export const dynamic = "force-dynamic";

/**
 * One page of the processor register: `?page&pageSize&q&status&country&service`. `?view=register` answers the
 * processor register page's rows with its sorts too (`sort&direction`), for the page's query cache.
 */
export const GET = route({ roles: ALL_ROLES }, async ({ request }) => {
  if (new URL(request.url).searchParams.get("view") === "register") {
    const { view: _view, ...filters } = parseQuery(processorRegisterApiQuery, request);
    const { rows, total, page, pageSize } = await listProcessors({ db: db(), ...filters });
    return Response.json({ data: rows, page, pageSize, total });
  }
  const query = parseQuery(processorListQuery, request);
  const { rows, total, page, pageSize } = await listProcessors({ db: db(), ...query });
  return Response.json({ data: rows, page, pageSize, total });
});

/** Registers a processor as a draft. */
export const POST = route({ roles: ["dpo", "engineer"] }, async ({ request, actor }) => {
  const input = await readJsonBody(request);
  const { processor, flags } = await createProcessor({ db: db(), actor: auditActor(actor!), input, today: todayIso() });
  return recordResponse(
    { data: processorJson(processor), flags },
    { status: 201, version: processor.version, location: `/api/v1/processors/${processor.id}` },
  );
});
