import { isRecordId } from "@/lib/api/contracts/common";
import { documentOperations } from "@/lib/api/contracts/documents";
import { route } from "@/lib/auth/guard";
import { readDocumentUpload } from "@/lib/documents/request";
import { addDocumentVersion } from "@/lib/documents/service";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** multipart/form-data: file, and optionally the document `version` seen (a stale one is a 409). */
export const POST = route<{ id: string }>({ roles: documentOperations.addVersion.roles }, async ({ request, ctx, params }) => {
  if (!isRecordId(params.id)) throw notFound("document", params.id);
  const { fields, file } = await readDocumentUpload(request);
  const record = await addDocumentVersion({ ctx, input: { id: params.id, fields, file } });
  return Response.json({ data: record }, { status: 201 });
});
