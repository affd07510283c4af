import { getTransferDetail } from "@/db/queries/transfers";
import { isRecordId } from "@/lib/api/contracts/common";
import { tiaPdfOperation, tiaPdfQuery } from "@/lib/api/contracts/tia";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { renderTiaPdf, tiaPdfFileName } from "@/lib/tia/pdf";
import { userNames } from "@/lib/tia/queries";
import { getTia, recordTiaDownload } from "@/lib/tia/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The assessment as a PDF for the file (?language=en|fr); the download is on the audit trail with its SHA-256. */
export const GET = route<Params>({ roles: tiaPdfOperation.roles }, async ({ request, ctx, actor, params }) => {
  if (!isRecordId(params.id)) throw notFound("transfer impact assessment", params.id);
  const { language } = parseQuery(tiaPdfQuery, request);
  const tia = await getTia({ db: ctx.db, id: params.id });
  if (!tia) throw notFound("transfer impact assessment", params.id);
  const detail = await getTransferDetail({ db: ctx.db, id: tia.transferId });
  if (!detail) throw notFound("transfer", tia.transferId);
  const people = await userNames({ db: ctx.db, ids: [tia.authorUserId, tia.reviewerUserId] });
  const { bytes, sha256 } = await renderTiaPdf({ tia, detail, people, language, generatedBy: actor.name, now: new Date(), today: ctx.today });
  await recordTiaDownload({ ctx, tia, language, sha256, bytes: bytes.length });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${tiaPdfFileName(tia)}"`,
      "x-content-sha256": sha256,
      "cache-control": "no-store",
    },
  });
});
