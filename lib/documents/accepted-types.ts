/*
 * The types a document may be (lib/documents/content-type.ts reads them from the bytes): without imports, so that
 * the API contract, the OpenAPI document and the upload form share the list.
 */

export interface DocumentType {
  mediaType: string;
  /** The extension a stored file name ends with. */
  extension: string;
}

export const ACCEPTED_DOCUMENT_TYPES: readonly DocumentType[] = [
  { mediaType: "application/pdf", extension: "pdf" },
  { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  { mediaType: "application/vnd.oasis.opendocument.text", extension: "odt" },
  { mediaType: "image/png", extension: "png" },
  { mediaType: "image/jpeg", extension: "jpg" },
];

/** "PDF, DOCX, ODT, PNG or JPEG": what a refusal tells a person. */
export const ACCEPTED_DOCUMENT_NAMES = "PDF, DOCX, ODT, PNG or JPEG";
