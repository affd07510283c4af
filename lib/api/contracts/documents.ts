import { z } from "zod";
import { ACCEPTED_DOCUMENT_TYPES } from "@/lib/documents/accepted-types";
import { text } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { paginationQuery, recordIdParam, pageOf, wire, type OperationMeta } from "./common";

/*
 * The documents resource: /api/v1/documents. Signed agreements, TIAs, DPIAs and PIPIAs filed with the one record
 * they belong to (an agreement, a transfer, a processing activity or a TIA), their versions kept, each version's
 * SHA-256 computed by the server. Uploads are multipart/form-data (a file and a few fields), so the resource
 * describes its own OpenAPI paths (`documentOpenApiPaths`) rather than the JSON create/update of a standard
 * contract.
 */

/** The fields naming the record a document is filed with: exactly one of them. */
export const DOCUMENT_OWNER_FIELDS = ["agreementId", "transferId", "activityId", "tiaId"] as const;
export type DocumentOwnerField = (typeof DOCUMENT_OWNER_FIELDS)[number];
export type DocumentOwner = { field: DocumentOwnerField; id: string };

const ownerShape = {
  agreementId: recordIdParam.optional().describe("The safeguard agreement the document belongs to"),
  transferId: recordIdParam.optional().describe("The transfer the document belongs to"),
  activityId: recordIdParam.optional().describe("The processing activity the document belongs to"),
  tiaId: recordIdParam.optional().describe("The transfer impact assessment the document belongs to"),
};

/** The one owner among the given fields, or the issue to report (none, or more than one). */
function oneOwner(value: Partial<Record<DocumentOwnerField, string>>, ctx: z.RefinementCtx) {
  const given = DOCUMENT_OWNER_FIELDS.filter((field) => value[field] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({
      code: "custom",
      path: [given[1] ?? "agreementId"],
      message: given.length === 0 ? "name the record the document belongs to: one of agreementId, transferId, activityId or tiaId" : "give only one of agreementId, transferId, activityId or tiaId",
    });
  }
}

export function ownerOf(value: Partial<Record<DocumentOwnerField, string | undefined>>): DocumentOwner {
  const field = DOCUMENT_OWNER_FIELDS.find((name) => value[name] !== undefined)!;
  return { field, id: value[field]! };
}

/** GET /api/v1/documents: the documents of one record, newest first. */
export const documentListQuery = z.object({ ...paginationQuery, ...ownerShape }).superRefine(oneOwner);
export type DocumentListQuery = z.output<typeof documentListQuery>;

/** The form fields of POST /api/v1/documents besides `file`. */
export const createDocumentFields = z.strictObject({
  kind: enumField("documentKind").describe("What the document is: a signed DPA or SCCs, a China or Hong Kong contract, a TIA, a DPIA, a PIPIA"),
  title: text(200).min(1, { message: "is required" }).describe("A title a person recognises, e.g. 'SCCs module 2, signed 2026-03-01'"),
  ...ownerShape,
}).superRefine(oneOwner);
export type CreateDocumentFields = z.output<typeof createDocumentFields>;

/** The form fields of POST /api/v1/documents/{id}/versions besides `file`: the document version seen, if checked. */
export const addVersionFields = z.strictObject({
  version: z.coerce
    .number({ message: "must be the document version you saw (a whole number)" })
    .int({ message: "must be the document version you saw (a whole number)" })
    .min(1)
    .optional()
    .describe("The document's `version` the client saw: a stale one is a 409 (left out: the upload becomes the next version whatever came before)"),
});

/** One stored file of a document, as responses carry it (never its bytes: those are the content endpoint's). */
export const documentVersionRecord = z.object({
  versionNumber: z.number().int().describe("1, 2, 3… in upload order; never reused"),
  fileName: z.string().describe("The uploaded name, cleaned, ending with the extension of the type read from the bytes"),
  mediaType: z.string().describe("The type read from the content (magic bytes), not the one the client claimed"),
  sizeBytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("Hex SHA-256 of the content, computed by the server"),
  uploadedByUserId: wire.id.nullable(),
  uploadedByName: z.string().nullable(),
  uploadedAt: wire.timestamp,
  contentUrl: z.string().describe("Where to download this version (audited)"),
});
export type DocumentVersionRecord = z.output<typeof documentVersionRecord>;

/** One document with its current (newest) version. */
export const documentListRow = z.object({
  id: wire.id,
  kind: enumField("documentKind"),
  title: z.string(),
  agreementId: wire.id.nullable(),
  transferId: wire.id.nullable(),
  activityId: wire.id.nullable(),
  tiaId: wire.id.nullable(),
  version: z.number().int().describe("The document record's version (bumped by each new file)"),
  createdAt: wire.timestamp,
  updatedAt: wire.timestamp,
  current: documentVersionRecord,
});
export type DocumentListRow = z.output<typeof documentListRow>;

/** One document with every version, newest first. */
export const documentRecord = documentListRow.extend({ versions: z.array(documentVersionRecord) });
export type DocumentRecord = z.output<typeof documentRecord>;

export const documentPage = pageOf(documentListRow);

export const DOCUMENTS_PATH = "/api/v1/documents";

export function documentContentUrl(documentId: string, versionNumber: number): string {
  return `${DOCUMENTS_PATH}/${documentId}/versions/${versionNumber}/content`;
}

const READERS = ["dpo", "engineer", "auditor"] as const;
const UPLOADERS = ["dpo", "engineer"] as const;

