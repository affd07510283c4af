import { z } from "zod";
import { PROCESSOR_SORTS } from "@/db/list-sorts";
import { countryCode, isoDate, text, uuid, version } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { MAX_PAGE_SIZE, reviewFields, defineContract, lenientQuery, pageOf, paginationQuery, recordIdParam, recordOf, searchText, sortDirection, updateBodyOf, wire } from "./common";

/**
 * The processors resource: /api/v1/processors, the processor register page, the processor form, the
 * registration wizard's vendor step; and the vendor's review (submit, approve, reject) and the duplicates
 * look-up, its two operations beyond the standard five.
 */

export const processorListQuery = z.object({
  ...paginationQuery,
  q: searchText.optional().describe("Text search on the name, legal name and website"),
  status: enumField("recordStatus").optional(),
  country: countryCode.optional().describe("Country of establishment, ISO 3166-1 alpha-2"),
  service: enumField("processorService").optional().describe("What the processor does for us"),
  sort: z.enum(PROCESSOR_SORTS).optional().describe("Sort column (default name); ties are broken by id"),
  direction: sortDirection.optional(),
});

export type ProcessorListQuery = z.output<typeof processorListQuery>;

/**
 * The register page's URL: the same parameters, lenient, plus the column choice. The page always names its
 * sort (the API's own default, name ascending), so that the table marks the sorted column.
 */
export const processorPageQuery = lenientQuery(processorListQuery.omit({ sort: true, direction: true }), {
  // A page shows at least five rows; the API allows fewer.
  pageSize: z.coerce.number().int().min(5).max(MAX_PAGE_SIZE).catch(20),
  sort: z.enum(PROCESSOR_SORTS).catch("name"),
  direction: sortDirection.catch("asc"),
  cols: z.string().max(500).optional().catch(undefined),
});
export type ProcessorPageQuery = z.output<typeof processorPageQuery>;
/** What selects the rows (the column choice does not): the query key's part, the API query and the db query's input. */
export type ProcessorFilters = Omit<ProcessorPageQuery, "cols">;

export function processorFilters({ cols: _columns, ...filters }: ProcessorPageQuery): ProcessorFilters {
  return filters;
}

/** A web address of the processor: only http(s), so that a `javascript:` link can never reach the UI. */
const website = z
  .string()
  .trim()
  .max(500, { message: "must be at most 500 characters" })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "must be an http or https URL" },
  );

/**
 * One processor as the API, the forms, the wizard and the import accept it (DOMAIN.md §2, camelCase). The
 * lifecycle `status` is not writable here: it moves through submit and review.
 */
export const processorFields = z.object({
  name: text(200).min(1, { message: "is required" }),
  legalName: text(300).nullable().default(null),
  website: website.nullable().default(null),
  role: enumField("processorRole"),
  service: enumField("processorService"),
  /** Country of establishment. */
  country: countryCode.meta({ description: "ISO 3166-1 alpha-2 country code", examples: ["US", "CN", "HK"] }),
  /** A sub-processor hangs under the processor that engaged it. */
  parentProcessorId: uuid.nullable().default(null),
  /** EU-US Data Privacy Framework (Decision (EU) 2023/1795). */
  dpfCertified: z.boolean().default(false),
  dpfExpiry: isoDate.nullable().default(null),
  /**
   * The certification includes the UK Extension to the DPF: the only route for UK data to a US importer under the
   * Data Protection (Adequacy) (United States of America) Regulations 2023; the EU-US certification alone is not.
   */
  dpfUkExtension: z
    .boolean()
    .default(false)
    .describe("The DPF certification includes the UK Extension (UK data to a US importer relies on it, not on the EU-US certification alone)"),
  /** 28 CFR 202.211: owned by, or principally based in, a country of concern. */
  coveredPerson: z.boolean().default(false),
  ownerUserId: uuid.nullable().default(null),
  notes: text(5000).nullable().default(null),
  externalId: text(200).nullable().default(null),
});

/** The create body: strict, so that an unknown field is refused by name (a typo like `dpfCertifed` would otherwise lose a value). */
export const createProcessorBody = z.strictObject(processorFields.shape);
/** A partial change: a field left out keeps its stored value; `version` is the one edited. */
export const updateProcessorBody = updateBodyOf(createProcessorBody);

export type CreateProcessorInput = z.input<typeof createProcessorBody>;
export type UpdateProcessorInput = z.input<typeof updateProcessorBody>;

/** The stored processor as responses carry it (without the internal name-collision key). */
export const processorRecord = recordOf(createProcessorBody, reviewFields);

