import { db } from "@/db/client";
import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { processorContract } from "@/lib/api/contracts/processors";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { processorJson } from "@/lib/api/serialize";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { deleteProcessor, getProcessor, updateProcessor } from "@/lib/processors/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

const { operations } = processorContract;

// A malformed id names no record: 404, as an unknown one does.
function processorId(id: string): string {
  if (!isRecordId(id)) throw notFound("processor", id);
  return id;
}

export const GET = route<Params>({ roles: operations.get.roles }, async ({ params }) => {
  const found = await getProcessor({ db: db(), id: processorId(params.id) });
  if (!found) throw notFound("processor", params.id);
  return recordResponse({ data: processorJson(found.processor), flags: found.flags }, { version: found.processor.version });
});

/** A partial change; the version edited comes from the body's `version` or the If-Match header. */
export const PATCH = route<Params>({ roles: operations.update.roles }, async ({ request, ctx, params }) => {
  const id = processorId(params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record, flags } = await updateProcessor({ ctx, input: { id, changes } });
  return recordResponse({ data: processorJson(record), flags }, { version: record.version });
});

/** Deletes the record at the version named by If-Match or ?version= (204). An engineer may delete only a draft they registered; a processor with transfers, sub-processors or agreements is a 409. */
export const DELETE = route<Params>({ roles: operations.delete.roles }, async ({ request, ctx, params }) => {
  await deleteProcessor({ ctx, input: { id: processorId(params.id), version: versionToDelete(request) } });
  return new Response(null, { status: 204 });
});
