import { readJsonBody } from "@/lib/api/body";
import { isRecordId } from "@/lib/api/contracts/common";
import { noticeStatementContract } from "@/lib/api/contracts/notices";
import { recordResponse } from "@/lib/api/handler";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { createNoticeStatement, getNotice, listNoticeStatements } from "@/lib/notices/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

async function existingNotice(db: Parameters<typeof getNotice>[0]["db"], id: string) {
  const notice = isRecordId(id) ? await getNotice({ db, id }) : undefined;
  if (!notice) throw notFound("privacy notice", id);
  return notice;
}

/** Every statement of the notice (a notice has tens, not thousands: one answer). */
export const GET = route<Params>({ roles: ["dpo", "engineer", "auditor"] }, async ({ ctx, params }) => {
  const notice = await existingNotice(ctx.db, params.id);
  return Response.json({ data: await listNoticeStatements({ db: ctx.db, noticeId: notice.id }) });
});

export const POST = route<Params>({ roles: ["dpo"] }, async ({ request, ctx, params }) => {
  const notice = await existingNotice(ctx.db, params.id);
  const { record } = await createNoticeStatement({ ctx, input: { noticeId: notice.id, body: await readJsonBody(request) } });
  return recordResponse({ data: record }, { status: 201, version: record.version, location: `${noticeStatementContract.path}/${record.id}` });
});
