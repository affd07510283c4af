import { db } from "@/db/client";
import { readJsonBody } from "@/lib/api/body";
import { route, auditActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { acceptFlagRisks } from "@/lib/flags/service";

export const dynamic = "force-dynamic";

/**
 * The DPO accepts several flags' risks at once: `{ ids, justification, until, versions? }` (schema
 * `bulkAcceptRiskInput` in lib/flags/service.ts). All or nothing: a flag that changed meanwhile → 409.
 */
export const POST = route({ roles: ["dpo"] }, async ({ request, actor }) => {
  const accepted = await acceptFlagRisks({ db: db(), actor: auditActor(actor!), input: await readJsonBody(request), today: todayIso() });
  return Response.json({ data: accepted });
});
