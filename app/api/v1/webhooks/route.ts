import { readJsonBody } from "@/lib/api/body";
import { webhookContract } from "@/lib/api/contracts/notifications";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

const { operations } = webhookContract;

export const GET = route({ roles: operations.list.roles }, async ({ request, ctx }) => {
  const { page, pageSize } = parseQuery(webhookContract.listQuery, request);
  return Response.json(await listWebhookEndpoints({ ctx, page, pageSize }));
});

/** Creates an endpoint; the answer is the only place its signing secret appears. */
export const POST = route({ roles: operations.create.roles }, async ({ request, ctx }) => {
  const created = await createWebhookEndpoint({ ctx, input: await readJsonBody(request) });
  return recordResponse({ data: created }, { status: 201, version: created.version, location: `${webhookContract.path}/${created.id}` });
});
