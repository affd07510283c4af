import { z } from "zod";
import { MAX_BODY_BYTES } from "./body";
import { RESOURCE_CONTRACTS } from "./contracts";
import type { CustomOperation, OperationMeta, ResourceContract } from "./contracts/common";
import { meOperation, meResponse } from "./contracts/users";
import { notificationSettingsBody, notificationSettingsOperations, notificationSettingsRecord, webhookContract } from "./contracts/notifications";
import { FLAG_REMEDIATION_OPERATIONS, flagContract, flagRecord } from "./contracts/flags";
import { EXPORT_REPORTS, exportQuery } from "@/lib/exports/request";
import { importQuery, templateQuery, XLSX_MEDIA_TYPE } from "@/lib/import/request";
import { IMPORT_KINDS } from "@/lib/import/columns";
import { exportManifest } from "@/lib/exports/manifest";
import { documentOpenApiPaths } from "./contracts/documents";
import { createTiaBody, tiaContract, tiaPdfOperation, tiaPdfQuery, transferTiaOperations } from "./contracts/tia";

/*
 * The OpenAPI 3.1 document of /api/v1, built from the resource contracts (lib/api/contracts/*): each contract's
 * list query, bodies, record and list-row schemas become named components, and its operations paths. Requests
 * and responses are described by the very zod schemas the routes validate with and the services answer, so a
 * client generated from this document (openapi-typescript, orval) gets typed rows and records, and
 * tests/openapi-live.test.ts checks every live response against it. OpenAPI 3.1 schemas are JSON Schema 2020-12,
 * which is what z.toJSONSchema emits.
 */

type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });

/**
 * The named schemas of the document. Zod schemas are registered first and converted at the end, so that a
 * registered schema nested in another (a list row in its page, a flag in a record response) becomes a $ref to
 * its component rather than a copy: a generated client then has one `TransferListRow` type, not one per use.
 */
class Components {
  private readonly zodSchemas = new Map<string, z.ZodType>();
  private readonly names = new Map<z.ZodType, string>();
  private readonly jsonSchemas = new Map<string, JsonSchema>();

  /** A zod schema as a component; the request side reads it as input (defaults make fields optional). */
  add(name: string, schema: z.ZodType): { $ref: string } {
    const known = this.zodSchemas.get(name);
    if ((known && known !== schema) || this.jsonSchemas.has(name)) throw new Error(`Two schemas want the OpenAPI component name ${name}`);
    this.zodSchemas.set(name, schema);
    if (!this.names.has(schema)) this.names.set(schema, name);
    return ref(name);
  }

  addJson(name: string, schema: JsonSchema): { $ref: string } {
    if (this.has(name)) throw new Error(`Two schemas want the OpenAPI component name ${name}`);
    this.jsonSchemas.set(name, schema);
    return ref(name);
  }

  has(name: string): boolean {
    return this.zodSchemas.has(name) || this.jsonSchemas.has(name);
  }

  /** A zod schema as JSON Schema, its registered parts as $refs (`self` is the component being written, if any). */
  toJson(schema: z.ZodType, self?: string): JsonSchema {
    const { $schema: _dialect, ...converted } = z.toJSONSchema(schema, {
      // Input: what the wire carries before a transform (a country code is a string, not `{}`).
      io: "input",
      unrepresentable: "any",
      override: ({ zodSchema, jsonSchema }) => {
        // z.number().int() says "a safe integer" as bounds: noise for a reader and for a generated client.
        if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
        if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
        const name = this.names.get(zodSchema as unknown as z.ZodType);
        if (!name || zodSchema === (schema as unknown) || name === self) return;
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
        Object.assign(jsonSchema, ref(name));
      },
    }) as JsonSchema;
    return nullableTypes(converted) as JsonSchema;
  }

  build(): Record<string, JsonSchema> {
    const all: Record<string, JsonSchema> = {};
    for (const [name, schema] of this.zodSchemas) all[name] = this.toJson(schema, name);
    for (const [name, schema] of this.jsonSchemas) all[name] = schema;
    return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  }
}

