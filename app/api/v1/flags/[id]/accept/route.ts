import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { flagAcceptOperations } from "@/lib/api/contracts/flags";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { acceptFlagRisk } from "@/lib/flags/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The DPO accepts a flag's risk: lib/api/contracts/flags.ts `acceptRiskBody` (the version from the body or If-Match). */
export const POST = route<Params>({ roles: flagAcceptOperations.accept.meta.roles }, async ({ request, ctx, params }) => {
  if (!isRecordId(params.id)) throw notFound("flag", params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await acceptFlagRisk({ ctx, input: { id: params.id, changes } });
  return recordResponse({ data: record }, { version: record.version });
});
