import { db } from "@/db/client";
import { getFlagDetail } from "@/db/queries/flags";
import { recordResponse } from "@/lib/api/handler";
import { isRecordId } from "@/lib/api/params";
import { route, ALL_ROLES } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Params = { id: string };

const notFound = (id: string) => new AppError("not_found", `No flag with id ${id}.`);

/** One flag with who accepted it and the processor it concerns. */
export const GET = route<Params>({ roles: ALL_ROLES }, async ({ params }) => {
  if (!isRecordId(params.id)) throw notFound(params.id);
  const flag = await getFlagDetail({ db: db(), id: params.id });
  if (!flag) throw notFound(params.id);
  // The fingerprint is the engine's change detector, not information for a client.
  const { fingerprint: _internal, ...visible } = flag;
  return recordResponse({ data: visible }, { version: flag.version });
});
