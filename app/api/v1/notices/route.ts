import { readJsonBody } from "@/lib/api/body";
import { noticeContract } from "@/lib/api/contracts/notices";
import { recordResponse } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { createNotice, listNoticeVersions } from "@/lib/notices/service";

export const dynamic = "force-dynamic";

const { operations } = noticeContract;

/** The notice's versions, latest effective first, each saying whether it is the one in force today. */
export const GET = route({ roles: operations.list.roles }, async ({ request, ctx }) => {
  const { page, pageSize } = parseQuery(noticeContract.listQuery, request);
  const { rows, total } = await listNoticeVersions({ db: ctx.db, today: ctx.today, page, pageSize });
  return Response.json({ data: rows, page, pageSize, total });
});

export const POST = route({ roles: operations.create.roles }, async ({ request, ctx }) => {
  const { record } = await createNotice({ ctx, input: await readJsonBody(request) });
  return recordResponse({ data: record }, { status: 201, version: record.version, location: `${noticeContract.path}/${record.id}` });
});
