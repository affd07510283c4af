import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { noticeStatementContract } from "@/lib/api/contracts/notices";
import { versionToDelete } from "@/lib/api/delete";
import { recordResponse } from "@/lib/api/handler";
import { withVersion } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { deleteNoticeStatement, getNoticeStatement, updateNoticeStatement } from "@/lib/notices/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

const { operations } = noticeStatementContract;

function statementId(id: string): string {
  if (!isRecordId(id)) throw notFound("notice statement", id);
  return id;
}

export const GET = route<Params>({ roles: operations.get.roles }, async ({ ctx, params }) => {
  const statement = await getNoticeStatement({ db: ctx.db, id: statementId(params.id) });
  if (!statement) throw notFound("notice statement", params.id);
  return recordResponse({ data: statement }, { version: statement.version });
});

export const PATCH = route<Params>({ roles: operations.update.roles }, async ({ request, ctx, params }) => {
  const changes = withVersion(request, await readJsonBody(request));
  const { record } = await updateNoticeStatement({ ctx, input: { id: statementId(params.id), changes } });
  return recordResponse({ data: record }, { version: record.version });
});

export const DELETE = route<Params>({ roles: operations.delete.roles }, async ({ request, ctx, params }) => {
  await deleteNoticeStatement({ ctx, input: { id: statementId(params.id), version: versionToDelete(request) } });
  return new Response(null, { status: 204 });
});
