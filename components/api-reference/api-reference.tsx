import type { ReactElement } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

/*
 * A readable rendering of the OpenAPI document (lib/api/openapi.ts), on the server, without any script: the
 * CSP allows only 'self', and the document is small enough to show whole. Everything comes from the same
 * object /api/v1/openapi.json serves, so the page cannot describe an API other than the one that runs.
 * The page's own words follow the reader's language (messages apiReference.*); the document's text (summaries,
 * descriptions, tags) is a developer document and stays in English, marked lang="en" for a French reader.
 */

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Response = { description?: string; headers?: Record<string, { description?: string }>; content?: Record<string, { schema?: Schema }> };
type Operation = {
  tags?: string[];
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, Response>;
  /** Empty: public (no token). Absent: the document's default (a bearer token or the session). */
  security?: Record<string, string[]>[];
};
export type OpenApiDocument = {
  info: { title: string; description?: string; version: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Schema> };
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const METHOD_TONES: Record<(typeof METHODS)[number], BadgeTone> = { get: "blue", post: "green", put: "amber", patch: "amber", delete: "red" };

const anchor = (...parts: string[]) => parts.join("-").replace(/[^A-Za-z0-9-]+/g, "-");
const refName = (ref: string) => ref.replace("#/components/schemas/", "");

/** A one-line type: "string (uuid)", "Processor", "array of Flag", "one of: a | b". */
function typeLabel(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  if (Array.isArray(schema.enum)) return `one of: ${schema.enum.map(String).join(" | ")}`;
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    return ((schema.anyOf ?? schema.oneOf) as Schema[]).map(typeLabel).join(" or ");
  }
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type as string | undefined) ?? "any";
  if (type === "array") return `array of ${typeLabel(schema.items as Schema | undefined)}`;
  return schema.format ? `${type} (${String(schema.format)})` : type;
}

/** The language attribute of the document's own (English) text: none when the page is English too. */
function useDocumentLang(): "en" | undefined {
  return useLocale() === "en" ? undefined : "en";
}

// An identifier the document's prose quotes: a snake_case code (validation_failed) or a data category's key (user.contact.email).
const IDENTIFIER = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\buser(?:\.[a-z0-9_]+)+\b/g;

