import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";

/*
 * The OpenAPI document must describe exactly the API on disk: every app/api/v1/**\/route.ts and each HTTP
 * method it exports, and nothing else. Structural checks stand in for a full OpenAPI 3.1 validator (none is
 * installed): the required top-level fields, every $ref resolving, every operation with responses, unique
 * operationIds, and every path template variable declared as a path parameter.
 */

const API_ROOT = path.join(process.cwd(), "app", "api", "v1");
// The health check is documented too (public); next-auth's own routes under app/api/auth are not the API.
const HEALTH_ROUTE = path.join(process.cwd(), "app", "api", "health", "route.ts");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

type Operation = { operationId?: string; responses?: Record<string, unknown>; parameters?: Parameter[] };
type Parameter = { name: string; in: string; required?: boolean };
type PathItem = Record<string, unknown> & { parameters?: Parameter[] };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "app/api/v1/processors/[id]/route.ts" → "/api/v1/processors/{id}". */
function urlPathOf(file: string): string {
  const segments = path.relative(API_ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
  return ["/api/v1", ...segments.map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return HTTP_METHODS.filter((method) =>
    new RegExp(`export\\s+(const\\s+${method}\\b|(async\\s+)?function\\s+${method}\\b|\\{[^}]*\\b${method}\\b[^}]*\\})`).test(source),
  );
}

function operationsOnDisk(): string[] {
  return [
    ...routeFiles(API_ROOT).flatMap((file) => exportedMethods(file).map((method) => `${method} ${urlPathOf(file)}`)),
    ...exportedMethods(HEALTH_ROUTE).map((method) => `${method} /api/health`),
  ].sort();
}

function documentedOperations(document: ReturnType<typeof buildOpenApiDocument>): string[] {
  return Object.entries(document.paths as Record<string, PathItem>)
    .flatMap(([urlPath, item]) =>
      Object.keys(item)
        .filter((key) => (HTTP_METHODS as readonly string[]).includes(key.toUpperCase()))
        .map((method) => `${method.toUpperCase()} ${urlPath}`),
    )
    .sort();
}

function collectRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, found));
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") found.push(child);
      else collectRefs(child, found);
    }
  }
  return found;
}

