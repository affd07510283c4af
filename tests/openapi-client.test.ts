import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";

/*
 * What a client generated from the document sees: openapi-typescript turns the document into TypeScript types,
 * and a snippet that reads each list's rows and each record is compiled against them. A list whose rows were
 * `{}`, `unknown` or `any` would not compile: each row's documented fields must read with their types, and a
 * field the row does not have must be a type error.
 */

type Json = Record<string, any>;

const document = buildOpenApiDocument() as unknown as Json;
const schemas = document.components.schemas as Record<string, Json>;

const componentOf = (schema: Json | undefined): Json | undefined =>
  typeof schema?.$ref === "string" ? schemas[schema.$ref.replace("#/components/schemas/", "")] : schema;

/** The TypeScript type a scalar property must read as; undefined for what this check leaves aside (arrays, objects). */
function scalarType(property: Json): string | undefined {
  const variants: Json[] = Array.isArray(property.anyOf) ? property.anyOf : [property];
  const names = variants.flatMap((variant) => (Array.isArray(variant.type) ? variant.type : [variant.type]));
  const map: Record<string, string> = { string: "string", integer: "number", number: "number", boolean: "boolean", null: "null" };
  if (names.some((name) => !map[name])) return undefined;
  return [...new Set(names.map((name) => map[name]))].join(" | ");
}

interface Target {
  operationId: string;
  /** "list": `data` is the rows; "record": `data` is the record. */
  kind: "list" | "record";
  fields: { name: string; type: string }[];
}

/** Every GET answering JSON with `data`: a list (data is an array of rows) or a record. */
function targets(): Target[] {
  const found: Target[] = [];
  for (const item of Object.values(document.paths as Record<string, Json>)) {
    const operation = item.get as Json | undefined;
    const body = componentOf(operation?.responses?.["200"]?.content?.["application/json"]?.schema);
    const data = body?.properties?.data as Json | undefined;
    if (!operation || !data) continue;
    const kind = data.type === "array" ? "list" : "record";
    const shape = componentOf(kind === "list" ? data.items : data);
    const required = new Set<string>(shape?.required ?? []);
    const fields = Object.entries((shape?.properties ?? {}) as Record<string, Json>)
      .filter(([name]) => required.has(name))
      .map(([name, property]) => ({ name, type: scalarType(property) }))
      .filter((field): field is { name: string; type: string } => field.type !== undefined);
    found.push({ operationId: operation.operationId, kind, fields });
  }
  return found;
}

/** The snippet a client author would write: read every documented field with its type, and one that is not there. */
function snippet(module: string, list: Target[]): string {
  const lines = [
    `import type { operations } from "./${module}";`,
    "type IsAny<T> = 0 extends 1 & T ? true : false;",
    "type IsUnknown<T> = unknown extends T ? true : false;",
    "type Data<O extends keyof operations> = operations[O] extends { responses: { 200: { content: { \"application/json\": { data: infer D } } } } } ? D : never;",
  ];
  for (const { operationId, kind, fields } of list) {
    const type = kind === "list" ? `Data<"${operationId}">[number]` : `Data<"${operationId}">`;
    lines.push(
      `declare const ${operationId}: ${type};`,
      `const ${operationId}_notAny: IsAny<typeof ${operationId}> = false;`,
      `const ${operationId}_notUnknown: IsUnknown<typeof ${operationId}> = false;`,
      ...fields.map((field, index) => `const ${operationId}_${index}: ${field.type} = ${operationId}.${field.name};`),
      "// @ts-expect-error a field the document does not name",
      `${operationId}.nonexistentField;`,
      `void [${operationId}_notAny, ${operationId}_notUnknown${fields.map((_, index) => `, ${operationId}_${index}`).join("")}];`,
    );
  }
  return lines.join("\n");
}

