import { z } from "zod";
import { FLAG_STATUSES } from "@/db/schema/enums";
import { isoDate, text, uuid, version } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { MAX_PAGE_SIZE, defineContract, lenientQuery, pageOf, paginationQuery, recordIdParam, searchText, wire, type OperationMeta } from "./common";

/*
 * The flags resource: /api/v1/flags, the flag register page, the accept-risk forms. Flags are written by the
 * rule engine; the only write a person makes is the DPO's acceptance of a risk (one flag, or several at once).
 */

/** A status, or "all" (every status: what the API answers when no status is given). */
export const FLAG_STATUS_FILTERS = [...FLAG_STATUSES, "all"] as const;
export type FlagStatusFilter = (typeof FLAG_STATUS_FILTERS)[number];

export const flagListQuery = z.object({
  ...paginationQuery,
  q: searchText.optional().describe("Text search on the rule's title or id and the subject's processor name"),
  status: enumField("flagStatusFilter").optional().describe("Absent or all: every status (the register page asks for open)"),
  severity: enumField("severity").optional(),
  ruleId: enumField("rule").optional(),
  subjectType: enumField("flagSubjectType").optional(),
  processorId: recordIdParam.optional().describe("The processor's own flags and those of its transfers and agreements"),
  pending: enumField("pendingMode").optional().describe("Flags whose subject (transfer with its vendor, vendor, agreement's vendor) is in this population. exclude: the register of record, as the exports (approved records of approved vendors); include: with the records awaiting review too (draft, submitted), without rejected or offboarded vendors and rejected or ended transfers; absent: every record"),
});

export type FlagListQuery = z.output<typeof flagListQuery>;

/**
 * The register page's URL: the same parameters, lenient, with the page's own defaults and names. The page is
 * a work list, so it shows open flags unless asked otherwise (the API's default is every status). Its URL has
 * always said `rule` and `subject` (the dashboard's links, bookmarks): they are read as `ruleId` and `subjectType`.
 */
// The overridden keys are left out of the strict side, so that the page's types are the overrides' own.
export const flagPageQuery = lenientQuery(flagListQuery.omit({ pageSize: true, status: true }), {
  // A page shows at least five rows; the API allows fewer.
  pageSize: z.coerce.number().int().min(5).max(MAX_PAGE_SIZE).catch(20),
  status: enumField("flagStatusFilter").catch("open"),
  rule: enumField("rule").optional().catch(undefined),
  subject: enumField("flagSubjectType").optional().catch(undefined),
  /** Set by the accept-risk form after a success, to confirm a flag that left the open list. */
  accepted: uuid.optional().catch(undefined),
});
export type FlagPageQuery = z.output<typeof flagPageQuery>;
/** What selects the rows, in the API's names: the query key's part and the API query. */
export type FlagFilters = Omit<FlagPageQuery, "accepted" | "rule" | "subject">;

export function flagFilters({ accepted: _accepted, rule, subject, ...query }: FlagPageQuery): FlagFilters {
  return {
    ...query,
    // An empty search box submits `q=`: the same rows, so the same key as no search.
    q: query.q || undefined,
    ruleId: query.ruleId ?? rule,
    subjectType: query.subjectType ?? subject,
  };
}

/** The list query as the register query takes it: "all" is no status filter. */
export function flagListInput({ status, ...query }: FlagListQuery | FlagFilters) {
  return { ...query, status: status === "all" ? undefined : status };
}

const facts = z.record(z.string(), z.unknown());

/** A flag as stored, without the engine's fingerprint (its change detector, not information for a client). */
export const flagRecord = z.object({
  id: wire.id,
  ruleId: z.string(),
  subjectType: enumField("flagSubjectType"),
  subjectId: wire.id,
  processorId: wire.id.nullable(),
  severity: enumField("severity"),
  message: z.string(),
  facts: facts.describe("Why it fired: the facts the rule used"),
  citation: z.string(),
  remediation: z.string(),
  status: enumField("flagStatus"),
  firstSeenAt: wire.timestamp,
  lastSeenAt: wire.timestamp,
  resolvedAt: wire.timestamp.nullable(),
  acceptedByUserId: wire.id.nullable(),
  acceptedAt: wire.timestamp.nullable(),
  acceptanceJustification: z.string().nullable(),
  acceptedUntil: wire.date.nullable(),
  acceptedSeverity: enumField("severity").nullable().describe("Severity when the risk was accepted: a worse one reopens the flag"),
  acceptedFacts: facts.nullable(),
  version: z.number().int(),
});

