import { db } from "@/db/client";
import { getFlagDetail } from "@/db/queries/flags";
import { isRecordId } from "@/lib/api/contracts/common";
import { flagContract } from "@/lib/api/contracts/flags";
import { recordResponse } from "@/lib/api/handler";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";

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