function resolvePointer(document: unknown, pointer: string): unknown {
  if (!pointer.startsWith("#/")) return undefined;
  return pointer
    .slice(2)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, token) => (node && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined), document);
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument({ serverUrl: "https://example.test" });
  const paths = document.paths as Record<string, PathItem>;

  it("discovers the API routes on disk (sanity check of the discovery itself)", () => {
    const onDisk = operationsOnDisk();
    expect(onDisk).toContain("GET /api/v1/processors");
    expect(onDisk).toContain("POST /api/v1/processors/{id}/{action}");
    expect(onDisk.length).toBeGreaterThan(20);
  });

  it("documents every route on disk, and nothing that is not on disk", () => {
    const onDisk = operationsOnDisk();
    const documented = documentedOperations(document);
    expect({ undocumented: onDisk.filter((operation) => !documented.includes(operation)) }).toEqual({ undocumented: [] });
    expect({ notOnDisk: documented.filter((operation) => !onDisk.includes(operation)) }).toEqual({ notOnDisk: [] });
  });

  it("has the top-level fields of OpenAPI 3.1 and bearer authentication", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toBeTruthy();
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(document.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    for (const urlPath of Object.keys(paths)) expect(urlPath.startsWith("/")).toBe(true);
  });

  it("resolves every $ref inside the document", () => {
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(0);
    const broken = refs.filter((pointer) => resolvePointer(document, pointer) === undefined);
    expect(broken).toEqual([]);
  });

  it("gives every operation a unique operationId and at least one response with a description", () => {
    const ids: string[] = [];
    for (const [urlPath, item] of Object.entries(paths)) {
      for (const method of HTTP_METHODS.map((m) => m.toLowerCase())) {
        const operation = item[method] as Operation | undefined;
        if (!operation) continue;
        expect(operation.operationId, `${method} ${urlPath}`).toBeTruthy();
        ids.push(operation.operationId!);
        const responses = Object.entries(operation.responses ?? {});
        expect(responses.length, `${method} ${urlPath} responses`).toBeGreaterThan(0);
        for (const [status, response] of responses) {
          expect(status, `${method} ${urlPath}`).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect((response as { description?: string }).description, `${method} ${urlPath} ${status}`).toBeTruthy();
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares every path template variable as a required path parameter", () => {
    for (const [urlPath, item] of Object.entries(paths)) {
      const variables = [...urlPath.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      for (const method of HTTP_METHODS.map((m) => m.toLowerCase())) {
        const operation = item[method] as Operation | undefined;
        if (!operation) continue;
        const declared = [...(item.parameters ?? []), ...(operation.parameters ?? [])].filter((p) => p.in === "path");
        expect(declared.map((p) => p.name).sort(), `${method} ${urlPath}`).toEqual([...variables].sort());
        for (const parameter of declared) expect(parameter.required, `${urlPath} ${parameter.name}`).toBe(true);
      }
    }
  });

  it("tags every operation and says how to authenticate: none for openapi.json and /api/health, a token or the session elsewhere", () => {
    const PUBLIC = ["GET /api/v1/openapi.json", "GET /api/health"];
    for (const [urlPath, item] of Object.entries(paths)) {
      for (const method of HTTP_METHODS.map((m) => m.toLowerCase())) {
        const operation = item[method] as (Operation & { tags?: string[]; security?: unknown[] }) | undefined;
        if (!operation) continue;
        const name = `${method.toUpperCase()} ${urlPath}`;
        expect(operation.tags?.length, `${name} tags`).toBeGreaterThan(0);
        if (PUBLIC.includes(name)) {
          expect(operation.security, name).toEqual([]);
          expect(operation.responses, name).not.toHaveProperty("401");
        } else {
          expect(operation.security, name).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
          // RFC 9110 §11.6.1: the 401 names the scheme.
          expect(operation.responses?.["401"], name).toMatchObject({ headers: { "WWW-Authenticate": { required: true } } });
        }
      }
    }
  });

  it("types every list as a page of named rows and every record read as { data } or { data, flags }", () => {
    const schemas = document.components.schemas as Record<string, { properties?: Record<string, any>; required?: string[] }>;
    const lists = ["Processor", "Transfer", "Flag", "DataCategory", "Agreement", "Activity"];
    for (const name of lists) {
      const page = schemas[`${name}Page`]!;
      expect(page.properties?.data, name).toEqual({ type: "array", items: { $ref: `#/components/schemas/${name}ListRow` } });
      expect(Object.keys(schemas[`${name}ListRow`]!.properties ?? {}).length, `${name}ListRow`).toBeGreaterThan(3);
    }
    const listOf = (urlPath: string) => (paths[urlPath]!.get as any).responses["200"].content["application/json"].schema;
    expect(listOf("/api/v1/transfers")).toEqual({ $ref: "#/components/schemas/TransferPage" });
    expect(schemas.TransferListRow!.properties).toMatchObject({ processorName: { type: "string" }, worstOpenFlagSeverity: expect.anything() });
    const recordOf = (urlPath: string) => (paths[urlPath]!.get as any).responses["200"].content["application/json"].schema;
    expect(schemas[recordOf("/api/v1/transfers/{id}").$ref.split("/").pop()]).toMatchObject({
      required: ["data", "flags"],
      properties: { data: { $ref: "#/components/schemas/Transfer" }, flags: { type: "array", items: { $ref: "#/components/schemas/Flag" } } },
    });
    expect(schemas[recordOf("/api/v1/activities/{id}").$ref.split("/").pop()]).toMatchObject({ required: ["data"], properties: { data: { $ref: "#/components/schemas/Activity" } } });
    expect(schemas.Me!.properties).toMatchObject({ role: { enum: ["dpo", "engineer", "auditor"] }, via: { enum: ["token", "session"] } });
  });

  it("gives dates their format, in requests and responses", () => {
    const schemas = document.components.schemas as Record<string, { properties: Record<string, any> }>;
    expect(schemas.Transfer!.properties.tiaDate).toMatchObject({ type: ["string", "null"], format: "date" });
    expect(schemas.TransferCreate!.properties.startDate).toMatchObject({ format: "date" });
    expect(schemas.Transfer!.properties.createdAt).toEqual({ type: "string", format: "date-time" });
    expect(schemas.Processor!.properties.submittedAt).toMatchObject({ format: "date-time" });
    expect(schemas.AgreementListRow!.properties.expiryDate).toMatchObject({ format: "date" });
    expect(schemas.FlagAccept!.properties.acceptedUntil).toMatchObject({ format: "date" });
  });

  it("describes one read model per list (no view=register)", () => {
    expect(JSON.stringify(document)).not.toContain("view=register");
  });

  it("documents the import and export endpoints with their query parameters", () => {
    const names = (parameters: Parameter[] | undefined) => (parameters ?? []).map((p) => p.name);
    expect(names((paths["/api/v1/import"]?.post as Operation).parameters)).toEqual(expect.arrayContaining(["dryRun", "kind"]));
    expect(names((paths["/api/v1/import/template"]?.get as Operation).parameters)).toEqual(expect.arrayContaining(["format", "kind"]));
    expect(names((paths["/api/v1/exports/{report}"]?.get as Operation).parameters)).toEqual(
      expect.arrayContaining(["format", "pending", "template", "manifest", "asOf", "from", "to"]),
    );
  });
});
