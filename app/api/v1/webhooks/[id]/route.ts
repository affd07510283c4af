import { isRecordId } from "@/lib/api/contracts/common";
import { webhookContract } from "@/lib/api/contracts/notifications";
import { versionToDelete } from "@/lib/api/delete";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { deleteWebhookEndpoint } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** Deletes the endpoint at the version named by If-Match or ?version= (204), with its delivery log. */
export const DELETE = route<Params>({ roles: webhookContract.operations.delete.roles }, async ({ request, ctx, params }) => {
  if (!isRecordId(params.id)) throw notFound("webhook endpoint", params.id);
  await deleteWebhookEndpoint({ ctx, input: { id: params.id, version: versionToDelete(request) } });
  return new Response(null, { status: 204 });
});
