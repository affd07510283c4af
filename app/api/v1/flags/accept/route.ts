import { readJsonBody } from "@/lib/api/body";
import { flagAcceptOperations } from "@/lib/api/contracts/flags";
import { route } from "@/lib/auth/guard";
import { acceptFlagRisks } from "@/lib/flags/service";

export const dynamic = "force-dynamic";

/**
 * The DPO accepts several flags' risks at once: lib/api/contracts/flags.ts `bulkAcceptRiskBody`. All or
 * nothing: a flag that changed meanwhile → 409 naming it.
 */
export const POST = route({ roles: flagAcceptOperations.bulkAccept.meta.roles }, async ({ request, ctx }) => {
  const { records } = await acceptFlagRisks({ ctx, input: await readJsonBody(request) });
  return Response.json({ data: records });
});