/** The document's prose, with the identifiers it quotes shown as code: they are values to type, not words. */
function DocumentText({ text }: { text: string }) {
  const parts: ReactElement[] = [];
  let last = 0;
  for (const match of text.matchAll(IDENTIFIER)) {
    if (match.index > last) parts.push(<span key={last}>{text.slice(last, match.index)}</span>);
    parts.push(<code key={match.index}>{match[0]}</code>);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(<span key={last}>{text.slice(last)}</span>);
  return <>{parts}</>;
}

function SchemaLink({ schema }: { schema: Schema | undefined }): ReactElement {
  const t = useTranslations("apiReference");
  // A list's rows: "array of" and a link to the row's schema.
  if (schema && schema.type === "array" && schema.items && typeof (schema.items as Schema).$ref === "string") {
    return (
      <>
        {t("arrayOf")} <SchemaLink schema={schema.items as Schema} />
      </>
    );
  }
  if (schema && typeof schema.$ref === "string") {
    const name = refName(schema.$ref);
    return (
      <a href={`#schema-${anchor(name)}`} className="text-brand-700 underline">
        {name}
      </a>
    );
  }
  return <code>{typeLabel(schema)}</code>;
}

function FieldsTable({ schema, caption }: { schema: Schema; caption: string }) {
  const t = useTranslations("apiReference");
  const lang = useDocumentLang();
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  if (Object.keys(properties).length === 0) {
    return (
      <p className="text-sm">
        <code>{typeLabel(schema)}</code>
      </p>
    );
  }
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">{t("field")}</th>
          <th scope="col" className="py-1 pr-3">{t("type")}</th>
          <th scope="col" className="py-1 pr-3">{t("required")}</th>
          <th scope="col" className="py-1">{t("notes")}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(properties).map(([name, property]) => (
          <tr key={name} className="border-b border-slate-100 align-top">
            <td className="py-1 pr-3"><code>{name}</code></td>
            <td className="py-1 pr-3 break-words"><SchemaLink schema={property} /></td>
            <td className="py-1 pr-3">{required.has(name) ? t("yes") : t("no")}</td>
            <td className="py-1 text-slate-700" lang={lang}>
              {typeof property.description === "string" ? <DocumentText text={property.description} /> : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const isPublic = (operation: Operation) => Array.isArray(operation.security) && operation.security.length === 0;

function curlExample(baseUrl: string, method: string, path: string, operation: Operation): string {
  const lines = [`curl -X ${method.toUpperCase()} "${baseUrl}${path}"`, ...(isPublic(operation) ? [] : [`  -H "Authorization: Bearer $TOKEN"`])];
  const content = operation.requestBody?.content ?? {};
  if (content["application/json"]) lines.push(`  -H "Content-Type: application/json"`, `  -d @body.json`);
  else if (content["text/csv"]) lines.push(`  -H "Content-Type: text/csv"`, `  --data-binary @processors.csv`);
  return lines.join(" \\\n");
}

function OperationSection({ method, path, operation, pathParameters, baseUrl }: { method: string; path: string; operation: Operation; pathParameters: Parameter[]; baseUrl: string }) {
  const t = useTranslations("apiReference");
  const lang = useDocumentLang();
  const id = anchor("op", operation.operationId ?? `${method}-${path}`);
  const parameters = [...pathParameters, ...(operation.parameters ?? [])];
  const body = operation.requestBody?.content ?? {};
  return (
    <section aria-labelledby={id} className="space-y-3 rounded border border-slate-200 p-4">
      <h3 id={id} className="flex flex-wrap items-center gap-2 font-mono text-base">
        <Badge tone={METHOD_TONES[method as (typeof METHODS)[number]]}>{method.toUpperCase()}</Badge>
        <span>{path}</span>
      </h3>
      {operation.summary && (
        <p className="text-sm" lang={lang}>
          <DocumentText text={operation.summary} />
        </p>
      )}
      {operation.description && (
        <p className="text-sm text-slate-700" lang={lang}>
          <DocumentText text={operation.description} />
        </p>
      )}
      <p className="text-sm">
        <span className="font-medium">{t("operation.authentication")}</span> {isPublic(operation) ? t("operation.public") : t("operation.bearer")}
      </p>
      {parameters.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left font-medium">{t("operation.parameters")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3">{t("operation.name")}</th>
              <th scope="col" className="py-1 pr-3">{t("operation.in")}</th>
              <th scope="col" className="py-1 pr-3">{t("type")}</th>
              <th scope="col" className="py-1">{t("required")}</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((parameter) => (
              <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-3">
                  <code>{parameter.name}</code>
                  {parameter.description ? (
                    <span className="block text-slate-700" lang={lang}>
                      <DocumentText text={parameter.description} />
                    </span>
                  ) : null}
                </td>
                {/* OpenAPI's own word for where the parameter goes (query, path, header): a value of the format. */}
                <td className="py-1 pr-3">
                  <code>{parameter.in}</code>
                </td>
                <td className="py-1 pr-3 break-words"><code>{typeLabel(parameter.schema)}</code></td>
                <td className="py-1">{parameter.required ? t("yes") : t("no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {Object.keys(body).length > 0 && (
        <div className="text-sm">
          <h4 className="font-medium">{operation.requestBody?.required ? t("operation.body") : t("operation.optionalBody")}</h4>
          {operation.requestBody?.description && (
            <p lang={lang}>
              <DocumentText text={operation.requestBody.description} />
            </p>
          )}
          <ul className="list-disc pl-5">
            {Object.entries(body).map(([mediaType, { schema }]) => (
              <li key={mediaType}><code>{mediaType}</code>: <SchemaLink schema={schema} /></li>
            ))}
          </ul>
        </div>
      )}
      <div className="text-sm">
        <h4 className="font-medium">{t("operation.responses")}</h4>
        <ul className="list-disc pl-5">
          {Object.entries(operation.responses ?? {}).map(([status, response]) => (
            <li key={status}>
              <code>{status}</code>{" "}
              {response.description && (
                <span lang={lang}>
                  <DocumentText text={response.description} />
                </span>
              )}
              {Object.entries(response.content ?? {}).map(([mediaType, { schema }]) => (
                <span key={mediaType}> — <code>{mediaType}</code> <SchemaLink schema={schema} /></span>
              ))}
              {Object.keys(response.headers ?? {}).length > 0 && (
                <span>
                  {" "}
                  {t.rich("operation.headers", {
                    names: () =>
                      Object.keys(response.headers ?? {}).map((name, index) => (
                        <span key={name}>
                          {index > 0 ? ", " : ""}
                          <code>{name}</code>
                        </span>
                      )),
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
      <div className="text-sm">
        <h4 className="font-medium">{t("operation.example")}</h4>
        <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs" tabIndex={0} aria-label={t("operation.exampleLabel", { method: method.toUpperCase(), path })}>
          {curlExample(baseUrl, method, path, operation)}
        </pre>
      </div>
    </section>
  );
}

export function ApiReference({ document, baseUrl }: { document: OpenApiDocument; baseUrl: string }) {
  const t = useTranslations("apiReference");
  const lang = useDocumentLang();
  const byTag = new Map<string, { method: string; path: string; operation: Operation; pathParameters: Parameter[] }[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    const pathParameters = (item.parameters as Parameter[] | undefined) ?? [];
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? "General";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation, pathParameters }]);
    }
  }
  const tags = [...byTag.keys()];
  return (
    <div className="space-y-8">
      <nav aria-label={t("sections")}>
        <ul className="flex flex-wrap gap-3 text-sm">
          <li><a href="#authentication" className="text-brand-700 underline">{t("authentication.title")}</a></li>
          <li><a href="#errors" className="text-brand-700 underline">{t("errors.title")}</a></li>
          {tags.map((tag) => (
            <li key={tag}><a href={`#tag-${anchor(tag)}`} className="text-brand-700 underline" lang={lang}>{tag}</a></li>
          ))}
          <li><a href="#schemas" className="text-brand-700 underline">{t("schemas")}</a></li>
          <li><a href="/api/v1/openapi.json" className="text-brand-700 underline">openapi.json</a></li>
        </ul>
      </nav>

      <section aria-labelledby="authentication" className="space-y-2 text-sm">
        <h2 id="authentication" className="text-xl font-semibold">{t("authentication.title")}</h2>
        <p>{t.rich("authentication.text", { code: (chunks) => <code>{chunks}</code>, header: "Authorization: Bearer <token>" })}</p>
      </section>

      <section aria-labelledby="errors" className="space-y-2 text-sm">
        <h2 id="errors" className="text-xl font-semibold">{t("errors.title")}</h2>
        <p>
          {t.rich("errors.text", {
            code: (chunks) => <code>{chunks}</code>,
            problem: (chunks) => (
              <a href="#schema-Problem" className="text-brand-700 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
        <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs" tabIndex={0} aria-label={t("errors.exampleLabel")}>
          {JSON.stringify({ type: "about:blank", title: "Unprocessable Content", status: 422, code: "validation_failed", detail: "country: unknown country code", errors: [{ path: "country", message: "unknown country code" }] }, null, 2)}
        </pre>
      </section>

      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${anchor(tag)}`} className="space-y-4">
          <h2 id={`tag-${anchor(tag)}`} className="text-xl font-semibold" lang={lang}>{tag}</h2>
          {byTag.get(tag)!.map((entry) => (
            <OperationSection key={`${entry.method} ${entry.path}`} {...entry} baseUrl={baseUrl} />
          ))}
        </section>
      ))}

      <section aria-labelledby="schemas" className="space-y-4">
        <h2 id="schemas" className="text-xl font-semibold">{t("schemas")}</h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <section key={name} aria-labelledby={`schema-${anchor(name)}`} className="space-y-2 rounded border border-slate-200 p-4">
            <h3 id={`schema-${anchor(name)}`} className="font-mono text-base">{name}</h3>
            <FieldsTable schema={schema} caption={t("fieldsOf", { name })} />
          </section>
        ))}
      </section>
    </div>
  );
}