/**
 * `anyOf: [{ type: "string", format: "date" }, { type: "null" }]` (how zod writes a nullable) as
 * `{ type: ["string", "null"], format: "date" }`: the same set of values, in the form client generators read
 * the format from (openapi-typescript drops it inside an anyOf). Only plain scalars are folded; enums, objects
 * and references keep the anyOf.
 */
function nullableTypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullableTypes);
  if (!value || typeof value !== "object") return value;
  const schema = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, nullableTypes(child)])) as JsonSchema;
  const variants = schema.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(variants) && variants.length === 2) {
    const nullIndex = variants.findIndex((variant) => variant.type === "null" && Object.keys(variant).length === 1);
    const other = variants[1 - nullIndex];
    if (nullIndex >= 0 && other && typeof other.type === "string" && other.type !== "object" && other.type !== "array" && !("enum" in other) && !("const" in other)) {
      const { anyOf: _anyOf, ...rest } = schema;
      return { ...rest, ...other, type: [other.type, "null"] };
    }
  }
  return schema;
}

const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe("Stable error code, e.g. validation_failed, version_conflict, unsupported_media_type"),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string().describe("In words, with labels: `must be one of: Draft; Awaiting review; …`"),
          allowed: z.array(z.string()).optional().describe("For a choice: the accepted codes, which a client sends (the message names their labels)"),
        }),
      )
      .optional()
      .describe("One entry per invalid field"),
    currentVersion: z.number().int().optional().describe("On a version conflict: the version stored now"),
  })
  .loose();

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

/** RFC 9110 §11.6.1: a 401 says how to authenticate. */
const unauthenticated = {
  description: "No valid bearer token or session",
  headers: {
    "WWW-Authenticate": {
      description: 'How to authenticate: `Bearer realm="api", Cookie`',
      required: true,
      schema: { type: "string" },
    },
  },
  content: { "application/problem+json": { schema: ref("Problem") } },
};

/** A bearer token over its per-minute limit (API_RATE_LIMIT, per instance). */
const rateLimited = {
  description: "Too many requests with this token; wait the seconds Retry-After gives",
  headers: { "Retry-After": { description: "Seconds until the token may call again", required: true, schema: { type: "integer" } } },
  content: { "application/problem+json": { schema: ref("Problem") } },
};

const PROBLEMS = { "401": unauthenticated, "403": problemResponse("The role may not do this"), "429": rateLimited };
const BODY_PROBLEMS = {
  "400": problemResponse("The body is not valid JSON"),
  "413": problemResponse(`The body is larger than ${MAX_BODY_BYTES} bytes`),
  "415": problemResponse("The body is not application/json"),
  "422": problemResponse("Some fields are invalid; `errors` names each"),
};

const ETAG_HEADER = { ETag: { description: 'The record version, e.g. "3"; send it back as If-Match', schema: { type: "string" } } };
const LOCATION_HEADER = { Location: { description: "URL of the new record", schema: { type: "string" } } };

/** Every operation but the public ones: a personal API token, or the app's session cookie (same-origin writes only). */
const AUTHENTICATED = [{ bearerAuth: [] }, { sessionCookie: [] }];
const PUBLIC: never[] = [];

const ifMatchParameter = {
  name: "If-Match",
  in: "header",
  required: false,
  description: 'The version edited ("3", W/"3" or 3), when the body has no `version`',
  schema: { type: "string" },
};

const versionQueryParameter = {
  name: "version",
  in: "query",
  required: false,
  description: "The version deleted, when no If-Match header is sent",
  schema: { type: "integer", minimum: 1 },
};

const CHANGED = "The record changed since that version (`currentVersion` says which it is now)";

/** "dpo, engineer" after the summary: who may call it, as the route's wrapper checks it. */
function summaryOf(meta: OperationMeta): string {
  const roles = meta.roles.join(", ");
  return meta.summary.includes(`(${roles}`) ? meta.summary : `${meta.summary} (${roles})`;
}

