import { z } from "zod";
import { unstorableTextReason } from "@/lib/validation/storable-text";
import { enumField } from "@/lib/validation/enum-field";

/*
 * The building blocks of the resource contracts (lib/api/contracts/<resource>.ts). A contract is the one place
 * a resource's shapes live: its list query (strict, for the API; the page derives its lenient form with
 * `lenientQuery`), its create and update bodies (the update derived from the create by `updateBodyOf`), the
 * record and list-row schemas its responses carry, and the OpenAPI metadata of its operations. Routes, forms,
 * server actions and the OpenAPI document all read it. Nothing here may import server-only code: the forms and
 * the registers' query modules run in the browser.
 */

/** Any UUID PostgreSQL accepts; ids are looked up, never trusted. */
export const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && UUID_SHAPE.test(value);
}

/** A record id in a query string. */
export const recordIdParam = z.string().regex(UUID_SHAPE, { message: "must be a record id (UUID)" }).meta({ format: "uuid" });

// Text PostgreSQL cannot store: checked at every edge (bodies, queries, and parseInput for actions and imports).
export { findUnstorableText, unstorableTextReason } from "@/lib/validation/storable-text";

/** Free-text search: bounded, and storable (the page's lenient form drops anything else). */
export const searchText = z
  .string()
  .trim()
  .max(200, { message: "must be at most 200 characters" })
  .superRefine((value, context) => {
    const message = unstorableTextReason(value);
    if (message) context.addIssue({ code: "custom", message });
  });

export const MAX_PAGE_SIZE = 100;

export const paginationQuery = {
  page: z.coerce.number({ message: "must be a whole number" }).int({ message: "must be a whole number" }).min(1).max(1_000_000).default(1),
  pageSize: z.coerce
    .number({ message: "must be a whole number" })
    .int({ message: "must be a whole number" })
    .min(1)
    .max(MAX_PAGE_SIZE, { message: `must be at most ${MAX_PAGE_SIZE}` })
    .default(20),
};

export const sortDirection = enumField("sortDirection");

/** "true"/"false" in a query string. */
export const booleanParam = z.enum(["true", "false"], { message: "must be true or false" }).transform((value) => value === "true");

type LenientShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodCatch<S[K]> };

/**
 * The page's form of a strict list query: a value that does not parse falls back (to its default, or to
 * "absent"), because a URL is never an error page. Every value the page keeps is one the API accepts, so the
 * page's refetch of the same view is never refused. `extra` adds what only the page has (the column choice).
 */
export function lenientQuery<S extends z.ZodRawShape, E extends z.ZodRawShape = Record<never, never>>(strict: z.ZodObject<S>, extra?: E) {
  const shape = Object.fromEntries(
    Object.entries(strict.shape).map(([key, schema]) => {
      const field = schema as z.ZodType;
      const fallback = field.safeParse(undefined);
      return [key, field.catch(fallback.success ? fallback.data : undefined)];
    }),
  ) as unknown as LenientShape<S>;
  // An override replaces the strict field's lenient form, type included (e.g. a page default for `status`).
  return z.object({ ...shape, ...(extra ?? ({} as E)) } as Omit<LenientShape<S>, keyof E> & E);
}

type Unwrapped<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type UpdateShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<Unwrapped<S[K]>> } & { version: typeof versionField };

const versionField = z.number({ message: "must be the record version you edited (a whole number)" }).int().min(1);

/**
 * The update body of a resource, derived from its create body in one way for every resource: each field
 * optional and WITHOUT its default (zod applies a default under `.optional()`, which would reset every field an
 * update leaves out), strict (an unknown field is refused by name), plus the `version` edited.
 */
export function updateBodyOf<S extends z.ZodRawShape>(create: z.ZodObject<S>): z.ZodObject<UpdateShape<S>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(create.shape).map(([key, schema]) => [key, ((schema instanceof z.ZodDefault ? schema.unwrap() : schema) as z.ZodType).optional()]),
  );
  return z.strictObject({ ...shape, version: versionField }) as unknown as z.ZodObject<UpdateShape<S>, z.core.$strict>;
}

/** Response-side field types: what JSON carries (ISO strings for dates), with the format a client generator reads. */
export const wire = {
  id: z.string().meta({ format: "uuid" }),
  timestamp: z.string().meta({ format: "date-time" }),
  date: z.string().meta({ format: "date" }),
};

/**
 * The DPO's review of a record that waits for it (a vendor, a processing activity), as responses carry it: not
 * writable through the bodies; submit, approve and reject move it.
 */
