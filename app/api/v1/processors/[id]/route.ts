import { db } from "@/db/client";
import { readJsonBody } from "@/lib/api/body";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { isRecordId, withVersion } from "@/lib/api/params";
import { processorJson } from "@/lib/api/serialize";
import { route, ALL_ROLES, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { deleteProcessor } from "@/lib/processors/delete";
import { getProcessor, updateProcessor } from "@/lib/processors/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

// A malformed id names no record: 404, as an unknown one does.
const notFound = (id: string) => new AppError("not_found", `No processor with id ${id}.`);

export const GET = route<Params>({ roles: ALL_ROLES }, async ({ params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  const found = await getProcessor({ db: db(), id: params.id });
  if (!found) throw notFound(params.id);
  return recordResponse({ data: processorJson(found.processor), flags: found.flags }, { version: found.processor.version });
});

/** A partial change; the version edited comes from the body's `version` or the If-Match header. */
export const PATCH = route<Params>({ roles: ["dpo", "engineer"] }, async ({ request, actor, params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  const input = withVersion(request, await readJsonBody(request));
  const { processor, flags } = await updateProcessor({ db: db(), actor: auditActor(actor!), id: params.id, input, today: todayIso() });
  return recordResponse({ data: processorJson(processor), flags }, { version: processor.version });
});

/** Deletes the record at the version named by If-Match or ?version= (204). An engineer may delete only a draft they registered; a processor with transfers, sub-processors or agreements is a 409. */
export const DELETE = route<Params>({ roles: ["dpo", "engineer"] }, async ({ request, actor, params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  await deleteProcessor({ db: db(), actor: auditActor(actor!), id: params.id, version: versionToDelete(request), today: todayIso() });
  return new Response(null, { status: 204 });
});
