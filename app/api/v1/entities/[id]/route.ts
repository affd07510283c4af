import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { entityContract } from "@/lib/api/contracts/entities";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { deleteEntity, getEntity, updateEntity } from "@/lib/entities/service";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Params = { id: string };

const { operations } = entityContract;

function entityId(id: string): string {
  if (!isRecordId(id)) throw notFound("entity", id);
  return id;
}

export const GET = route<Params>({ roles: operations.get.roles }, async ({ ctx, params }) => {
  const entity = await getEntity({ db: ctx.db, id: entityId(params.id) });
  if (!entity) throw notFound("entity", params.id);
  return recordResponse({ data: entity }, { version: entity.version });
});

/** A partial change (DPO); the flags of the processors receiving its transfers are re-evaluated. */
export const PATCH = route<Params>({ roles: operations.update.roles }, async ({ request, ctx, params }) => {
  const id = entityId(params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await updateEntity({ ctx, input: { id, changes } });
  return recordResponse({ data: record }, { version: record.version });
});

/** Deletes the entity at the version named by If-Match or ?version= (204). The DPO only; an entity records depend on is a 409 naming them. */
export const DELETE = route<Params>({ roles: operations.delete.roles }, async ({ request, ctx, params }) => {
  await deleteEntity({ ctx, input: { id: entityId(params.id), version: versionToDelete(request) } });
  return new Response(null, { status: 204 });
});