export const reviewFields = {
  status: enumField("recordStatus"),
  createdByUserId: wire.id.nullable(),
  submittedAt: wire.timestamp.nullable(),
  reviewedByUserId: wire.id.nullable(),
  reviewedAt: wire.timestamp.nullable(),
  reviewComment: z.string().nullable(),
};

/**
 * The stored record as responses carry it, from the create body's fields: every field present (defaults
 * unwrapped, so never optional), plus the columns every editable record has.
 */
export function recordOf<S extends z.ZodRawShape, E extends z.ZodRawShape>(fields: z.ZodObject<S>, extra: E) {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, schema]) => [key, schema instanceof z.ZodDefault ? schema.unwrap() : schema]),
  ) as { [K in keyof S]: Unwrapped<S[K]> };
  return z.object({ id: wire.id, ...shape, ...extra, version: z.number().int(), createdAt: wire.timestamp, updatedAt: wire.timestamp });
}

/** One page of a list, as every list endpoint answers it. */
export function pageOf<R extends z.ZodType>(row: R) {
  return z.object({ data: z.array(row), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
}

/** The roles an operation allows, as the OpenAPI document says it ("dpo, engineer"). */
export type OperationRoles = readonly ("dpo" | "engineer" | "auditor")[];

export interface OperationMeta {
  operationId: string;
  summary: string;
  /** Who may call it; shown in the document and checked by the route's wrapper. */
  roles: OperationRoles;
  description?: string;
}

/**
 * An endpoint of a resource beyond list/create/get/update/delete (a review action, accepting a flag's risk, a
 * bulk accept, a duplicate search), described from the same schemas its route validates with, so that the
 * OpenAPI document (lib/api/openapi.ts) can type its request and response.
 */
export interface CustomOperation extends OperationMeta {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Appended to the contract's path: "/{id}/accept", "/accept", "/duplicates", "/{id}/{action}". */
  pathSuffix: string;
  /** Path parameters of the suffix other than the record's own (`{id}`), e.g. `{ action: enumField("reviewAction") }`. */
  pathParams?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  /** The JSON request body; `bodyOptional` when it may be left out (the version sent as If-Match). */
  body?: z.ZodType;
  bodyOptional?: boolean;
  /** Parts of `body` to name as OpenAPI components (e.g. each member of a union body), by component name. */
  bodyComponents?: Record<string, z.ZodType>;
  /** Whether the version may come as If-Match (a write of one record). */
  ifMatch?: boolean;
  /** The JSON response body: "record" for the resource's record response (`{ data }` or `{ data, flags }`), else a schema. */
  response: "record" | z.ZodType;
  /** 201 when the operation creates a record (with Location), else 200. */
  successStatus?: 200 | 201;
  /** The OpenAPI component name of a schema `response`, when it deserves one (e.g. "ProcessorDuplicates"). */
  responseName?: string;
  /** The problems this endpoint answers besides 401 and 403, by status: their description. */
  problems?: Partial<Record<"400" | "403" | "404" | "409" | "413" | "415" | "422" | "428", string>>;
}

/**
 * A resource's contract: its schemas and the metadata of its standard operations. `name` is the OpenAPI
 * component name of its record ("Transfer"); `path` is its collection under /api/v1.
 */
export interface ResourceContract {
  name: string;
  tag: string;
  path: string;
  record: z.ZodType;
  listRow: z.ZodType;
  /** The list response: `pageOf(listRow)`, or a list without paging. */
  listPage: z.ZodType;
  listQuery: z.ZodObject;
  createBody?: z.ZodType;
  updateBody?: z.ZodType;
  /** Whether the record's responses carry its open flags (`{ data, flags }`). */
  withFlags: boolean;
  operations: Partial<Record<"list" | "create" | "get" | "update" | "delete", OperationMeta>> & {
    /** What blocks a delete (named in the 409's `dependents`). */
    deleteDependents?: string;
  };
  /** The OpenAPI component name of `record` when it is not `name` (flags: "FlagDetail", as "Flag" is the stored flag records carry). */
  recordName?: string;
  /** The record's path parameter when it is not a UUID named `id` (data categories: `key`). */
  idParam?: { name: string; schema: z.ZodType; description?: string };
  /** The list response's description when it is not one page (e.g. "Every matching category"). */
  listDescription?: string;
  /** Endpoints beyond the standard five (OpenAPI: one operation each, under the contract's tag). */
  customOperations?: readonly CustomOperation[];
}

export function defineContract<C extends ResourceContract>(contract: C): C {
  return contract;
}
