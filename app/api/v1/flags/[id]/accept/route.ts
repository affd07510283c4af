import { db } from "@/db/client";
import { readJsonBody } from "@/lib/api/body";
import { recordResponse } from "@/lib/api/handler";
import { isRecordId, withVersion } from "@/lib/api/params";
import { route, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { acceptFlagRisk } from "@/lib/flags/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The DPO accepts a flag's risk: `{ version, justification, acceptedUntil }` (version or If-Match). */
export const POST = route<Params>({ roles: ["dpo"] }, async ({ request, actor, params }) => {
  if (!isRecordId(params.id)) throw new AppError("not_found", `No flag with id ${params.id}.`);
  const input = withVersion(request, await readJsonBody(request));
  const flag = await acceptFlagRisk({ db: db(), actor: auditActor(actor!), flagId: params.id, input, today: todayIso() });
  return recordResponse({ data: flag }, { version: flag.version });
});
