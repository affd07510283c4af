import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { TIA_COMPLETERS } from "@/lib/api/contracts/tia";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { completeTia } from "@/lib/tia/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** Completes a draft (DPO): the transfer's TIA date is set and its flags re-evaluated in the same transaction. */
export const POST = route<Params>({ roles: TIA_COMPLETERS }, async ({ request, ctx, params }) => {
  if (!isRecordId(params.id)) throw notFound("transfer impact assessment", params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await completeTia({ ctx, input: { id: params.id, changes } });
  return recordResponse({ data: record }, { version: record.version });
});
