import { fileTypeFromBuffer } from "file-type/core";
import { ACCEPTED_DOCUMENT_TYPES, type DocumentType } from "./accepted-types";

export { ACCEPTED_DOCUMENT_NAMES, ACCEPTED_DOCUMENT_TYPES, type DocumentType } from "./accepted-types";

/*
 * Which files a document may be, decided by its bytes (magic numbers, and for the zip-based formats the parts
 * inside), never by the name or the type the browser claims. A signed contract, a TIA, a DPIA or a PIPIA is a
 * PDF (signed or scanned), a scanned page (PNG, JPEG) or an editable text (DOCX, ODT). Everything else is
 * refused: executables, HTML and SVG (a script served from our origin), archives that are not a word-processing
 * document, and plain text (no magic number, so HTML would pass as text).
 */

export type DocumentTypeCheck = { ok: true; type: DocumentType } | { ok: false; detected: string | null };

/** The document's type read from its bytes, or what it was found to be (null: nothing recognised, e.g. text or HTML). */
export async function detectDocumentType(bytes: Uint8Array): Promise<DocumentTypeCheck> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return { ok: false, detected: null };
  const type = ACCEPTED_DOCUMENT_TYPES.find((accepted) => accepted.mediaType === found.mime);
  return type ? { ok: true, type } : { ok: false, detected: found.mime };
}
