import { documentListQuery, documentOperations, DOCUMENTS_PATH, ownerOf } from "@/lib/api/contracts/documents";
import { parseQuery } from "@/lib/api/params";
import { route } from "@/lib/auth/guard";
import { listDocumentsOfOwner } from "@/lib/documents/queries";
import { readDocumentUpload } from "@/lib/documents/request";
import { uploadDocument } from "@/lib/documents/service";

export const dynamic = "force-dynamic";

/** The documents of one record (agreementId, transferId, activityId or tiaId), one page, with their current version. */
export const GET = route({ roles: documentOperations.list.roles }, async ({ request, ctx }) => {
  const { page, pageSize, ...owner } = parseQuery(documentListQuery, request);
  const { rows, total } = await listDocumentsOfOwner({ db: ctx.db, owner: ownerOf(owner), page, pageSize });
  return Response.json({ data: rows, page, pageSize, total });
});

/** multipart/form-data: kind, title, one owner id, file. Answers the document with its version 1. */
export const POST = route({ roles: documentOperations.create.roles }, async ({ request, ctx }) => {
  const record = await uploadDocument({ ctx, input: await readDocumentUpload(request) });
  return Response.json({ data: record }, { status: 201, headers: { location: `${DOCUMENTS_PATH}/${record.id}` } });
});