function operationOf(tag: string, meta: OperationMeta, rest: Record<string, unknown>) {
  return {
    tags: [tag],
    operationId: meta.operationId,
    summary: summaryOf(meta),
    ...(meta.description ? { description: meta.description } : {}),
    security: AUTHENTICATED,
    ...rest,
  };
}

function queryParameters(components: Components, schema: z.ZodObject) {
  const converted = components.toJson(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(converted.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: (converted.required ?? []).includes(name) && !("default" in property),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

function pathParameter(components: Components, name: string, schema: z.ZodType, description?: string) {
  return { name, in: "path", required: true, ...(description ? { description } : {}), schema: components.toJson(schema) };
}

/** One resource's components and paths, from its contract. */
function resourcePaths(components: Components, contract: ResourceContract) {
  const { name, tag, path, operations } = contract;
  const recordRef = components.add(contract.recordName ?? name, contract.record);
  components.add(`${name}ListRow`, contract.listRow);
  const pageRef = components.add(`${name}Page`, contract.listPage);
  const createRef = contract.createBody ? components.add(`${name}Create`, contract.createBody) : undefined;
  const updateRef = contract.updateBody ? components.add(`${name}Update`, contract.updateBody) : undefined;
  const responseRef = components.addJson(
    `${name}Response`,
    contract.withFlags
      ? {
          type: "object",
          description: `One ${name} with its open flags`,
          required: ["data", "flags"],
          properties: { data: recordRef, flags: { type: "array", items: ref("Flag") } },
        }
      : { type: "object", description: `One ${name}`, required: ["data"], properties: { data: recordRef } },
  );
  const idName = contract.idParam?.name ?? "id";
  const idParameter = contract.idParam
    ? pathParameter(components, idName, contract.idParam.schema, contract.idParam.description)
    : { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  const what = `No ${name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} has this ${idName}`;
  const withFlags = contract.withFlags ? ", with its open flags" : "";

  const collection: Record<string, unknown> = {};
  const item: Record<string, unknown> = { parameters: [idParameter] };
  if (operations.list) {
    collection.get = operationOf(tag, operations.list, {
      parameters: queryParameters(components, contract.listQuery),
      responses: {
        "200": { description: contract.listDescription ?? "One page", content: json(pageRef) },
        "422": problemResponse("A query parameter is invalid"),
        ...PROBLEMS,
      },
    });
  }
  if (operations.create && createRef) {
    collection.post = operationOf(tag, operations.create, {
      requestBody: { required: true, content: json(createRef) },
      responses: {
        "201": { description: `Created${withFlags}`, headers: { ...ETAG_HEADER, ...LOCATION_HEADER }, content: json(responseRef) },
        "409": problemResponse("Conflicts with an existing record (e.g. the same name)"),
        ...BODY_PROBLEMS,
        ...PROBLEMS,
      },
    });
  }
  if (operations.get) {
    item.get = operationOf(tag, operations.get, {
      responses: {
        "200": { description: `The record${withFlags}`, headers: ETAG_HEADER, content: json(responseRef) },
        "404": problemResponse(what),
        ...PROBLEMS,
      },
    });
  }
  if (operations.update && updateRef) {
    item.patch = operationOf(tag, operations.update, {
      parameters: [ifMatchParameter],
      requestBody: { required: true, content: json(updateRef) },
      responses: {
        "200": { description: `The updated record${withFlags}`, headers: ETAG_HEADER, content: json(responseRef) },
        "404": problemResponse(what),
        "409": problemResponse(`${CHANGED}, or a conflict`),
        "428": problemResponse("Neither `version` nor If-Match was sent"),
        ...BODY_PROBLEMS,
        ...PROBLEMS,
      },
    });
  }
  if (operations.delete) {
    const dependents = operations.deleteDependents;
    item.delete = operationOf(tag, operations.delete, {
      parameters: [{ ...ifMatchParameter, description: 'The version deleted ("3", W/"3" or 3); or send ?version=' }, versionQueryParameter],
      responses: {
        "204": { description: "Deleted; the audit event keeps its last state (point-in-time exports still show it)" },
        "404": problemResponse(what),
        "409": problemResponse(dependents ? `${CHANGED}, or ${dependents} (\`dependents\` names them)` : CHANGED),
        "422": problemResponse("The version is not a whole number, or If-Match and ?version= disagree"),
        "428": problemResponse("Neither If-Match nor ?version= was sent"),
        ...PROBLEMS,
      },
    });
  }

  const paths: Record<string, Record<string, unknown>> = {};
  if (Object.keys(collection).length > 0) paths[path] = collection;
  if (Object.keys(item).length > 1) paths[`${path}/{${idName}}`] = item;
  for (const custom of contract.customOperations ?? []) {
    const urlPath = `${path}${custom.pathSuffix}`;
    const entry = (paths[urlPath] ??= {});
    const { operation, pathParameters } = customOperation(components, contract, custom, { idParameter, responseRef, what });
    if (pathParameters.length > 0) entry.parameters = pathParameters;
    entry[custom.method] = operation;
  }
  return paths;
}

function customOperation(
  components: Components,
  contract: ResourceContract,
  custom: CustomOperation,
  { idParameter, responseRef, what }: { idParameter: { name: string }; responseRef: { $ref: string }; what: string },
) {
  const variables = [...custom.pathSuffix.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const pathParameters = variables.map((variable) =>
    variable === idParameter.name
      ? idParameter
      : pathParameter(components, variable, custom.pathParams?.[variable] ?? z.string()),
  );
  const responseSchema =
    custom.response === "record"
      ? responseRef
      : custom.responseName
        ? components.add(custom.responseName, custom.response)
        : components.toJson(custom.response);
  for (const [componentName, schema] of Object.entries(custom.bodyComponents ?? {})) components.add(componentName, schema);
  const bodyName = Object.entries(custom.bodyComponents ?? {}).find(([, schema]) => schema === custom.body)?.[0];
  const problems = Object.fromEntries(Object.entries(custom.problems ?? {}).map(([status, description]) => [status, problemResponse(description!)]));
  const bodyProblems = custom.body ? BODY_PROBLEMS : {};
  const operation = operationOf(contract.tag, custom, {
    parameters: [...(custom.ifMatch ? [ifMatchParameter] : []), ...(custom.query ? queryParameters(components, custom.query) : [])],
    ...(custom.body
      ? {
          requestBody: {
            required: !custom.bodyOptional,
            ...(custom.bodyOptional ? { description: "May be left out when the version comes as If-Match" } : {}),
            content: json(bodyName ? ref(bodyName) : components.toJson(custom.body)),
          },
        }
      : {}),
    responses: {
      [String(custom.successStatus ?? 200)]: {
        description: custom.successStatus === 201 ? "Created" : custom.response === "record" ? "The record in its new state" : "The result",
        ...(custom.successStatus === 201 ? { headers: { ...ETAG_HEADER, ...LOCATION_HEADER } } : custom.response === "record" ? { headers: ETAG_HEADER } : {}),
        content: json(responseSchema),
      },
      ...(variables.includes(idParameter.name) && !custom.problems?.["404"] ? { "404": problemResponse(what) } : {}),
      ...(custom.ifMatch ? { "428": problemResponse("Neither `version` nor If-Match was sent") } : {}),
      ...bodyProblems,
      ...problems,
      ...PROBLEMS,
      ...(custom.problems?.["403"] ? { "403": problemResponse(custom.problems["403"]) } : {}),
    },
  });
  return { operation, pathParameters };
}

const healthResponse = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  migration: z.string().nullable().describe("The last migration applied"),
});
const healthProblem = z.object({ status: z.literal("unavailable"), reason: z.string() });

/** The caller's reminders (lib/api/contracts/notifications.ts): the role's defaults (version 0) until saved. */
function notificationSettingsPaths(components: Components) {
  const { get, put } = notificationSettingsOperations;
  const answer = { type: "object", required: ["data"], properties: { data: components.add("NotificationSettings", notificationSettingsRecord) } };
  return {
    get: { tags: ["Account"], operationId: get.operationId, summary: summaryOf(get), security: AUTHENTICATED, responses: { "200": { description: "Your settings", headers: ETAG_HEADER, content: json(answer) }, ...PROBLEMS } },
    put: {
      tags: ["Account"],
      operationId: put.operationId,
      summary: summaryOf(put),
      security: AUTHENTICATED,
      requestBody: { required: true, content: json(components.add("NotificationSettingsInput", notificationSettingsBody)) },
      responses: {
        "200": { description: "Your settings as saved", headers: ETAG_HEADER, content: json(answer) },
        "409": problemResponse("The settings changed since the version sent (`currentVersion` says which it is now)"),
        ...BODY_PROBLEMS,
        ...PROBLEMS,
      },
    },
  };
}

/** The service's own endpoints: who am I, this document, liveness. */
function servicePaths(components: Components) {
  return {
    "/api/v1/me": {
      get: {
        tags: ["Account"],
        operationId: meOperation.operationId,
        summary: summaryOf(meOperation),
        security: AUTHENTICATED,
        responses: { "200": { description: "The caller", content: json(components.add("Me", meResponse)) }, ...PROBLEMS },
      },
    },
    "/api/v1/me/notification-settings": notificationSettingsPaths(components),
    "/api/v1/openapi.json": {
      get: {
        tags: ["Service"],
        operationId: "getOpenApi",
        summary: "This document (public: no token needed)",
        security: PUBLIC,
        responses: {
          "200": {
            description: "OpenAPI 3.1",
            content: json({ type: "object", required: ["openapi", "info", "paths"], properties: { openapi: { type: "string" } }, additionalProperties: true }),
          },
        },
      },
    },
    "/api/health": {
      get: {
        tags: ["Service"],
        operationId: "getHealth",
        summary: "Liveness and readiness for a load balancer (public)",
        security: PUBLIC,
        responses: {
          "200": { description: "The database answers", content: json(components.add("Health", healthResponse)) },
          "503": { description: "The database does not answer, or the authentication configuration is broken (the reason names the setting, never its value)", content: json(components.add("HealthUnavailable", healthProblem)) },
        },
      },
    },
  };
}

const planCounts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() });
const sheetCounts = z.object({ entities: planCounts, processors: planCounts, transfers: planCounts });

/** The dry run's answer (lib/import/validate.ts ImportValidation): every problem, and what a commit would do. */
const importValidation = z.object({
  valid: z.boolean().describe("No problem: a commit would succeed"),
  problems: z.array(
    z.object({
      sheet: z.enum(IMPORT_KINDS),
      row: z.number().int().describe("1-based spreadsheet row, the header being row 1"),
      column: z.string(),
      message: z.string(),
    }),
  ).describe("The first 1,000 problems, by sheet and row"),
  problemCount: z.number().int().describe("Every problem found; more than the list holds when the file has over 1,000"),
  plan: planCounts.extend({ bySheet: sheetCounts }),
});

/** The commit's answer (lib/import/commit.ts ImportCommitResult). */
const importCommit = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  bySheet: sheetCounts,
});

