import { db } from "@/db/client";
import { getFlagDetail } from "@/db/queries/flags";
import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { flagContract } from "@/lib/api/contracts/flags";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { updateFlagRemediation } from "@/lib/flags/remediation";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** One flag with who accepted it and the processor it concerns. */
export const GET = route<Params>({ roles: flagContract.operations.get.roles }, async ({ params }) => {
  if (!isRecordId(params.id)) throw notFound("flag", params.id);
  const flag = await getFlagDetail({ db: db(), id: params.id });
  if (!flag) throw notFound("flag", params.id);
  // The fingerprint is the engine's change detector, not information for a client.
  const { fingerprint: _internal, ...visible } = flag;
  return recordResponse({ data: visible }, { version: flag.version });
});

/**
 * The flag's remediation: assignee, due date, work status (lib/api/contracts/flags.ts `flagRemediationBody`), at the
 * version from the body or If-Match. The status stays the rules': fixing the record resolves the flag.
 */
export const PATCH = route<Params>({ roles: flagContract.operations.update.roles }, async ({ request, ctx, params }) => {
  if (!isRecordId(params.id)) throw notFound("flag", params.id);
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await updateFlagRemediation({ ctx, input: { id: params.id, changes } });
  return recordResponse({ data: record }, { version: record.version });
});
