import { isRecordId } from "@/lib/api/contracts/common";
import { documentOperations } from "@/lib/api/contracts/documents";
import { route } from "@/lib/auth/guard";
import { getDocumentWithVersions } from "@/lib/documents/queries";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>({ roles: documentOperations.get.roles }, async ({ ctx, params }) => {
  const record = isRecordId(params.id) ? await getDocumentWithVersions({ db: ctx.db, id: params.id }) : undefined;
  if (!record) throw notFound("document", params.id);
  return Response.json({ data: record });
});