/** Bulk import (lib/import) and the register exports (lib/exports): files in and out rather than JSON records. */
function fileTransferPaths(components: Components) {
  const importFile = {
    "text/csv": { schema: { type: "string", description: "One sheet's rows, with `kind` in the query" } },
    [XLSX_MEDIA_TYPE]: { schema: { type: "string", contentEncoding: "binary", description: "Both sheets of the template" } },
  };
  const reportParameter = { name: "report", in: "path", required: true, schema: { type: "string", enum: [...EXPORT_REPORTS] } };
  return {
    "/api/v1/import": {
      post: {
        tags: ["Import"],
        operationId: "importFile",
        summary:
          "Import processors and transfers from the CSV or XLSX template. dryRun=true (default) reports every problem by sheet, row and column; dryRun=false commits all or nothing, idempotently (dpo, engineer)",
        security: AUTHENTICATED,
        parameters: queryParameters(components, importQuery),
        requestBody: { required: true, content: importFile },
        responses: {
          "200": {
            description: "The dry-run report (dryRun=true), or the committed counts (dryRun=false)",
            content: json({ anyOf: [components.add("ImportValidation", importValidation), components.add("ImportCommitResult", importCommit)] }),
          },
          "400": problemResponse("The file cannot be read as CSV or XLSX"),
          "413": problemResponse("The file is too large"),
          "415": problemResponse("The body is neither CSV nor XLSX"),
          "422": problemResponse("A query parameter is invalid, or (on commit) some rows are; `errors` names each row and column"),
          ...PROBLEMS,
        },
      },
    },
    "/api/v1/import/template": {
      get: {
        tags: ["Import"],
        operationId: "getImportTemplate",
        summary: "The import template: format=xlsx (both sheets and a read-me) or format=csv with kind=processors|transfers (dpo, engineer)",
        security: AUTHENTICATED,
        parameters: queryParameters(components, templateQuery),
        responses: {
          "200": {
            description: "The template file",
            content: { "text/csv": { schema: { type: "string" } }, [XLSX_MEDIA_TYPE]: { schema: { type: "string", contentEncoding: "binary" } } },
          },
          "422": problemResponse("A query parameter is invalid (e.g. format=csv without kind)"),
          ...PROBLEMS,
        },
      },
    },
    "/api/v1/exports/{report}": {
      parameters: [reportParameter],
      get: {
        tags: ["Exports"],
        operationId: "exportReport",
        summary: "Export a register as a file; only approved records unless pending=include, which marks pending ones (dpo, auditor)",
        security: AUTHENTICATED,
        parameters: queryParameters(components, exportQuery),
        responses: {
          "200": {
            description: "The export file (attachment), or its integrity manifest when manifest=1",
            content: {
              "text/csv": { schema: { type: "string" } },
              [XLSX_MEDIA_TYPE]: { schema: { type: "string", contentEncoding: "binary" } },
              "application/json": {
                schema: {
                  anyOf: [
                    components.add("ExportManifest", exportManifest),
                    { type: "object", description: "format=json: the report as JSON, described by GET /api/v1/exports/{report}/schema" },
                  ],
                },
              },
              "application/pdf": { schema: { type: "string", contentEncoding: "binary" } },
            },
          },
          "404": problemResponse("No export has this name"),
          "422": problemResponse("A query parameter is invalid"),
          ...PROBLEMS,
        },
      },
    },
    "/api/v1/exports/{report}/schema": {
      parameters: [reportParameter],
      get: {
        tags: ["Exports"],
        operationId: "exportJsonSchema",
        summary: "The JSON Schema of a report's JSON export (versioned with the export's schemaVersion) (dpo, engineer, auditor)",
        security: AUTHENTICATED,
        responses: {
          "200": { description: "A JSON Schema (2020-12)", content: { "application/schema+json": { schema: { type: "object" } } } },
          "404": problemResponse("No export has this name"),
          ...PROBLEMS,
        },
      },
    },
  };
}



