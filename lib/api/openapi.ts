import { z } from "zod";
import { FLAG_STATUSES, RECORD_STATUSES, SEVERITIES } from "@/db/schema/enums";
import { createProcessorInput, updateProcessorInput } from "@/lib/validation/processor";
import { MAX_BODY_BYTES } from "./body";
import { processorListQuery, transferListQuery } from "./params";
import { createTransferBody, updateTransferBody } from "./transfers";

/*
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers validate with, so
 * that the document cannot drift from what the API accepts. OpenAPI 3.1 schemas are JSON Schema 2020-12,
 * which is what z.toJSONSchema emits.
 */

type JsonSchema = Record<string, unknown>;

/** The request side ("input"): defaults make a field optional; refinements (country list, URL) are not expressible. */
function schemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const timestamp = z.string().meta({ format: "date-time" });
const recordId = z.string().meta({ format: "uuid" });

/** The stored record as responses carry it: every field present, dates as ISO strings. */
function recordSchema(fields: z.ZodObject, extra: z.ZodRawShape): z.ZodType {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, schema]) => [key, schema instanceof z.ZodDefault ? schema.unwrap() : schema]),
  ) as z.ZodRawShape;
  return z.object({ id: recordId, ...shape, ...extra, version: z.number().int(), createdAt: timestamp, updatedAt: timestamp });
}

const processorRecord = recordSchema(createProcessorInput, {
  status: z.enum(RECORD_STATUSES),
  createdByUserId: recordId.nullable(),
  submittedAt: timestamp.nullable(),
  reviewedByUserId: recordId.nullable(),
  reviewedAt: timestamp.nullable(),
  reviewComment: z.string().nullable(),
});

const transferRecord = recordSchema(createTransferBody, { createdByUserId: recordId.nullable() });

const flag = z
  .object({
    id: recordId,
    ruleId: z.string(),
    subjectType: z.enum(["transfer", "processor", "agreement"]),
    subjectId: recordId,
    severity: z.enum(SEVERITIES),
    message: z.string(),
    citation: z.string().nullable(),
    remediation: z.string().nullable(),
    status: z.enum(FLAG_STATUSES),
    firstSeenAt: timestamp,
    lastSeenAt: timestamp,
  })
  .loose();

const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe("Stable error code, e.g. validation_failed, version_conflict, unsupported_media_type"),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe("One entry per invalid field"),
    currentVersion: z.number().int().optional().describe("On a version conflict: the version stored now"),
  })
  .loose();

const page = (item: JsonSchema) => ({
  type: "object",
  required: ["data", "page", "pageSize", "total"],
  properties: { data: { type: "array", items: item }, page: { type: "integer" }, pageSize: { type: "integer" }, total: { type: "integer" } },
});

const withFlags = (name: string) => ({
  type: "object",
  required: ["data", "flags"],
  properties: { data: ref(name), flags: { type: "array", items: ref("Flag") } },
});

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

const PROBLEMS = {
  "401": problemResponse("No valid bearer token or session"),
  "403": problemResponse("The role may not do this"),
};
const BODY_PROBLEMS = {
  "400": problemResponse("The body is not valid JSON"),
  "413": problemResponse(`The body is larger than ${MAX_BODY_BYTES} bytes`),
  "415": problemResponse("The body is not application/json"),
  "422": problemResponse("Some fields are invalid; `errors` names each"),
};

const ETAG_HEADER = { ETag: { description: 'The record version, e.g. "3"; send it back as If-Match', schema: { type: "string" } } };

function queryParameters(schema: z.ZodObject) {
  const json = schemaOf(schema) as { properties: Record<string, JsonSchema> };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const ifMatchParameter = {
  name: "If-Match",
  in: "header",
  required: false,
  description: 'The version edited ("3", W/"3" or 3), when the body has no `version`',
  schema: { type: "string" },
};

function resource({ tag, singular, listQuery, collection }: { tag: string; singular: string; listQuery: z.ZodObject; collection: string }) {
  return {
    [collection]: {
      get: {
        tags: [tag],
        operationId: `list${tag}`,
        summary: `List ${tag.toLowerCase()} (all roles)`,
        parameters: queryParameters(listQuery),
        responses: {
          "200": { description: "One page", content: { "application/json": { schema: page({ type: "object" }) } } },
          "422": problemResponse("A query parameter is invalid"),
          ...PROBLEMS,
        },
      },
      post: {
        tags: [tag],
        operationId: `create${singular}`,
        summary: `Create a ${singular.toLowerCase()} (dpo, engineer)`,
        requestBody: { required: true, content: { "application/json": { schema: ref(`${singular}Create`) } } },
        responses: {
          "201": {
            description: "Created, with its open flags",
            headers: { ...ETAG_HEADER, Location: { description: "URL of the new record", schema: { type: "string" } } },
            content: { "application/json": { schema: withFlags(singular) } },
          },
          "409": problemResponse("Conflicts with an existing record (e.g. the same name)"),
          ...BODY_PROBLEMS,
          ...PROBLEMS,
        },
      },
    },
    [`${collection}/{id}`]: {
      parameters: [idParameter],
      get: {
        tags: [tag],
        operationId: `get${singular}`,
        summary: `Read one ${singular.toLowerCase()} with its open flags (all roles)`,
        responses: {
          "200": { description: "The record", headers: ETAG_HEADER, content: { "application/json": { schema: withFlags(singular) } } },
          "404": problemResponse("No record has this id"),
          ...PROBLEMS,
        },
      },
      patch: {
        tags: [tag],
        operationId: `update${singular}`,
        summary: `Change some fields of a ${singular.toLowerCase()} (dpo, engineer)`,
        parameters: [ifMatchParameter],
        requestBody: { required: true, content: { "application/json": { schema: ref(`${singular}Update`) } } },
        responses: {
          "200": { description: "The updated record", headers: ETAG_HEADER, content: { "application/json": { schema: withFlags(singular) } } },
          "404": problemResponse("No record has this id"),
          "409": problemResponse("The record changed since that version (`currentVersion` says which it is now), or a conflict"),
          "428": problemResponse("Neither `version` nor If-Match was sent"),
          ...BODY_PROBLEMS,
          ...PROBLEMS,
        },
      },
    },
  };
}

export function buildOpenApiDocument({ serverUrl }: { serverUrl?: string } = {}) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Transfer governance API",
      version: "1",
      description:
        "Processors and cross-border transfers. Authenticate with a personal API token: `Authorization: Bearer <token>`. Errors are RFC 9457 problem+json.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearerAuth: [] }],
    paths: {
      "/api/v1/me": {
        get: {
          operationId: "getMe",
          summary: "The token's user and role",
          responses: {
            "200": { description: "The caller", content: { "application/json": { schema: { type: "object" } } } },
            ...PROBLEMS,
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } }, ...PROBLEMS },
        },
      },
      ...resource({ tag: "Processors", singular: "Processor", listQuery: processorListQuery, collection: "/api/v1/processors" }),
      ...resource({ tag: "Transfers", singular: "Transfer", listQuery: transferListQuery, collection: "/api/v1/transfers" }),
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token (Settings → API tokens)" } },
      schemas: {
        ProcessorCreate: schemaOf(createProcessorInput),
        ProcessorUpdate: schemaOf(updateProcessorInput),
        Processor: schemaOf(processorRecord),
        TransferCreate: schemaOf(createTransferBody),
        TransferUpdate: schemaOf(updateTransferBody),
        Transfer: schemaOf(transferRecord),
        Flag: schemaOf(flag),
        Problem: schemaOf(problem),
      },
    },
  };
}