/** What names and links a flag's subject: the processor it concerns, a transfer's route, an agreement's type. */
const subjectFields = {
  subjectProcessorId: wire.id.nullable(),
  subjectProcessorName: z.string().nullable(),
  transferOriginCountry: z.string().nullable(),
  transferDestinationCountry: z.string().nullable(),
  agreementType: enumField("agreementType").nullable(),
};

/** GET /api/v1/flags/{id}: the flag with who accepted it and its subject. */
export const flagDetailRecord = flagRecord.extend({ acceptedByName: z.string().nullable(), ...subjectFields });

/**
 * One row of the flag register (GET /api/v1/flags): the stored flag with the catalog's rule title and what
 * names its subject, worst first then most recently seen.
 */
export const flagListRow = flagDetailRecord.extend({
  ruleTitle: z.string().describe("The catalog's title of the rule (its id for a rule no longer in the catalog)"),
  acceptanceExpired: z
    .boolean()
    .describe("An accepted flag whose end date (acceptedUntil) has passed: it reopens at the next evaluation of the dates (at start, then hourly)"),
});

/** The DPO's acceptance of one flag's risk; `version` may come from If-Match instead. */
export const acceptRiskBody = z.strictObject({
  version,
  justification: text(4000).min(10, { message: "must explain the decision in at least 10 characters" }),
  acceptedUntil: isoDate,
});
export type AcceptRiskBody = z.input<typeof acceptRiskBody>;

/** Several open flags, one justification, one end date: all or nothing. */
export const bulkAcceptRiskBody = z.strictObject({
  ids: z
    .array(uuid)
    .min(1, { message: "must select at least one flag" })
    .max(200, { message: "must select at most 200 flags at once" })
    .refine((ids) => new Set(ids).size === ids.length, { message: "must not list the same flag twice" }),
  justification: acceptRiskBody.shape.justification,
  until: acceptRiskBody.shape.acceptedUntil,
  /** The version each flag had when the DPO saw it, by id; a flag left out is accepted as it is now. */
  versions: z.record(z.string(), version).optional().describe("The version of each flag the DPO saw, by id; a flag left out is accepted as it is now"),
});
export type BulkAcceptRiskBody = z.input<typeof bulkAcceptRiskBody>;

/** The answer of a bulk acceptance: every accepted flag, in the order of `ids`. */
export const bulkAcceptRiskResponse = z.object({ data: z.array(flagRecord) });

export const flagContract = defineContract({
  name: "Flag",
  tag: "Flags",
  path: "/api/v1/flags",
  record: flagDetailRecord,
  listRow: flagListRow,
  listPage: pageOf(flagListRow),
  listQuery: flagListQuery,
  withFlags: false,
  operations: {
    list: {
      operationId: "listFlags",
      summary: "List flags, worst first: the flag register's rows (rule title, subject names and links); every status unless `status` says otherwise",
      roles: ["dpo", "engineer", "auditor"],
    },
    get: { operationId: "getFlag", summary: "Read one flag with who accepted it and the processor it concerns", roles: ["dpo", "engineer", "auditor"] },
  },
});

/**
 * The custom operations of the flags resource (not list/create/get/update/delete): the DPO's acceptance of a
 * risk. Both answer 200; a stale version or a resolved flag is a 409, an unknown flag a 404, bad input a 422.
 */
export const flagAcceptOperations = {
  accept: {
    method: "post",
    path: "/api/v1/flags/{id}/accept",
    body: acceptRiskBody,
    /** `{ data: flagRecord }`, with the new version as ETag. */
    response: flagRecord,
    meta: {
      operationId: "acceptFlagRisk",
      summary: "Accept the risk of a flag, with a justification and an end date (at most 24 months); the version edited comes from the body or If-Match",
      roles: ["dpo"],
    },
  },
  bulkAccept: {
    method: "post",
    path: "/api/v1/flags/accept",
    body: bulkAcceptRiskBody,
    /** `{ data: flagRecord[] }`. */
    response: bulkAcceptRiskResponse,
    meta: {
      operationId: "acceptFlagRisks",
      summary: "Accept the risks of several flags with one justification and end date: all or nothing (a flag that changed meanwhile is a 409 naming it)",
      roles: ["dpo"],
    },
  },
} as const satisfies Record<string, { method: string; path: string; body: z.ZodType; response: z.ZodType; meta: OperationMeta }>;
