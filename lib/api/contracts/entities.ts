import { z } from "zod";
import { ENTITY_SORTS } from "@/db/list-sorts";
import { countryCode, text } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { MAX_PAGE_SIZE, defineContract, lenientQuery, pageOf, paginationQuery, recordOf, searchText, sortDirection, updateBodyOf, wire } from "./common";

/**
 * The organisation's own legal entities (DOMAIN.md §2 "Organisation and entities"): the exporters of transfers
 * and the controllers of processing activities. /api/v1/entities, the organisation page, the entity forms.
 */

export const entityListQuery = z.object({
  ...paginationQuery,
  q: searchText.optional().describe("Text search on the name and the legal name"),
  country: countryCode.optional().describe("Country of the entity, ISO 3166-1 alpha-2"),
  role: enumField("entityRole").optional().describe("controller or processor"),
  sort: z.enum(ENTITY_SORTS).optional().describe("Sort column (default name); ties are broken by id"),
  direction: sortDirection.optional(),
});

export type EntityListQuery = z.output<typeof entityListQuery>;

/** The organisation page's URL: the same parameters, lenient. */
export const entityPageQuery = lenientQuery(entityListQuery, {
  // A page shows at least five rows; the API allows fewer.
  pageSize: z.coerce.number().int().min(5).max(MAX_PAGE_SIZE).catch(20),
  // The page's sort links start from the list's own order, by name.
  sort: z.enum(ENTITY_SORTS).catch("name"),
  direction: sortDirection.catch("asc"),
});
export type EntityFilters = z.output<typeof entityPageQuery>;

const contact = text(1000).nullable().default(null);

/** One entity as the API, the forms and the import accept it (DOMAIN.md §2, camelCase). */
export const entityFields = z.object({
  /** The short name the registers show; unique (transfers and the import name their exporter by it). */
  name: text(200).min(1, { message: "is required" }),
  legalName: text(300).nullable().default(null),
  /** ISO 3166-1 alpha-2. */
  country: countryCode,
  role: enumField("entityRole"),
  address: text(1000).nullable().default(null),
  phone: text(100).nullable().default(null),
  /** The DPO's name and contact details (GDPR Art. 30(1)(a), 37(7)): the Art. 30 record's cover names them. */
  dpoContact: contact,
  /** GDPR Art. 27: the representative in the Union of a controller established outside it, where designated. */
  representativeContact: contact,
  /** UK GDPR Art. 27: the representative in the United Kingdom, where designated. */
  ukRepresentativeContact: contact,
  /** Critical information infrastructure operator (PIPL Art. 40): its exports from China need a CAC security assessment at any volume. */
  ciio: z
    .boolean()
    .default(false)
    .describe("Critical information infrastructure operator (PIPL Art. 40): its exports from China need a CAC security assessment at any volume"),
});

/** The create body: strict, so that an unknown field is refused by name (a typo would otherwise lose a value). */
export const createEntityBody = z.strictObject(entityFields.shape);
/** A partial change: a field left out keeps its stored value; `version` is the one edited. */
export const updateEntityBody = updateBodyOf(createEntityBody);

export type CreateEntityInput = z.input<typeof createEntityBody>;
export type UpdateEntityInput = z.input<typeof updateEntityBody>;

export const entityRecord = recordOf(createEntityBody, {});

/** One row of the organisation's entity list (GET /api/v1/entities): the stored entity and what depends on it. */
export const entityListRow = z.object({
  id: wire.id,
  name: z.string(),
  legalName: z.string().nullable(),
  country: z.string(),
  role: enumField("entityRole"),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  dpoContact: z.string().nullable(),
  representativeContact: z.string().nullable(),
  ukRepresentativeContact: z.string().nullable(),
  ciio: z.boolean(),
  version: z.number().int(),
  createdAt: wire.timestamp,
  updatedAt: wire.timestamp,
  activityCount: z.number().int().describe("Processing activities it is the controller of"),
  transferCount: z.number().int().describe("Transfers it exports"),
});

/** The 409 of a delete refused because records depend on the entity: their ids and names. */
export const entityDependents = z.object({
  activities: z.array(z.object({ id: wire.id, name: z.string() })),
  transfers: z.array(z.object({ id: wire.id, name: z.string() })),
});

export const entityContract = defineContract({
  name: "Entity",
  tag: "Entities",
  path: "/api/v1/entities",
  record: entityRecord,
  listRow: entityListRow,
  listPage: pageOf(entityListRow),
  listQuery: entityListQuery,
  createBody: createEntityBody,
  updateBody: updateEntityBody,
  // Rules flag transfers, processors and agreements, never an entity: its responses carry the record alone.
  withFlags: false,
  operations: {
    list: { operationId: "listEntities", summary: "List the organisation's legal entities (with the counts of activities and transfers depending on each), by name", roles: ["dpo", "engineer", "auditor"] },
    create: { operationId: "createEntity", summary: "Add a legal entity of the organisation (dpo)", roles: ["dpo"] },
    get: { operationId: "getEntity", summary: "Read one legal entity", roles: ["dpo", "engineer", "auditor"] },
    update: {
      operationId: "updateEntity",
      summary: "Change some fields of a legal entity (dpo); the flags of the processors receiving its transfers are re-evaluated",
      roles: ["dpo"],
    },
    delete: { operationId: "deleteEntity", summary: "Delete a legal entity no record depends on (dpo)", roles: ["dpo"] },
    deleteDependents: "processing activities it controls or transfers it exports (named by id and name)",
  },
});
