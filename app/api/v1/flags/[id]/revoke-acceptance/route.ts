import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { flagRemediationOperations } from "@/lib/api/contracts/flags";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { revokeFlagAcceptance } from "@/lib/flags/remediation";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The DPO revokes an accepted risk with a reason (`revokeAcceptanceBody`): the flag is open again. */
export const POST = route<Params>({ roles: flagRemediationOperations.revokeAcceptance.meta.roles }, async ({ request, ctx, params }) => {
  if (!isRecordId(params.id)) throw notFound("flag", params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await revokeFlagAcceptance({ ctx, input: { id: params.id, changes } });
  return recordResponse({ data: record }, { version: record.version });
});
