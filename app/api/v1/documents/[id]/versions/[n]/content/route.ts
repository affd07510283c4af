import { isRecordId } from "@/lib/api/contracts/common";
import { documentOperations } from "@/lib/api/contracts/documents";
import { route } from "@/lib/auth/guard";
import { attachmentDisposition } from "@/lib/documents/file-name";
import { downloadDocumentVersion } from "@/lib/documents/service";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * The file of one version, audited before it is sent. Always an attachment, with the type read from the bytes at
 * upload and `nosniff`, so that no browser renders a stored file as a page of this origin.
 */
export const GET = route<{ id: string; n: string }>({ roles: documentOperations.content.roles }, async ({ ctx, params }) => {
  const versionNumber = /^[1-9]\d{0,8}$/.test(params.n) ? Number(params.n) : NaN;
  if (!isRecordId(params.id) || !Number.isInteger(versionNumber)) {
    throw new AppError("not_found", `No version ${params.n} of a document with id ${params.id}.`);
  }
  const version = await downloadDocumentVersion({ ctx, input: { id: params.id, versionNumber } });
  return new Response(new Uint8Array(version.content), {
    headers: {
      "content-type": version.mediaType,
      "content-length": String(version.sizeBytes),
      "content-disposition": attachmentDisposition(version.fileName),
      "x-content-type-options": "nosniff",
      "x-content-sha256": version.sha256,
      "cache-control": "private, no-store",
    },
  });
});
