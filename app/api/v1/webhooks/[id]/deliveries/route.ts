import { isRecordId } from "@/lib/api/contracts/common";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { listDeliveries } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** One page of the endpoint's delivery log, newest first (?page, ?pageSize, ?status). */
export const GET = route<Params>({ roles: ["dpo"] }, async ({ request, ctx, params }) => {
  if (!isRecordId(params.id)) throw notFound("webhook endpoint", params.id);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await listDeliveries({ ctx, endpointId: params.id, query }));
});
