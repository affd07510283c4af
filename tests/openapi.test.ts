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

  it("documents the import and export endpoints with their query parameters", () => {
    const names = (parameters: Parameter[] | undefined) => (parameters ?? []).map((p) => p.name);
    expect(names((paths["/api/v1/import"]?.post as Operation).parameters)).toEqual(expect.arrayContaining(["dryRun", "kind"]));
    expect(names((paths["/api/v1/import/template"]?.get as Operation).parameters)).toEqual(expect.arrayContaining(["format", "kind"]));
    expect(names((paths["/api/v1/exports/{report}"]?.get as Operation).parameters)).toEqual(
      expect.arrayContaining(["format", "pending", "template", "manifest", "asOf", "from", "to"]),
    );
  });
});
