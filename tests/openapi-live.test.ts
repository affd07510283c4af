import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { EXPORT_REPORTS } from "@/lib/exports/request";
import { createApiToken, createUser } from "@/lib/users/service";
import { sampleExe, samplePdf } from "@/lib/documents/sample-files";
import { makeAgreement, makeProcessor, makeTransfer } from "./factories";
import { describeOnDatabases, useAsAppDatabase } from "./databases";
import { TEST_ACTOR, makeEntity } from "./factories";

/*
 * The OpenAPI document against the running API: every operation of the document is called on a database with a
 * few records (the way Next.js calls a route handler), and each answer — its status, its content type, its
 * documented headers and its JSON body — must be what the document says for that operation and status. Bodies
 * are validated with ajv (OpenAPI 3.1 schemas are JSON Schema 2020-12), with every object schema closed: a field
 * the API sends but the document does not name is a failure too, so the document cannot lag behind a response.
 */

const BASE = "http://localhost:3000";
const DOC_ID = "https://openapi.test/openapi.json";
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
type Method = (typeof METHODS)[number];

type Json = Record<string, unknown>;
type MediaObject = { schema?: Json };
type ResponseObject = { description: string; headers?: Record<string, { required?: boolean }>; content?: Record<string, MediaObject> };
type Operation = { operationId: string; responses: Record<string, ResponseObject> };
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const document = buildOpenApiDocument({ serverUrl: BASE });
const paths = document.paths as Record<string, Record<string, unknown>>;

/** Every object that lists its properties admits no others (unless it says what others may be, as Problem does). */
function closeObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closeObjects);
  if (!value || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([key, child]) => [key, key === "properties" ? Object.fromEntries(Object.entries(child as Json).map(([name, schema]) => [name, closeObjects(schema)])) : closeObjects(child)]);
  const schema = Object.fromEntries(entries) as Json;
  if (schema.type === "object" && schema.properties && !("additionalProperties" in schema)) schema.additionalProperties = false;
  return schema;
}

/** `#/components/…` of a response schema, as a reference into the registered document. */
function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, key === "$ref" && typeof child === "string" ? `${DOC_ID}${child}` : absoluteRefs(child)]));
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: DOC_ID, components: closeObjects(document.components) });
const validators = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: Json): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(absoluteRefs(closeObjects(schema)) as Json);
    validators.set(key, validate);
  }
  return validate;
}

function operationOf(method: Method, template: string): Operation {
  const operation = paths[template]?.[method] as Operation | undefined;
  if (!operation) throw new Error(`${method.toUpperCase()} ${template} is not in the document`);
  return operation;
}

