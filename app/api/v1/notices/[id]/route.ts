import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { noticeContract } from "@/lib/api/contracts/notices";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { deleteNotice, getNotice, updateNotice } from "@/lib/notices/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

const { operations } = noticeContract;

function noticeId(id: string): string {
  if (!isRecordId(id)) throw notFound("privacy notice", id);
  return id;
}

export const GET = route<Params>({ roles: operations.get.roles }, async ({ ctx, params }) => {
  const notice = await getNotice({ db: ctx.db, id: noticeId(params.id) });
  if (!notice) throw notFound("privacy notice", params.id);
  return recordResponse({ data: notice }, { version: notice.version });
});

/** A partial change; the version edited comes from the body's `version` or the If-Match header. */
export const PATCH = route<Params>({ roles: operations.update.roles }, async ({ request, ctx, params }) => {
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await updateNotice({ ctx, input: { id: noticeId(params.id), changes } });
  return recordResponse({ data: record }, { version: record.version });
});

export const DELETE = route<Params>({ roles: operations.delete.roles }, async ({ request, ctx, params }) => {
  await deleteNotice({ ctx, input: { id: noticeId(params.id), version: versionToDelete(request) } });
  return new Response(null, { status: 204 });
});
