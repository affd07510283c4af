import { z } from "zod";
import { FLAG_STATUSES } from "@/db/schema/enums";
import { isoDate, text, uuid, version } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { MAX_PAGE_SIZE, defineContract, lenientQuery, pageOf, paginationQuery, recordIdParam, searchText, wire, type CustomOperation, type OperationMeta } from "./common";

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
  assignee: z
    .union([z.literal("me"), recordIdParam], { error: () => "must be me or a user id (UUID)" })
    .optional()
    .describe("me: the flags assigned to the caller; a user id: those assigned to that user"),
  overdue: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .describe("true: only overdue flags (open, with a due date before today); false or absent: no filter"),
  workStatus: enumField("flagWorkStatus").optional().describe("Where the remediation stands"),
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

/** Who reads the register, and when: what `assignee=me` and `overdue=true` mean. */
export interface FlagListViewer {
  /** Null for the system (a script): `assignee=me` then matches no flag. */
  userId: string | null;
  /** YYYY-MM-DD: a flag due before this day is overdue. */
  today: string;
}

/** A user id no flag is assigned to: what `assignee=me` selects for an actor that is not a user. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

/**
 * The list query as the register query takes it: "all" is no status filter, `assignee=me` the viewer's id,
 * `overdue=true` the viewer's today (a flag overdue is open, its due date before today).
 */