function compile(dir: string, files: Record<string, string>): string[] {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const program = ts.createProgram(
    Object.keys(files).map((name) => path.join(dir, name)),
    { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [] },
  );
  // Each message with its source line, which names the operation the snippet was reading.
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const { file, start } = diagnostic;
    const line = file && start !== undefined ? file.text.split("\n")[file.getLineAndCharacterOfPosition(start).line]!.trim() : "";
    return `${file ? path.basename(file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")} (${line})`;
  });
}

describe("a client generated from the OpenAPI document (openapi-typescript)", () => {
  let dir = "";
  let generated = "";
  const found = targets();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "openapi-client-"));
    generated = astToString(await openapiTS(document as never));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds every list and record read of the API (the check below is not vacuous)", () => {
    const lists = found.filter((target) => target.kind === "list").map((target) => target.operationId).sort();
    expect(lists).toEqual([
      "findProcessorDuplicates",
      "listActivities",
      "listAgreements",
      "listDataCategories",
      "listDocuments",
      "listEntities",
      "listFlagComments",
      "listFlags",
      "listNoticeStatements",
      "listNotices",
      "listProcessors",
      "listTransferTias",
      "listTransfers",
      "listWebhookDeliveries",
      "listWebhooks",
    ]);
    const records = found.filter((target) => target.kind === "record").map((target) => target.operationId);
    expect(records).toEqual(expect.arrayContaining(["getProcessor", "getTransfer", "getFlag", "getDataCategory", "getAgreement", "getActivity", "getEntity"]));
    for (const target of found) expect(target.fields.length, target.operationId).toBeGreaterThan(2);
    expect(found.find((target) => target.operationId === "listTransfers")!.fields).toContainEqual({ name: "processorName", type: "string" });
    expect(found.find((target) => target.operationId === "listTransfers")!.fields).toContainEqual({ name: "worstOpenFlagSeverity", type: "string | null" });
  });

  it("types every list's rows and every record with their fields", () => {
    const diagnostics = compile(dir, { "api.ts": generated, "client.ts": snippet("api", found) });
    expect(diagnostics).toEqual([]);
  });

  it("tells the client which strings are dates, nullable ones included", () => {
    // openapi-typescript writes `format` as a JSDoc line above the field: what tells a client author it is a date.
    const field = (component: string, name: string) => {
      const body = generated.slice(generated.indexOf(`        ${component}: {`));
      const at = body.indexOf(`            ${name}`);
      return body.slice(Math.max(0, at - 80), at + name.length + 40);
    };
    expect(field("Transfer", "tiaDate")).toMatch(/Format: date \*\/\s+tiaDate: string \| null;/);
    expect(field("TransferCreate", "startDate")).toMatch(/Format: date/);
    expect(field("Transfer", "createdAt")).toMatch(/Format: date-time \*\/\s+createdAt: string;/);
    expect(field("AgreementListRow", "expiryDate")).toMatch(/Format: date/);
    expect(field("Processor", "submittedAt")).toMatch(/Format: date-time/);
  });

  it("would fail on a list whose rows are untyped (the check can fail)", () => {
    const untyped = [
      "export interface operations {",
      '  listTransfers: { responses: { 200: { content: { "application/json": { data: {}[]; total: number } } } } };',
      '  listFlags: { responses: { 200: { content: { "application/json": { data: any[]; total: number } } } } };',
      '  listAgreements: { responses: { 200: { content: { "application/json": { data: Record<string, unknown>[]; total: number } } } } };',
      "}",
    ].join("\n");
    const lists = found.filter((target) => ["listTransfers", "listFlags", "listAgreements"].includes(target.operationId));
    const diagnostics = compile(dir, { "untyped.ts": untyped, "untyped-client.ts": snippet("untyped", lists) });
    for (const operationId of ["listTransfers", "listFlags", "listAgreements"]) {
      expect(diagnostics.some((message) => message.includes(operationId)), `${operationId} untyped must not compile`).toBe(true);
    }
  });
});