/**
 * Transfer impact assessments beyond their contract's own paths (lib/api/contracts/tia.ts): a transfer's
 * assessments and a new draft under the transfer, and the assessment as a PDF.
 */
function tiaPaths(components: Components) {
  const transferId = { name: "id", in: "path", required: true, description: "The transfer's id", schema: { type: "string", format: "uuid" } };
  const { list, create } = transferTiaOperations;
  const tag = tiaContract.tag;
  return {
    "/api/v1/transfers/{id}/tia": {
      parameters: [transferId],
      get: operationOf(tag, list, {
        parameters: queryParameters(components, tiaContract.listQuery),
        responses: {
          "200": { description: "One page, newest first", content: json(ref("TransferImpactAssessmentPage")) },
          "404": problemResponse("No transfer has this id"),
          "422": problemResponse("A query parameter is invalid"),
          ...PROBLEMS,
        },
      }),
      post: operationOf(tag, create, {
        requestBody: { required: false, content: json(components.add("TransferImpactAssessmentCreate", createTiaBody)) },
        responses: {
          "201": { description: "The new draft", headers: { ...ETAG_HEADER, ...LOCATION_HEADER }, content: json(ref("TransferImpactAssessmentResponse")) },
          "404": problemResponse("No transfer has this id"),
          "409": problemResponse("The transfer already has a draft assessment (`dependents` names it)"),
          ...BODY_PROBLEMS,
          ...PROBLEMS,
        },
      }),
    },
    "/api/v1/tia/{id}/pdf": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      get: operationOf(tag, tiaPdfOperation, {
        parameters: queryParameters(components, tiaPdfQuery),
        responses: {
          "200": { description: "The PDF (attachment); X-Content-SHA256 is the hash the audit event records", content: { "application/pdf": { schema: { type: "string", contentEncoding: "binary" } } } },
          "404": problemResponse("No transfer impact assessment has this id"),
          "422": problemResponse("A query parameter is invalid"),
          ...PROBLEMS,
        },
      }),
    },
  };
}

