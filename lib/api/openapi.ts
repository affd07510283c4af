import { z } from "zod";
import {
  ART9_CONDITIONS,
  CCPA_CATEGORIES,
  DISCLOSURE_TYPES,
  DOJ_CATEGORIES,
  FLAG_STATUSES,
  FLAG_SUBJECT_TYPES,
  LEGAL_BASES,
  RECORD_STATUSES,
  SEVERITIES,
} from "@/db/schema/enums";
import {
  activityListQuery,
  agreementListQuery,
  createAgreementBody,
  dataCategoryListQuery,
  flagListQuery,
  updateAgreementBody,
} from "@/lib/review/api-schemas";
import { REVIEW_ACTIONS, rejectProcessorInput, submitProcessorInput } from "@/lib/review/schemas";
import { createActivityInput } from "@/lib/activities/create";
import { updateActivityInput } from "@/lib/validation/activity";
import { updateCategoryClassificationInput } from "@/lib/validation/category";
import { acceptRiskInput } from "@/lib/validation/flag";
import { bulkAcceptRiskInput } from "@/lib/flags/service";
import { createProcessorInput, updateProcessorInput } from "@/lib/validation/processor";
import { duplicatesQuery } from "@/lib/processors/duplicates";
import { MAX_BODY_BYTES } from "./body";
import { processorListQuery } from "./params";
import { createTransferBody, transferListQuery, updateTransferBody } from "./contracts/transfers";
import { EXPORT_REPORTS, exportQuery } from "@/lib/exports/request";
import { importQuery, templateQuery, XLSX_MEDIA_TYPE } from "@/lib/import/request";

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
    subjectType: z.enum(FLAG_SUBJECT_TYPES),
    processorId: recordId.nullable(),
    subjectId: recordId,
    severity: z.enum(SEVERITIES),
    message: z.string(),
    citation: z.string().nullable(),
    remediation: z.string().nullable(),
    status: z.enum(FLAG_STATUSES),
    firstSeenAt: timestamp,
    lastSeenAt: timestamp,
    acceptedByUserId: recordId.nullable(),
    acceptanceJustification: z.string().nullable(),
    acceptedUntil: z.string().meta({ format: "date" }).nullable(),
    version: z.number().int(),
  })
  .loose();

const agreementRecord = recordSchema(createAgreementBody, {});

