import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { tiaContract } from "@/lib/api/contracts/tia";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { getTia, updateTia } from "@/lib/tia/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

const { operations } = tiaContract;

function tiaId(id: string): string {
  if (!isRecordId(id)) throw notFound("transfer impact assessment", id);
  return id;
}

export const GET = route<Params>({ roles: operations.get.roles }, async ({ ctx, params }) => {
  const tia = await getTia({ db: ctx.db, id: tiaId(params.id) });
  if (!tia) throw notFound("transfer impact assessment", params.id);
  return recordResponse({ data: tia }, { version: tia.version });
});

/** A change of a draft's steps; the version edited comes from the body's `version` or the If-Match header. */
export const PATCH = route<Params>({ roles: operations.update.roles }, async ({ request, ctx, params }) => {
  const id = tiaId(params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await updateTia({ ctx, input: { id, changes } });
  return recordResponse({ data: record }, { version: record.version });
});