export function buildOpenApiDocument({ serverUrl }: { serverUrl?: string } = {}) {
  const components = new Components();
  components.addJson("Problem", components.toJson(problem));
  // The open flags a record's response carries (lib/services/write-record.ts openFlagsOf): the flag record.
  components.add("Flag", flagRecord);
  // The flags' remediation endpoints (issue 17: comments, revoking an acceptance) beside their acceptance's.
  const contracts = RESOURCE_CONTRACTS.map((contract) =>
    contract.path === flagContract.path ? { ...contract, customOperations: [...(contract.customOperations ?? []), ...FLAG_REMEDIATION_OPERATIONS] } : contract,
  );
  const resourcePathsByContract = [...contracts, tiaContract, webhookContract].map((contract) => resourcePaths(components, contract));
  // Documents are uploaded as multipart/form-data: the resource describes its own paths (lib/api/contracts/documents.ts).
  const documentPaths = documentOpenApiPaths({
    component: (name, schema) => components.add(name, schema),
    problem: problemResponse,
    problems: PROBLEMS,
    query: (schema) => queryParameters(components, schema),
    security: AUTHENTICATED,
    summary: summaryOf,
  });
  const paths = Object.assign({}, servicePaths(components), ...resourcePathsByContract, documentPaths, fileTransferPaths(components), tiaPaths(components));
  const tags = [...new Set([...contracts, tiaContract, webhookContract].map((contract) => contract.tag))];
  return {
    openapi: "3.1.0",
    info: {
      title: "Transfer governance API",
      version: "1",
      description:
        "Processors and cross-border transfers, their review, flags, data categories, safeguard agreements and processing activities. Authenticate with a personal API token: `Authorization: Bearer <token>` (or, from the app itself, its session cookie). Errors are RFC 9457 problem+json.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: AUTHENTICATED,
    tags: [
      { name: "Account", description: "The caller" },
      ...tags.map((name) => ({ name })),
      { name: "Documents", description: "Signed agreements and assessments filed with a record, their versions and SHA-256" },
      { name: "Import", description: "Bulk import from the CSV or XLSX template" },
      { name: "Exports", description: "Register exports as files" },
      { name: "Service", description: "This document and the health check (public)" },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token (Settings → API tokens)" },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The app's session after signing in (`__Secure-next-auth.session-token` over HTTPS); writes must come from the app's own origin",
        },
      },
      schemas: components.build(),
    },
  };
}