const dataCategoryRecord = z.object({
  key: z.string().meta({ examples: ["user.contact.email"] }),
  parentKey: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  gdprSpecial: z.boolean().describe("GDPR Art. 9(1) special category"),
  ccpaCategory: z.enum(CCPA_CATEGORIES).nullable().describe("Cal. Civ. Code 1798.140(v)(1) category letter"),
  ccpaSensitive: z.boolean().describe("Cal. Civ. Code 1798.140(ae)"),
  piplSensitive: z.boolean().describe("PIPL Art. 28"),
  dojCategory: z.enum(DOJ_CATEGORIES).describe("28 CFR 202.249"),
  dojListedIdentifier: z.boolean().describe("28 CFR 202.234"),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const activityRecord = z.object({
  id: recordId,
  name: z.string(),
  controllerEntityId: recordId,
  jointController: z.string().nullable(),
  businessFunction: z.string().nullable(),
  purpose: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  legitimateInterest: z.string().nullable(),
  art9Condition: z.enum(ART9_CONDITIONS).nullable(),
  disclosureType: z.enum(DISCLOSURE_TYPES),
  dataSubjectCategories: z.array(z.string()),
  retentionPeriod: z.string().nullable(),
  securityMeasures: z.string().nullable(),
  source: z.string().nullable(),
  automatedDecisionMaking: z.boolean(),
  dpiaRequired: z.boolean(),
  dpiaReference: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

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

function resource({
  tag,
  singular,
  listQuery,
  listSummary = `List ${tag.toLowerCase()} (all roles)`,
  collection,
  deletion,
}: {
  tag: string;
  singular: string;
  listQuery: z.ZodObject;
  listSummary?: string;
  collection: string;
  /** What the DELETE says it does, and which records block it. */
  deletion: { summary: string; dependents: string };
}) {
  return {
    [collection]: {
      get: {
        tags: [tag],
        operationId: `list${tag}`,
        summary: listSummary,
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
      delete: deleteOperation({ tag, operationId: `delete${singular}`, ...deletion }),
    },
  };
}

const json = (schema: unknown) => ({ "application/json": { schema } });
const record = (name: string) => ({ type: "object", required: ["data"], properties: { data: ref(name) } });

/** A record without flags in its responses (agreements, activities, categories, flags themselves). */
function readOperation({ tag, operationId, summary, name, what }: { tag: string; operationId: string; summary: string; name: string; what: string }) {
  return {
    tags: [tag],
    operationId,
    summary,
    responses: {
      "200": { description: "The record", headers: ETAG_HEADER, content: json(record(name)) },
      "404": problemResponse(`No ${what} has this ${name === "DataCategory" ? "key" : "id"}`),
      ...PROBLEMS,
    },
  };
}

function writeOperation({
  tag,
  operationId,
  summary,
  body,
  name,
  conflict = "The record changed since that version (`currentVersion` says which it is now)",
}: {
  tag: string;
  operationId: string;
  summary: string;
  body: string;
  name: string;
  conflict?: string;
}) {
  return {
    tags: [tag],
    operationId,
    summary,
    parameters: [ifMatchParameter],
    requestBody: { required: true, content: json(ref(body)) },
    responses: {
      "200": { description: "The updated record", headers: ETAG_HEADER, content: json(record(name)) },
      "404": problemResponse("No such record"),
      "409": problemResponse(conflict),
      "428": problemResponse("Neither `version` nor If-Match was sent"),
      ...BODY_PROBLEMS,
      ...PROBLEMS,
    },
  };
}

const versionQueryParameter = {
  name: "version",
  in: "query",
  required: false,
  description: "The version deleted, when no If-Match header is sent",
  schema: { type: "integer", minimum: 1 },
};

/** DELETE of one record at the version the client saw (If-Match or ?version=): 204, or a problem. */
function deleteOperation({ tag, operationId, summary, dependents }: { tag: string; operationId: string; summary: string; dependents?: string }) {
  const changed = "The record changed since that version (`currentVersion` says which it is now)";
  return {
    tags: [tag],
    operationId,
    summary,
    parameters: [{ ...ifMatchParameter, description: 'The version deleted ("3", W/"3" or 3); or send ?version=' }, versionQueryParameter],
    responses: {
      "204": { description: "Deleted; the audit event keeps its last state (point-in-time exports still show it)" },
      "404": problemResponse("No such record"),
      "409": problemResponse(dependents ? `${changed}, or ${dependents} (\`dependents\` names them)` : changed),
      "422": problemResponse("The version is not a whole number, or If-Match and ?version= disagree"),
      "428": problemResponse("Neither If-Match nor ?version= was sent"),
      ...PROBLEMS,
    },
  };
}

function createOperation({ tag, operationId, summary, body, name }: { tag: string; operationId: string; summary: string; body: string; name: string }) {
  return {
    tags: [tag],
    operationId,
    summary,
    requestBody: { required: true, content: json(ref(body)) },
    responses: {
      "201": {
        description: "Created",
        headers: { ...ETAG_HEADER, Location: { description: "URL of the new record", schema: { type: "string" } } },
        content: json(record(name)),
      },
      "409": problemResponse("Conflicts with an existing record (e.g. the same name)"),
      ...BODY_PROBLEMS,
      ...PROBLEMS,
    },
  };
}

function listOperation({ tag, operationId, summary, query, paged = true }: { tag: string; operationId: string; summary: string; query: z.ZodObject; paged?: boolean }) {
  const item = ref(tag === "Flags" ? "Flag" : tag === "Agreements" ? "Agreement" : tag === "Activities" ? "Activity" : "DataCategory");
  return {
    tags: [tag],
    operationId,
    summary,
    parameters: queryParameters(query),
    responses: {
      "200": {
        description: paged ? "One page" : "Every matching record",
        content: json(
          paged
            ? page(item)
            : { type: "object", required: ["data", "total"], properties: { data: { type: "array", items: item }, total: { type: "integer" } } },
        ),
      },
      "422": problemResponse("A query parameter is invalid"),
      ...PROBLEMS,
    },
  };
}

/** The review workflow, flags, the category taxonomy, agreements and processing activities. */
function reviewAndReferencePaths() {
  return {
    "/api/v1/processors/{id}/{action}": {
      parameters: [idParameter, { name: "action", in: "path", required: true, schema: { type: "string", enum: [...REVIEW_ACTIONS] } }],
      post: {
        tags: ["Processors"],
        operationId: "reviewProcessor",
        summary:
          "submit (the engineer who registered it, or the DPO): draft or rejected → submitted, with its draft transfers; approve (DPO): submitted → approved, with its submitted transfers; reject (DPO, comment required): submitted → rejected",
        parameters: [ifMatchParameter],
        requestBody: {
          required: false,
          description: "`{ version, comment? }`; to reject, `comment` is required. Without a body, the version comes from If-Match.",
          content: json({ oneOf: [ref("ReviewInput"), ref("RejectInput")] }),
        },
        responses: {
          "200": { description: "The processor in its new state, with its open flags", headers: ETAG_HEADER, content: json(withFlags("Processor")) },
          "404": problemResponse("No processor has this id, or the action is not submit, approve or reject"),
          "409": problemResponse("The processor changed since that version, or its status does not allow the action (e.g. approving an approved vendor)"),
          "428": problemResponse("Neither `version` nor If-Match was sent"),
          ...BODY_PROBLEMS,
          ...PROBLEMS,
          "403": problemResponse("The role may not do this: approve and reject are for the DPO; an engineer submits only the vendors they registered"),
        },
      },
    },
    "/api/v1/flags": {
      get: listOperation({ tag: "Flags", operationId: "listFlags", summary:
          "List flags, worst first (all roles); `view=register` answers the register page rows (rule title, subject names and links; open flags unless `status` says otherwise, `status=all` for every status) and accepts `q` (rule title or id, processor name)", query: flagListQuery }),
    },
    "/api/v1/flags/{id}": {
      parameters: [idParameter],
      get: readOperation({ tag: "Flags", operationId: "getFlag", summary: "Read one flag (all roles)", name: "Flag", what: "flag" }),
    },
    "/api/v1/processors/duplicates": {
      get: {
        tags: ["Processors"],
        operationId: "findProcessorDuplicates",
        summary: "Processors (any status) that may be the vendor about to be registered: the same or a similar normalised name, or the same website domain (dpo, engineer)",
        parameters: queryParameters(duplicatesQuery),
        responses: {
          "200": {
            description: "Possible duplicates, exact names first",
            content: json({
              type: "object",
              required: ["data"],
              properties: {
                data: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["id", "name", "website", "status", "reasons"],
                    properties: {
                      id: { type: "string", format: "uuid" },
                      name: { type: "string" },
                      website: { type: ["string", "null"] },
                      status: { type: "string", enum: [...RECORD_STATUSES] },
                      reasons: { type: "array", items: { type: "string", enum: ["same_name", "similar_name", "same_domain"] } },
                    },
                  },
                },
              },
            }),
          },
          "422": problemResponse("Neither name nor website was given, or a parameter is invalid"),
          ...PROBLEMS,
        },
      },
    },
    "/api/v1/flags/accept": {
      post: {
        tags: ["Flags"],
        operationId: "acceptFlagRisks",
        summary: "Accept several flags' risks at once, all or nothing, with one justification and end date (dpo)",
        requestBody: { required: true, content: json(ref("FlagBulkAccept")) },
        responses: {
          "200": { description: "The accepted flags", content: json({ type: "object", required: ["data"], properties: { data: { type: "array", items: ref("Flag") } } }) },
          "404": problemResponse("One of the ids is not a flag"),
          "409": problemResponse("One of the flags changed since the version sent, or is resolved; nothing was accepted"),
          ...BODY_PROBLEMS,
          ...PROBLEMS,
        },
      },
    },
    "/api/v1/flags/{id}/accept": {
      parameters: [idParameter],
      post: {
        ...writeOperation({
          tag: "Flags",
          operationId: "acceptFlagRisk",
          summary: "Accept a flag's risk with a justification and an end date, at most 24 months ahead (dpo)",
          body: "FlagAccept",
          name: "Flag",
          conflict: "The flag changed since that version, or it is resolved",
        }),
      },
    },
    "/api/v1/data-categories": {
      get: listOperation({
        tag: "DataCategories",
        operationId: "listDataCategories",
        summary:
          "The data-category taxonomy with its classification under each regime (all roles); `view=register` answers one page of the register page rows (with transfer counts) and accepts `page`, `pageSize`, `classification` (gdpr_special, ccpa_sensitive, pipl_sensitive, doj_covered), `sort` (key, name, transfers) and `direction`",
        query: dataCategoryListQuery,
        paged: false,
      }),
    },
    "/api/v1/data-categories/{key}": {
      parameters: [{ name: "key", in: "path", required: true, schema: { type: "string", examples: ["user.biometric.face"] } }],
      get: readOperation({ tag: "DataCategories", operationId: "getDataCategory", summary: "Read one category (all roles)", name: "DataCategory", what: "category" }),
      patch: writeOperation({
        tag: "DataCategories",
        operationId: "updateDataCategory",
        summary: "Reclassify a category; the flags of every processor receiving it are re-evaluated (dpo)",
        body: "DataCategoryUpdate",
        name: "DataCategory",
      }),
    },
    "/api/v1/agreements": {
      get: listOperation({ tag: "Agreements", operationId: "listAgreements", summary: "List safeguard agreements, soonest expiry first (all roles); `view=register` answers the register page rows (state, processor, covered transfers, open flags)", query: agreementListQuery }),
      post: createOperation({
        tag: "Agreements",
        operationId: "createAgreement",
        summary: "Register a safeguard agreement; its processor's flags are re-evaluated (dpo, engineer)",
        body: "AgreementCreate",
        name: "Agreement",
      }),
    },
    "/api/v1/agreements/{id}": {
      parameters: [idParameter],
      get: readOperation({ tag: "Agreements", operationId: "getAgreement", summary: "Read one agreement (all roles)", name: "Agreement", what: "agreement" }),
      patch: writeOperation({ tag: "Agreements", operationId: "updateAgreement", summary: "Change some fields of an agreement (dpo, engineer)", body: "AgreementUpdate", name: "Agreement" }),
      delete: deleteOperation({
        tag: "Agreements",
        operationId: "deleteAgreement",
        summary: "Delete a safeguard agreement; its processor's flags are re-evaluated (dpo)",
      }),
    },
    "/api/v1/activities": {
      get: listOperation({ tag: "Activities", operationId: "listActivities", summary: "List processing activities (all roles); `view=register` answers the register page rows (controller, transfer and open-flag counts)", query: activityListQuery }),
      post: createOperation({ tag: "Activities", operationId: "createActivity", summary: "Register a processing activity (dpo, engineer)", body: "ActivityCreate", name: "Activity" }),
    },
    "/api/v1/activities/{id}": {
      parameters: [idParameter],
      get: readOperation({ tag: "Activities", operationId: "getActivity", summary: "Read one processing activity (all roles)", name: "Activity", what: "activity" }),
      patch: writeOperation({
        tag: "Activities",
        operationId: "updateActivity",
        summary: "Change some fields of a processing activity; its transfers' flags are re-evaluated (dpo, engineer)",
        body: "ActivityUpdate",
        name: "Activity",
      }),
      delete: deleteOperation({
        tag: "Activities",
        operationId: "deleteActivity",
        summary: "Delete a processing activity no transfer serves any more (dpo)",
        dependents: "transfers still serve it",
      }),
    },
  };
}

/** Bulk import (lib/import) and the register exports (lib/exports): files in and out rather than JSON records. */
function fileTransferPaths() {
  const importFile = {
    "text/csv": { schema: { type: "string", description: "One sheet's rows, with `kind` in the query" } },
    [XLSX_MEDIA_TYPE]: { schema: { type: "string", contentEncoding: "binary", description: "Both sheets of the template" } },
  };
  return {
    "/api/v1/import": {
      post: {
        tags: ["Import"],
        operationId: "importFile",
        summary:
          "Import processors and transfers from the CSV or XLSX template. dryRun=true (default) reports every problem by sheet, row and column; dryRun=false commits all or nothing, idempotently (dpo, engineer)",
        parameters: queryParameters(importQuery),
        requestBody: { required: true, content: importFile },
        responses: {
          "200": { description: "The dry-run report, or the committed counts", content: json({ type: "object" }) },
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
        parameters: queryParameters(templateQuery),
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
      parameters: [{ name: "report", in: "path", required: true, schema: { type: "string", enum: [...EXPORT_REPORTS] } }],
      get: {
        tags: ["Exports"],
        operationId: "exportReport",
        summary: "Export a register as a file; only approved records unless pending=include, which marks pending ones (dpo, auditor)",
        parameters: queryParameters(exportQuery),
        responses: {
          "200": {
            description: "The export file (attachment), or its integrity manifest when manifest=1",
            content: {
              "text/csv": { schema: { type: "string" } },
              [XLSX_MEDIA_TYPE]: { schema: { type: "string", contentEncoding: "binary" } },
              "application/json": { schema: { type: "object" } },
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
      parameters: [{ name: "report", in: "path", required: true, schema: { type: "string", enum: [...EXPORT_REPORTS] } }],
      get: {
        tags: ["Exports"],
        operationId: "exportJsonSchema",
        summary: "The JSON Schema of a report's JSON export (versioned with the export's schemaVersion)",
        responses: {
          "200": { description: "A JSON Schema (2020-12)", content: { "application/schema+json": { schema: { type: "object" } } } },
          "404": problemResponse("No export has this name"),
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
        "Processors and cross-border transfers, their review, flags, data categories, safeguard agreements and processing activities. Authenticate with a personal API token: `Authorization: Bearer <token>`. Errors are RFC 9457 problem+json.",
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
      ...resource({
        tag: "Processors",
        singular: "Processor",
        listQuery: processorListQuery,
        listSummary:
          "List processors (all roles); `view=register` answers the register page rows (transfer and open-flag counts) and accepts `sort` (name, country, service, status, updatedAt) and `direction`",
        collection: "/api/v1/processors",
        deletion: {
          summary: "Delete a processor; its own flags are resolved (dpo; engineer: own drafts)",
          dependents: "transfers, sub-processors or agreements still hang on it",
        },
      }),
      ...resource({
        tag: "Transfers",
        singular: "Transfer",
        listQuery: transferListQuery,
        listSummary:
          "List transfers (all roles); `view=register` answers the register page rows (processor, activity, exporter, category count, worst open flag) and accepts `encryption` (none, any)",
        collection: "/api/v1/transfers",
        deletion: {
          summary: "Delete a transfer; its processor's flags are re-evaluated (dpo; engineer: own drafts)",
          dependents: "an agreement lists it by id",
        },
      }),
      ...reviewAndReferencePaths(),
      ...fileTransferPaths(),
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
        FlagAccept: schemaOf(acceptRiskInput),
        FlagBulkAccept: schemaOf(bulkAcceptRiskInput),
        ReviewInput: schemaOf(submitProcessorInput),
        RejectInput: schemaOf(rejectProcessorInput),
        DataCategory: schemaOf(dataCategoryRecord),
        DataCategoryUpdate: schemaOf(updateCategoryClassificationInput),
        AgreementCreate: schemaOf(createAgreementBody),
        AgreementUpdate: schemaOf(updateAgreementBody),
        Agreement: schemaOf(agreementRecord),
        Activity: schemaOf(activityRecord),
        ActivityCreate: schemaOf(createActivityInput),
        ActivityUpdate: schemaOf(updateActivityInput),
        Problem: schemaOf(problem),
      },
    },
  };
}
