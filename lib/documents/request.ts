import { readBodyBytes } from "@/lib/api/body";
import { AppError, fieldsError } from "@/lib/errors";
import { DOCUMENT_MAX_BYTES_VARIABLE, documentMaxBytes, documentTooLarge, MULTIPART_OVERHEAD_BYTES } from "./limits";
import type { UploadedFile } from "./service";

/*
 * An upload as the API receives it: multipart/form-data with text fields and one part named `file`. The body is
 * refused before it is read when its Content-Length is beyond the limit, and counted while it streams otherwise,
 * so that no request makes the server hold more than DOCUMENT_MAX_BYTES and a few kilobytes of form fields.
 */

export interface DocumentUpload {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

export async function readDocumentUpload(request: Request, maxBytes = documentMaxBytes()): Promise<DocumentUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.split(";")[0]!.trim().toLowerCase() !== "multipart/form-data") {
    throw new AppError("unsupported_media_type", "Send the document as multipart/form-data, the file in a part named `file`.");
  }
  let body: Uint8Array | null;
  try {
    body = await readBodyBytes(request, { maxBytes: maxBytes + MULTIPART_OVERHEAD_BYTES, tooLargeMessage: `larger than ${DOCUMENT_MAX_BYTES_VARIABLE}` });
  } catch (error) {
    if (error instanceof AppError && error.code === "payload_too_large") throw documentTooLarge(maxBytes);
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw fieldsError("validation_failed", [{ path: "file", message: "the body is not valid multipart/form-data" }]);
  }
  body = null;
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      fields[name] = value;
      continue;
    }
    if (name !== "file" || file) throw fieldsError("validation_failed", [{ path: name, message: "send one file, in the part named file" }]);
    if (value.size > maxBytes) throw documentTooLarge(maxBytes);
    file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields, file };
}