/** One row of the processor register (GET /api/v1/processors). */
export const processorListRow = z.object({
  id: wire.id,
  name: z.string(),
  legalName: z.string().nullable(),
  country: z.string(),
  role: enumField("processorRole"),
  service: enumField("processorService"),
  status: enumField("recordStatus"),
  dpfCertified: z.boolean(),
  dpfUkExtension: z.boolean().describe("The DPF certification includes the UK Extension"),
  updatedAt: wire.timestamp,
  transferCount: z.number().int(),
  /** Flags of the processor, its transfers and its agreements that are open (not accepted, not resolved). */
  openFlagCount: z.number().int(),
});

/*
 * The review workflow (DOMAIN.md §1): POST /api/v1/processors/{id}/{action}. An engineer registers a vendor as a
 * draft and submits it; the DPO approves or rejects it. The body is the processor version the reviewer saw
 * (optimistic concurrency; If-Match may carry it instead) and a comment; a rejection must say why, so that the
 * engineer knows what to fix before submitting again.
 */
export const REVIEW_ACTIONS = ["submit", "approve", "reject"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const reviewComment = text(4000).describe("A note for the record; required (at least 5 characters) to reject");

export const submitProcessorBody = z.strictObject({ version, comment: reviewComment.optional() });
export const approveProcessorBody = z.strictObject({ version, comment: reviewComment.optional() });
export const rejectProcessorBody = z.strictObject({
  version,
  comment: text(4000).min(5, { message: "must explain the rejection in at least 5 characters" }),
});

export const reviewBodies = { submit: submitProcessorBody, approve: approveProcessorBody, reject: rejectProcessorBody } as const;
export type ReviewBody = z.input<typeof submitProcessorBody>;

export const processorReviewOperation = {
  path: "/api/v1/processors/{id}/{action}",
  actions: REVIEW_ACTIONS,
  operationId: "reviewProcessor",
  summary: "Move a vendor through its review",
  description:
    "submit (the engineer who registered it, or the DPO): draft or rejected → submitted, with its draft transfers; approve (DPO): submitted → approved, with its submitted transfers; reject (DPO, comment required): submitted → rejected",
  /** Engineers reach the route to submit; approve and reject are the DPO's (403 for anyone else). */
  roles: ["dpo", "engineer"],
  /** Who may take each action. */
  actionRoles: { submit: ["dpo", "engineer"], approve: ["dpo"], reject: ["dpo"] },
  /** The answer: the processor in its new state with its open flags (as a GET). */
  response: processorRecord,
} as const;

/** The query of GET /api/v1/processors/duplicates: at least one of name and website. */
export const duplicatesQuery = z
  .object({
    name: z.string().trim().max(300).optional().describe("The vendor name being registered"),
    website: z.string().trim().max(2048).optional().describe("Its website; compared by registrable domain"),
    excludeId: z.uuid().optional().describe("A processor to leave out (the draft being edited)"),
  })
  .refine((query) => Boolean(query.name || query.website), { message: "give name or website", path: ["name"] });

export const DUPLICATE_REASONS = ["same_name", "similar_name", "same_domain"] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const possibleDuplicate = z.object({
  id: wire.id,
  name: z.string(),
  website: z.string().nullable(),
  status: enumField("recordStatus"),
  reasons: z.array(enumField("duplicateReason")),
});
export type PossibleDuplicate = z.output<typeof possibleDuplicate>;

export const processorDuplicatesOperation = {
  path: "/api/v1/processors/duplicates",
  operationId: "findProcessorDuplicates",
  summary:
    "Processors (any status) that may be the vendor about to be registered: the same or a similar normalised name, or the same website domain",
  roles: ["dpo", "engineer"],
  query: duplicatesQuery,
  /** `{ data: PossibleDuplicate[] }`, exact names first, then shared domains, then look-alikes; at most 10. */
  response: z.object({ data: z.array(possibleDuplicate) }),
} as const;

export const processorContract = defineContract({
  name: "Processor",
  tag: "Processors",
  path: "/api/v1/processors",
  record: processorRecord,
  listRow: processorListRow,
  listPage: pageOf(processorListRow),
  listQuery: processorListQuery,
  createBody: createProcessorBody,
  updateBody: updateProcessorBody,
  withFlags: true,
  operations: {
    list: { operationId: "listProcessors", summary: "List processors: the processor register's rows (transfer count, open-flag count)", roles: ["dpo", "engineer", "auditor"] },
    create: { operationId: "createProcessor", summary: "Register a processor as a draft; its flags (and its parent's) are evaluated", roles: ["dpo", "engineer"] },
    get: { operationId: "getProcessor", summary: "Read one processor with its open flags", roles: ["dpo", "engineer", "auditor"] },
    update: { operationId: "updateProcessor", summary: "Change some fields of a processor (dpo; engineer: own drafts)", roles: ["dpo", "engineer"] },
    delete: { operationId: "deleteProcessor", summary: "Delete a processor; its own flags are resolved (dpo; engineer: own drafts)", roles: ["dpo", "engineer"] },
    deleteDependents: "transfers, sub-processors or agreements still hang on it",
  },
});