export function flagListInput({ status, assignee, overdue, ...query }: FlagListQuery | FlagFilters, viewer?: FlagListViewer) {
  if ((assignee === "me" || overdue === "true") && !viewer) throw new Error("assignee=me and overdue=true need the viewer");
  return {
    ...query,
    status: status === "all" ? undefined : status,
    assigneeUserId: assignee === "me" ? (viewer!.userId ?? NOBODY) : assignee,
    overdueOn: overdue === "true" ? viewer!.today : undefined,
  };
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
  messageFr: z.string().describe("The finding in French; empty when the engine has not worded it yet (then read `message`)"),
  assigneeUserId: wire.id.nullable().describe("Who works on the flag: an engineer or the DPO"),
  dueDate: wire.date.nullable(),
  workStatus: enumField("flagWorkStatus"),
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
export const flagDetailRecord = flagRecord.extend({ acceptedByName: z.string().nullable(), assigneeName: z.string().nullable(), ...subjectFields });

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

/*
 * Remediation (issue 17): who works on a flag, by when, where the work stands, the conversation about it, and
 * the DPO's revocation of an acceptance. The flag's own status stays the engine's: a flag resolves when its
 * cause is gone (the record is fixed), never because someone says so.
 */

/** The longest comment: a paragraph or a pasted vendor answer, not a document (documents are uploaded). */
export const FLAG_COMMENT_MAX_LENGTH = 5000;

/** PATCH /api/v1/flags/{id}: any of the three, at the version edited (`version` may come from If-Match instead). */
export const flagRemediationBody = z.strictObject({
  version,
  assigneeUserId: uuid.nullable().optional().describe("Who works on the flag: an active engineer or the DPO; null: nobody (the DPO assigns)"),
  dueDate: isoDate.nullable().optional().describe("By when: today or later when set; null: none (the DPO sets it)"),
  workStatus: enumField("flagWorkStatus").optional().describe("Where the work stands (the assignee or the DPO)"),
});
export type FlagRemediationBody = z.input<typeof flagRemediationBody>;

/** POST /api/v1/flags/{id}/comments. */
export const flagCommentBody = z.strictObject({
  body: text(FLAG_COMMENT_MAX_LENGTH).min(1, { message: "must not be empty" }),
});

/** A comment as answered, with its author's name (null once the author is deleted). */
export const flagCommentRecord = z.object({
  id: wire.id,
  flagId: wire.id,
  authorUserId: wire.id.nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: wire.timestamp,
});

/** GET /api/v1/flags/{id}/comments: oldest first, a page at a time. */
export const flagCommentsQuery = z.object({ ...paginationQuery });
export const flagCommentsPage = pageOf(flagCommentRecord);

/** POST /api/v1/flags/{id}/revoke-acceptance: the DPO's reason, at the version seen (or If-Match). */
export const revokeAcceptanceBody = z.strictObject({
  version,
  reason: text(4000).min(10, { message: "must explain the decision in at least 10 characters" }),
});
export type RevokeAcceptanceBody = z.input<typeof revokeAcceptanceBody>;

/** The remediation endpoints' roles and OpenAPI metadata: routes check the roles, lib/api/openapi.ts lists them. */
export const flagRemediationOperations = {
  update: {
    operationId: "updateFlagRemediation",
    summary: "Assign a flag, set its due date or its work status; the flag's status stays the rules' (the version edited comes from the body or If-Match)",
    description:
      "The DPO assigns (to an active engineer or DPO) and sets the due date (today or later); the assignee or the DPO sets the work status. Assigning notifies the assignee. A resolved flag cannot be changed (409).",
    roles: ["dpo", "engineer"],
  },
  listComments: {
    method: "get",
    path: "/api/v1/flags/{id}/comments",
    query: flagCommentsQuery,
    response: flagCommentsPage,
    meta: { operationId: "listFlagComments", summary: "The comments on a flag, oldest first", roles: ["dpo", "engineer", "auditor"] },
  },
  addComment: {
    method: "post",
    path: "/api/v1/flags/{id}/comments",
    body: flagCommentBody,
    response: z.object({ data: flagCommentRecord }),
    meta: {
      operationId: "addFlagComment",
      summary: "Comment on a flag: the DPO, its assignee, or the engineer who owns its subject",
      roles: ["dpo", "engineer"],
    },
  },
  revokeAcceptance: {
    method: "post",
    path: "/api/v1/flags/{id}/revoke-acceptance",
    body: revokeAcceptanceBody,
    response: z.object({ data: flagRecord }),
    meta: {
      operationId: "revokeFlagAcceptance",
      summary: "Revoke the acceptance of a flag's risk, with a reason: the flag is open again; the acceptance stays in its history",
      roles: ["dpo"],
    },
  },
} as const;

/** The remediation endpoints beyond PATCH, as lib/api/openapi.ts describes them beside the acceptance's. */
export const FLAG_REMEDIATION_OPERATIONS: readonly CustomOperation[] = [
  {
    method: "get",
    pathSuffix: "/{id}/comments",
    ...flagRemediationOperations.listComments.meta,
    query: flagCommentsQuery,
    response: flagCommentsPage,
    responseName: "FlagCommentPage",
    problems: { "422": "A query parameter is invalid" },
  },
  {
    method: "post",
    pathSuffix: "/{id}/comments",
    ...flagRemediationOperations.addComment.meta,
    body: flagCommentBody,
    bodyComponents: { FlagCommentCreate: flagCommentBody },
    response: flagRemediationOperations.addComment.response,
    responseName: "FlagCommentResponse",
    problems: { "403": "Only the DPO, the flag's assignee or the engineer who owns its subject may comment" },
  },
  {
    method: "post",
    pathSuffix: "/{id}/revoke-acceptance",
    ...flagRemediationOperations.revokeAcceptance.meta,
    body: revokeAcceptanceBody,
    bodyComponents: { FlagRevokeAcceptance: revokeAcceptanceBody },
    ifMatch: true,
    response: flagRemediationOperations.revokeAcceptance.response,
    responseName: "FlagRevokeAcceptanceResponse",
    problems: { "409": "The flag changed since that version, or its risk is not accepted" },
  },
];

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
    get: { operationId: "getFlag", summary: "Read one flag with who accepted it, its assignee and the processor it concerns", roles: ["dpo", "engineer", "auditor"] },
    update: flagRemediationOperations.update,
  },
  updateBody: flagRemediationBody,
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