export const documentOperations = {
  list: { operationId: "listDocuments", summary: "List the documents filed with one record (agreementId, transferId, activityId or tiaId), newest first, with their current version", roles: READERS },
  create: { operationId: "createDocument", summary: "Upload a document (multipart: kind, title, one owner id, file) as its version 1 (engineer: under records they may edit)", roles: UPLOADERS },
  get: { operationId: "getDocument", summary: "Read one document with every version", roles: READERS },
  addVersion: { operationId: "addDocumentVersion", summary: "Upload a new file of a document as its next version (engineer: under records they may edit)", roles: UPLOADERS },
  content: { operationId: "downloadDocumentVersion", summary: "Download one version's file; every download is audited (who, version, SHA-256)", roles: READERS },
} satisfies Record<string, OperationMeta>;

/** What lib/api/openapi.ts lends the resource to describe its paths. */
export interface OpenApiHelpers {
  component(name: string, schema: z.ZodType): { $ref: string };
  problem(description: string): unknown;
  problems: Record<string, unknown>;
  query(schema: z.ZodObject): unknown[];
  security: unknown;
  summary(meta: OperationMeta): string;
}

/** The multipart body of an upload, as JSON Schema (a file is a binary string). */
function uploadBody(fields: Record<string, unknown>, required: string[], maxBytes: string) {
  return {
    required: true,
    content: {
      "multipart/form-data": {
        schema: {
          type: "object",
          required: [...required, "file"],
          properties: { ...fields, file: { type: "string", contentEncoding: "binary", description: `PDF, DOCX, ODT, PNG or JPEG (checked by content), at most ${maxBytes}` } },
        },
      },
    },
  };
}

export function documentOpenApiPaths(h: OpenApiHelpers) {
  // Registered first, so that the record and the page refer to them rather than copy them.
  h.component("DocumentVersion", documentVersionRecord);
  h.component("DocumentListRow", documentListRow);
  const recordRef = h.component("Document", documentRecord);
  const pageRef = h.component("DocumentPage", documentPage);
  const json = (schema: unknown) => ({ "application/json": { schema } });
  const response = { type: "object", required: ["data"], properties: { data: recordRef } };
  const op = (meta: OperationMeta, rest: Record<string, unknown>) => ({ tags: ["Documents"], operationId: meta.operationId, summary: h.summary(meta), security: h.security, ...rest });
  const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  const uploadProblems = {
    "409": h.problem("The document changed since the version sent"),
    "413": h.problem("The file is larger than DOCUMENT_MAX_BYTES (20 MB by default); `limit` names the variable and its value"),
    "415": h.problem("The body is not multipart/form-data, or the file is not a PDF, DOCX, ODT, PNG or JPEG (`errors` names `file`)"),
    "422": h.problem("A field is invalid (e.g. no record has the owner id given, or no file); `errors` names each"),
  };
  const ownerFields = {
    agreementId: { type: "string", format: "uuid" },
    transferId: { type: "string", format: "uuid" },
    activityId: { type: "string", format: "uuid" },
    tiaId: { type: "string", format: "uuid" },
  };
  return {
    [DOCUMENTS_PATH]: {
      get: op(documentOperations.list, {
        parameters: h.query(z.object({ ...paginationQuery, ...ownerShape })),
        responses: { "200": { description: "One page", content: json(pageRef) }, "422": h.problem("Not exactly one owner id, or a parameter is invalid"), ...h.problems },
      }),
      post: op(documentOperations.create, {
        requestBody: uploadBody(
          { kind: { type: "string", enum: z.toJSONSchema(enumField("documentKind")).enum }, title: { type: "string", maxLength: 200 }, ...ownerFields },
          ["kind", "title"],
          "DOCUMENT_MAX_BYTES",
        ),
        responses: {
          "201": { description: "Created, as version 1", headers: { Location: { schema: { type: "string" } } }, content: json(response) },
                    ...uploadProblems,
          ...h.problems,
        },
      }),
    },
    [`${DOCUMENTS_PATH}/{id}`]: {
      parameters: [idParameter],
      get: op(documentOperations.get, {
        responses: { "200": { description: "The document and its versions, newest first", content: json(response) }, "404": h.problem("No document has this id"), ...h.problems },
      }),
    },
    [`${DOCUMENTS_PATH}/{id}/versions`]: {
      parameters: [idParameter],
      post: op(documentOperations.addVersion, {
        requestBody: uploadBody({ version: { type: "integer", minimum: 1 } }, [], "DOCUMENT_MAX_BYTES"),
        responses: {
          "201": { description: "The document with its new version", content: json(response) },
          "404": h.problem("No document has this id"),
          ...uploadProblems,
          ...h.problems,
        },
      }),
    },
    [`${DOCUMENTS_PATH}/{id}/versions/{n}/content`]: {
      parameters: [idParameter, { name: "n", in: "path", required: true, description: "The version number", schema: { type: "integer", minimum: 1 } }],
      get: op(documentOperations.content, {
        responses: {
          "200": {
            description: "The file as uploaded, in the type read from its bytes (attachment with an RFC 5987 file name, X-Content-Type-Options: nosniff, its SHA-256 in X-Content-SHA256)",
            // The type read from the bytes at upload.
            content: Object.fromEntries(ACCEPTED_DOCUMENT_TYPES.map((type) => [type.mediaType, { schema: { type: "string", contentEncoding: "binary" } }])),
          },
          "404": h.problem("No document has this id, or it has no such version"),
          ...h.problems,
        },
      }),
    },
  };
}