/** "/api/v1/processors/{id}/{action}" → the handler exported by app/api/v1/processors/[id]/[action]/route.ts. */
async function handlerOf(method: Method, template: string): Promise<Handler> {
  const file = path.join(process.cwd(), "app", template.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
  const module = (await import(file)) as Record<string, unknown>;
  const handler = module[method.toUpperCase()];
  if (typeof handler !== "function") throw new Error(`${file} exports no ${method.toUpperCase()}`);
  return handler as Handler;
}

/** Which documented operation answered with which status, as the calls went. */
const observed = new Map<string, Set<string>>();

interface Call {
  params?: Record<string, string>;
  query?: string;
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Calls the operation and checks the answer against the document: the status, then that the document describes
 * that status for the operation, its content type and headers, and that the body matches the schema.
 */
async function call(method: Method, template: string, expectedStatus: number, { params = {}, query = "", token, body, headers = {} }: Call = {}) {
  const operation = operationOf(method, template);
  const url = `${BASE}${template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `{${name}}`))}${query ? `?${query}` : ""}`;
  const isText = typeof body === "string" || body instanceof Uint8Array;
  const request = new Request(url, {
    method: method.toUpperCase(),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && !isText ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : isText ? (body as BodyInit) : JSON.stringify(body),
  });
  const response = await (await handlerOf(method, template))(request, { params: Promise.resolve(params) });
  const where = `${method.toUpperCase()} ${template} → ${response.status}`;
  const raw = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(raw);
  expect(response.status, `${where}: ${text.slice(0, 500)}`).toBe(expectedStatus);

  const documented = operation.responses[String(response.status)];
  expect(documented, `${where} is not a documented response of ${operation.operationId}`).toBeDefined();
  for (const [name, header] of Object.entries(documented!.headers ?? {})) {
    if (header.required || response.status < 300) expect(response.headers.get(name), `${where}: header ${name}`).toBeTruthy();
  }
  let parsed: unknown;
  if (!documented!.content) {
    expect(raw.length, `${where}: a body the document does not describe`).toBe(0);
  } else {
    const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = documented!.content[mediaType];
    expect(media, `${where}: content type ${mediaType} is not documented (${Object.keys(documented!.content).join(", ")})`).toBeDefined();
    expect(raw.length, `${where}: empty body`).toBeGreaterThan(0);
    if (mediaType.endsWith("json")) {
      parsed = JSON.parse(text);
      const validate = validatorFor(`${operation.operationId} ${response.status} ${mediaType}`, media!.schema ?? {});
      const valid = validate(parsed);
      const mismatches = valid ? [] : validate.errors!.map((error) => `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
      if (mismatches.length > 0) throw new Error(`${where}: the body does not match the document:\n${mismatches.join("\n")}\n${text.slice(0, 1500)}`);
    }
  }
  const key = `${method.toUpperCase()} ${template}`;
  observed.set(key, (observed.get(key) ?? new Set()).add(String(response.status)));
  return { response, body: parsed as Record<string, any> };
}

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describeOnDatabases("OpenAPI document against live responses", (use) => {
  useAsAppDatabase(use);
  const tokens = { dpo: "", engineer: "", auditor: "" };
  const userIds = { dpo: "", engineer: "", auditor: "" };
  const ids = { exporter: "", activity: "", processor: "", transfer: "", agreement: "" };

  beforeAll(async () => {
    const { db } = use();
    observed.clear();
    const ctx = { db, actor: TEST_ACTOR, today: new Date().toISOString().slice(0, 10) };
    for (const role of ["dpo", "engineer", "auditor"] as const) {
      const user = await createUser({ ctx, input: { email: `${role}@openapi-live.test`, name: `Live ${role}`, role } });
      tokens[role] = (await createApiToken({ ctx, input: { userId: user.record.id, name: "openapi-live" } })).token;
      userIds[role] = user.record.id;
    }
    ids.exporter = (await makeEntity(db)).id;
  });

  afterAll(() => observed.clear());

  it("answers the public endpoints without a token, and 401 with WWW-Authenticate elsewhere", async () => {
    const { body: openapi } = await call("get", "/api/v1/openapi.json", 200, { token: null });
    expect(openapi.openapi).toBe("3.1.0");
    expect((await call("get", "/api/health", 200, { token: null })).body).toMatchObject({ status: "ok" });

    // Without a bearer token the session cookie is read, which needs Next's request scope: a token that is not one stands in.
    const { response } = await call("get", "/api/v1/me", 401, { token: "not-a-token" });
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await call("get", "/api/v1/transfers", 401, { token: null, headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect((await call("get", "/api/v1/me", 200, { token: tokens.engineer })).body).toMatchObject({ role: "engineer", via: "token" });
  });

  it("creates, reads, lists and changes an activity, a processor, a transfer and an agreement", async () => {
    const activity = await call("post", "/api/v1/activities", 201, {
      token: tokens.engineer,
      body: { name: "Live support", controllerEntityId: ids.exporter, purpose: "Answer customer tickets", legalBasis: "contract", retentionPeriod: "24 months" },
    });
    ids.activity = activity.body.data.id;
    await call("get", "/api/v1/activities", 200, { token: tokens.auditor });
    await call("get", "/api/v1/activities/{id}", 200, { token: tokens.auditor, params: { id: ids.activity } });
    // An engineer's activity is a proposal: only the DPO edits it (issue 13).
    expect(activity.body.data.status).toBe("submitted");
    await call("patch", "/api/v1/activities/{id}", 403, { token: tokens.engineer, params: { id: ids.activity }, body: { version: 1, securityMeasures: "TLS, access control" } });
    await call("patch", "/api/v1/activities/{id}", 200, { token: tokens.dpo, params: { id: ids.activity }, body: { version: 1, securityMeasures: "TLS, access control" } });

    const processor = await call("post", "/api/v1/processors", 201, {
      token: tokens.engineer,
      body: { name: "Live Cloud Ltd", legalName: "Live Cloud Ltd", website: "https://live-cloud.example", role: "processor", service: "hosting", country: "CN" },
    });
    ids.processor = processor.body.data.id;
    await call("get", "/api/v1/processors", 200, { token: tokens.auditor, query: "sort=name&direction=desc" });
    await call("get", "/api/v1/processors/{id}", 200, { token: tokens.auditor, params: { id: ids.processor } });
    await call("patch", "/api/v1/processors/{id}", 200, { token: tokens.engineer, params: { id: ids.processor }, body: { version: 1, notes: "Hosts the ticket archive." } });
    await call("get", "/api/v1/processors/duplicates", 200, { token: tokens.engineer, query: "name=Live%20Cloud" });

    const transfer = await call("post", "/api/v1/transfers", 201, {
      token: tokens.engineer,
      body: {
        activityId: ids.activity,
        exporterEntityId: ids.exporter,
        processorId: ids.processor,
        originCountry: "US",
        destinationCountry: "CN",
        subjectRegions: ["EU", "US-CA"],
        estimatedSubjects: 150000,
        encryptionInTransit: "none",
        mechanism: "none",
        tiaDate: "2025-03-01",
        dataCategories: ["user.contact.email", "user.biometric.face"],
      },
    });
    ids.transfer = transfer.body.data.id;
    expect(transfer.body.flags.length).toBeGreaterThan(0);
    await call("get", "/api/v1/transfers", 200, { token: tokens.auditor, query: `processorId=${ids.processor}` });
    await call("get", "/api/v1/transfers/{id}", 200, { token: tokens.auditor, params: { id: ids.transfer } });
    await call("patch", "/api/v1/transfers/{id}", 200, { token: tokens.engineer, params: { id: ids.transfer }, body: { version: 1, notes: "Ticket attachments" } });

    const agreement = await call("post", "/api/v1/agreements", 201, {
      token: tokens.engineer,
      body: { processorId: ids.processor, type: "dpa", signedDate: "2025-01-01", effectiveDate: "2025-01-01", expiryDate: "2030-12-31" },
    });
    ids.agreement = agreement.body.data.id;
    await call("get", "/api/v1/agreements", 200, { token: tokens.auditor });
    await call("get", "/api/v1/agreements/{id}", 200, { token: tokens.auditor, params: { id: ids.agreement } });
    await call("patch", "/api/v1/agreements/{id}", 200, { token: tokens.engineer, params: { id: ids.agreement }, body: { notes: "Renewal due 2030" }, headers: { "if-match": '"1"' } });
  });

  it("creates, reads, lists, changes and deletes an entity of the organisation", async () => {
    const created = await call("post", "/api/v1/entities", 201, {
      token: tokens.dpo,
      body: { name: "Live Europe GmbH", legalName: "Live Europe GmbH", country: "DE", role: "controller", address: "Berlin", dpoContact: "dpo@live.example", ciio: false },
    });
    const id = created.body.data.id as string;
    await call("get", "/api/v1/entities", 200, { token: tokens.auditor, query: "role=controller&sort=country&direction=desc" });
    await call("get", "/api/v1/entities/{id}", 200, { token: tokens.engineer, params: { id } });
    await call("patch", "/api/v1/entities/{id}", 200, { token: tokens.dpo, params: { id }, body: { representativeContact: "Rep EU Ltd, Dublin" }, headers: { "if-match": '"1"' } });
    await call("delete", "/api/v1/entities/{id}", 204, { token: tokens.dpo, params: { id }, query: "version=2" });
  });

  it("moves the activity through the DPO's review", async () => {
    await call("post", "/api/v1/activities/{id}/{action}", 403, { token: tokens.engineer, params: { id: ids.activity, action: "approve" }, body: { version: 2 } });
    await call("post", "/api/v1/activities/{id}/{action}", 422, { token: tokens.dpo, params: { id: ids.activity, action: "reject" }, body: { version: 2 } });
    const approved = await call("post", "/api/v1/activities/{id}/{action}", 200, { token: tokens.dpo, params: { id: ids.activity, action: "approve" }, headers: { "if-match": '"2"' } });
    expect(approved.body.data).toMatchObject({ status: "approved", version: 3 });
    await call("post", "/api/v1/activities/{id}/{action}", 409, { token: tokens.dpo, params: { id: ids.activity, action: "approve" }, body: { version: 3 } });
  });

  it("moves the processor through its review", async () => {
    const submitted = await call("post", "/api/v1/processors/{id}/{action}", 200, { token: tokens.engineer, params: { id: ids.processor, action: "submit" }, body: { version: 2 } });
    expect(submitted.body.data.status).toBe("submitted");
    await call("post", "/api/v1/processors/{id}/{action}", 403, { token: tokens.engineer, params: { id: ids.processor, action: "approve" }, body: { version: 3 } });
    await call("post", "/api/v1/processors/{id}/{action}", 200, { token: tokens.dpo, params: { id: ids.processor, action: "approve" }, headers: { "if-match": '"3"' } });
  });

  it("lists, reads and accepts flags", async () => {
    const list = await call("get", "/api/v1/flags", 200, { token: tokens.auditor, query: "status=open&pageSize=100" });
    const open = (list.body.data as { id: string; version: number }[]).filter(Boolean);
    expect(open.length).toBeGreaterThanOrEqual(2);
    await call("get", "/api/v1/flags/{id}", 200, { token: tokens.auditor, params: { id: open[0]!.id } });
    await call("post", "/api/v1/flags/{id}/accept", 200, {
      token: tokens.dpo,
      params: { id: open[0]!.id },
      body: { version: open[0]!.version, justification: "Accepted while the contract is negotiated.", acceptedUntil: inAMonth() },
    });
    await call("post", "/api/v1/flags/accept", 200, {
      token: tokens.dpo,
      body: { ids: [open[1]!.id], justification: "Accepted while the contract is negotiated.", until: inAMonth() },
    });
  });

  it("assigns a flag, lists the engineer's flags, takes comments and revokes an acceptance (issue 17)", async () => {
    const engineer = (await call("get", "/api/v1/me", 200, { token: tokens.engineer })).body as { id: string };
    const [flag] = (await call("get", "/api/v1/flags", 200, { token: tokens.auditor, query: "status=open&pageSize=1" })).body.data as { id: string; version: number }[];
    await call("patch", "/api/v1/flags/{id}", 200, {
      token: tokens.dpo,
      params: { id: flag!.id },
      body: { version: flag!.version, assigneeUserId: engineer.id, dueDate: inAMonth() },
    });
    await call("get", "/api/v1/flags", 200, { token: tokens.engineer, query: "assignee=me&overdue=false&workStatus=to_do" });
    await call("post", "/api/v1/flags/{id}/comments", 200, { token: tokens.engineer, params: { id: flag!.id }, body: { body: "Working on it with the vendor." } });
    await call("get", "/api/v1/flags/{id}/comments", 200, { token: tokens.auditor, params: { id: flag!.id } });
    const [risk] = (await call("get", "/api/v1/flags", 200, { token: tokens.auditor, query: "status=accepted&pageSize=1" })).body.data as { id: string; version: number }[];
    await call("post", "/api/v1/flags/{id}/revoke-acceptance", 200, {
      token: tokens.dpo,
      params: { id: risk!.id },
      body: { version: risk!.version, reason: "The contract negotiation failed." },
    });
  });

  it("lists, reads and reclassifies data categories", async () => {
    await call("get", "/api/v1/data-categories", 200, { token: tokens.auditor, query: "q=email" });
    await call("get", "/api/v1/data-categories", 200, { token: tokens.auditor, query: "page=1&pageSize=5&sort=transfers&direction=desc" });
    const category = await call("get", "/api/v1/data-categories/{key}", 200, { token: tokens.auditor, params: { key: "user.contact.email" } });
    await call("patch", "/api/v1/data-categories/{key}", 200, { token: tokens.dpo, params: { key: "user.contact.email" }, body: { version: category.body.data.version, piplSensitive: false } });
  });

  it("serves the import template, checks an import, exports every report and its JSON Schema", async () => {
    const template = await call("get", "/api/v1/import/template", 200, { token: tokens.engineer, query: "format=csv&kind=processors" });
    expect(template.response.headers.get("content-type")).toMatch(/^text\/csv/);
    await call("get", "/api/v1/import/template", 200, { token: tokens.engineer });
    const csv = await (await handlerOf("get", "/api/v1/import/template"))(
      new Request(`${BASE}/api/v1/import/template?format=csv&kind=processors`, { headers: { authorization: `Bearer ${tokens.engineer}` } }),
      { params: Promise.resolve({}) },
    );
    const csvTemplate = await csv.text();
    const dryRun = await call("post", "/api/v1/import", 200, { token: tokens.engineer, query: "kind=processors", body: csvTemplate, headers: { "content-type": "text/csv" } });
    expect(dryRun.body).toMatchObject({ valid: true, problems: [] });
    const invalidRow = `${csvTemplate.trimEnd()}\r\n${csvTemplate.split(/\r?\n/)[0]!.split(",").map(() => "").join(",")}x\r\n`;
    const problems = await call("post", "/api/v1/import", 200, { token: tokens.engineer, query: "kind=processors", body: invalidRow, headers: { "content-type": "text/csv" } });
    expect(problems.body.problems.length).toBeGreaterThan(0);
    const committed = await call("post", "/api/v1/import", 200, { token: tokens.engineer, query: "kind=processors&dryRun=false", body: csvTemplate, headers: { "content-type": "text/csv" } });
    expect(committed.body).toMatchObject({ created: dryRun.body.plan.create, updated: dryRun.body.plan.update });

    for (const report of EXPORT_REPORTS) {
      await call("get", "/api/v1/exports/{report}", 200, { token: tokens.dpo, params: { report }, query: "format=csv" });
      await call("get", "/api/v1/exports/{report}/schema", 200, { token: tokens.auditor, params: { report } });
    }
    await call("get", "/api/v1/exports/{report}", 200, { token: tokens.dpo, params: { report: EXPORT_REPORTS[0] }, query: "format=json" });
    const manifest = await call("get", "/api/v1/exports/{report}", 200, { token: tokens.dpo, params: { report: EXPORT_REPORTS[0] }, query: "manifest=1" });
    // The 200's JSON is the manifest or the JSON export (any object): the manifest must match its own schema.
    const validateManifest = validatorFor("ExportManifest", { $ref: "#/components/schemas/ExportManifest" });
    expect(validateManifest(manifest.body), JSON.stringify(validateManifest.errors)).toBe(true);
  });

  it("answers errors as documented problems: 400, 403, 404, 409, 415, 422, 428", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    await call("get", "/api/v1/processors/{id}", 404, { token: tokens.auditor, params: { id: unknown } });
    await call("get", "/api/v1/transfers/{id}", 404, { token: tokens.auditor, params: { id: "not-a-uuid" } });
    await call("get", "/api/v1/flags/{id}", 404, { token: tokens.auditor, params: { id: unknown } });
    await call("get", "/api/v1/agreements/{id}", 404, { token: tokens.auditor, params: { id: unknown } });
    await call("get", "/api/v1/activities/{id}", 404, { token: tokens.auditor, params: { id: unknown } });
    await call("get", "/api/v1/entities/{id}", 404, { token: tokens.auditor, params: { id: unknown } });
    await call("get", "/api/v1/data-categories/{key}", 404, { token: tokens.auditor, params: { key: "user.nothing.here" } });
    await call("get", "/api/v1/exports/{report}", 404, { token: tokens.dpo, params: { report: "nothing" } });

    await call("get", "/api/v1/transfers", 422, { token: tokens.auditor, query: "pageSize=1000" });
    await call("get", "/api/v1/processors", 422, { token: tokens.auditor, query: "status=sleeping" });
    await call("get", "/api/v1/flags", 422, { token: tokens.auditor, query: "severity=apocalyptic" });
    await call("get", "/api/v1/agreements", 422, { token: tokens.auditor, query: "expiringBefore=soon" });
    await call("get", "/api/v1/activities", 422, { token: tokens.auditor, query: "page=0" });
    await call("get", "/api/v1/entities", 422, { token: tokens.auditor, query: "country=ZZ" });
    await call("get", "/api/v1/data-categories", 422, { token: tokens.auditor, query: "sensitive=maybe" });
    await call("get", "/api/v1/processors/duplicates", 422, { token: tokens.engineer });
    await call("get", "/api/v1/import/template", 422, { token: tokens.engineer, query: "format=csv" });
    const invalid = await call("post", "/api/v1/processors", 422, { token: tokens.engineer, body: { name: "", role: "processor", service: "hosting", country: "ZZ", colour: "blue" } });
    expect(invalid.body.errors.length).toBeGreaterThan(0);

    await call("post", "/api/v1/transfers", 400, { token: tokens.engineer, body: "{not json", headers: { "content-type": "application/json" } });
    await call("post", "/api/v1/agreements", 415, { token: tokens.engineer, body: "processorId=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    await call("post", "/api/v1/import", 415, { token: tokens.engineer, body: "a,b", headers: { "content-type": "text/plain" } });
    await call("post", "/api/v1/activities", 403, { token: tokens.auditor, body: { name: "x" } });
    await call("post", "/api/v1/entities", 403, { token: tokens.engineer, body: { name: "x" } });
    // The exporter of the transfer and the controller of the activity: named in the 409's dependents.
    const refused = await call("delete", "/api/v1/entities/{id}", 409, { token: tokens.dpo, params: { id: ids.exporter }, headers: { "if-match": '"1"' } });
    expect(refused.body.dependents).toMatchObject({ activities: [{ id: ids.activity, name: "Live support" }], transfers: [{ id: ids.transfer }] });
    await call("patch", "/api/v1/transfers/{id}", 409, { token: tokens.engineer, params: { id: ids.transfer }, body: { version: 1, notes: "stale" } });
    await call("patch", "/api/v1/transfers/{id}", 428, { token: tokens.engineer, params: { id: ids.transfer }, body: { notes: "no version" } });
    await call("delete", "/api/v1/processors/{id}", 409, { token: tokens.dpo, params: { id: ids.processor }, headers: { "if-match": '"4"' } });
    await call("delete", "/api/v1/activities/{id}", 428, { token: tokens.dpo, params: { id: ids.activity } });
  });

  it("files a document with the agreement, adds a version, lists, reads and downloads it, and refuses an executable", async () => {
    // A multipart body as a browser or curl sends it: the bytes and the Content-Type with its boundary.
    const multipart = async (fields: Record<string, string>, file: Uint8Array) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      form.set("file", new Blob([file as Uint8Array<ArrayBuffer>]), "live.pdf");
      const encoded = new Response(form);
      return { body: new Uint8Array(await encoded.arrayBuffer()), headers: { "content-type": encoded.headers.get("content-type")! } };
    };
    // An agreement of its own: the documents' calls do not depend on the other records' test.
    const agreementId = (await makeAgreement(use().db, (await makeProcessor(use().db)).id, { type: "scc" })).id;
    const first = await multipart({ kind: "scc", title: "Live SCCs", agreementId }, samplePdf("v1"));
    const { body: created } = await call("post", "/api/v1/documents", 201, { token: tokens.dpo, ...first });
    const id = created.data.id as string;
    await call("post", "/api/v1/documents/{id}/versions", 201, { token: tokens.dpo, params: { id }, ...(await multipart({ version: "1" }, samplePdf("v2"))) });
    await call("get", "/api/v1/documents", 200, { token: tokens.auditor, query: `agreementId=${agreementId}` });
    await call("get", "/api/v1/documents/{id}", 200, { token: tokens.engineer, params: { id } });
    await call("get", "/api/v1/documents/{id}/versions/{n}/content", 200, { token: tokens.auditor, params: { id, n: "2" } });
    await call("post", "/api/v1/documents", 415, { token: tokens.dpo, ...(await multipart({ kind: "dpa", title: "Not a PDF", agreementId }, sampleExe())) });
  });

  it("drafts a transfer impact assessment, changes its steps, completes it and downloads its PDF (issue 17)", async () => {
    const transfer = (await makeTransfer(use().db, { processorId: (await makeProcessor(use().db)).id, exporterEntityId: ids.exporter, destinationCountry: "CN", mechanism: "scc", today: new Date().toISOString().slice(0, 10) })).transfer.id;
    const { body: draft } = await call("post", "/api/v1/transfers/{id}/tia", 201, { token: tokens.dpo, params: { id: transfer }, body: { language: "en" } });
    const id = draft.data.id as string;
    await call("get", "/api/v1/transfers/{id}/tia", 200, { token: tokens.auditor, params: { id: transfer } });
    const { body: changed } = await call("patch", "/api/v1/tia/{id}", 200, {
      token: tokens.dpo,
      params: { id },
      body: { lawAssessment: "No law of the destination impinges on the SCCs for this data.", riskLevel: "low", version: draft.data.version },
    });
    await call("post", "/api/v1/tia/{id}/complete", 200, {
      token: tokens.dpo,
      params: { id },
      body: { outcome: "proceed", conclusion: "The transfer may proceed.", authorUserId: userIds.dpo, version: changed.data.version },
    });
    await call("get", "/api/v1/tia/{id}", 200, { token: tokens.engineer, params: { id } });
    await call("get", "/api/v1/tia/{id}/pdf", 200, { token: tokens.auditor, params: { id }, query: "language=fr" });
  });

  it("records a notice version and its statements, reads the generated disclosure, and deletes them (issue 18)", async () => {
    const { body: notice } = await call("post", "/api/v1/notices", 201, {
      token: tokens.dpo,
      body: { title: "Live privacy notice", versionLabel: "v1", effectiveDate: "2026-01-01", languages: ["en"], text: "We store your data in the United States." },
    });
    const id = notice.data.id as string;
    await call("get", "/api/v1/notices", 200, { token: tokens.auditor });
    const { body: changed } = await call("patch", "/api/v1/notices/{id}", 200, { token: tokens.dpo, params: { id }, body: { versionLabel: "v1.1", version: notice.data.version } });
    await call("get", "/api/v1/notices/{id}", 200, { token: tokens.engineer, params: { id } });
    const { body: statement } = await call("post", "/api/v1/notices/{id}/statements", 201, {
      token: tokens.dpo,
      params: { id },
      body: { kind: "storage_location", value: "US", quote: "We store your data in the United States.", section: "Storage" },
    });
    const statementId = statement.data.id as string;
    await call("get", "/api/v1/notices/{id}/statements", 200, { token: tokens.auditor, params: { id } });
    const { body: statementChanged } = await call("patch", "/api/v1/notice-statements/{id}", 200, {
      token: tokens.dpo,
      params: { id: statementId },
      body: { section: "Where we store data", version: statement.data.version },
    });
    await call("get", "/api/v1/notice-statements/{id}", 200, { token: tokens.engineer, params: { id: statementId } });
    await call("get", "/api/v1/notices/{id}/generated", 200, { token: tokens.dpo, params: { id }, query: "language=fr&format=json" });
    await call("delete", "/api/v1/notice-statements/{id}", 204, { token: tokens.dpo, params: { id: statementId }, query: `version=${statementChanged.data.version}` });
    await call("delete", "/api/v1/notices/{id}", 204, { token: tokens.dpo, params: { id }, query: `version=${changed.data.version}` });
  });

  it("reads and saves a user's notification settings, adds a webhook endpoint, lists its deliveries and removes it (issue 17)", async () => {
    const { body: settings } = await call("get", "/api/v1/me/notification-settings", 200, { token: tokens.engineer });
    await call("put", "/api/v1/me/notification-settings", 200, {
      token: tokens.engineer,
      body: { emailEnabled: true, dailyDigest: false, events: ["flag_assigned"], version: settings.data.version },
    });
    const { body: created } = await call("post", "/api/v1/webhooks", 201, {
      token: tokens.dpo,
      body: { name: "Live receiver", url: "https://hooks.example.com/governance", events: ["critical_flag"] },
    });
    const id = created.data.id as string;
    await call("get", "/api/v1/webhooks", 200, { token: tokens.dpo });
    await call("get", "/api/v1/webhooks/{id}/deliveries", 200, { token: tokens.dpo, params: { id } });
    await call("delete", "/api/v1/webhooks/{id}", 204, { token: tokens.dpo, params: { id }, query: `version=${created.data.version}` });
  });

  it("deletes what it created, dependents first", async () => {
    const current = async (template: string, id: string) => (await call("get", template, 200, { token: tokens.auditor, params: { id } })).body.data.version as number;
    await call("delete", "/api/v1/agreements/{id}", 204, { token: tokens.dpo, params: { id: ids.agreement }, headers: { "if-match": `"${await current("/api/v1/agreements/{id}", ids.agreement)}"` } });
    await call("delete", "/api/v1/transfers/{id}", 204, { token: tokens.dpo, params: { id: ids.transfer }, query: `version=${await current("/api/v1/transfers/{id}", ids.transfer)}` });
    await call("delete", "/api/v1/activities/{id}", 204, { token: tokens.dpo, params: { id: ids.activity }, query: `version=${await current("/api/v1/activities/{id}", ids.activity)}` });
    await call("delete", "/api/v1/processors/{id}", 204, { token: tokens.dpo, params: { id: ids.processor }, headers: { "if-match": `"${await current("/api/v1/processors/{id}", ids.processor)}"` } });
  });

  it("called every operation of the document with a success, and answered 401, 404 and 422 as documented", () => {
    const operations = Object.entries(paths).flatMap(([template, item]) => METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${template}`));
    const withoutSuccess = operations.filter((operation) => ![...(observed.get(operation) ?? [])].some((status) => status.startsWith("2")));
    expect(withoutSuccess).toEqual([]);
    const statuses = new Set([...observed.values()].flatMap((set) => [...set]));
    for (const status of ["401", "403", "404", "409", "422", "428", "400", "415"]) expect(statuses, status).toContain(status);
  });
});
