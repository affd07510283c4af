import { z } from "zod";
import { ACTIVITY_RECORD_STATES, ACTIVITY_SORTS } from "@/db/list-sorts";
import { ART9_CONDITIONS, DISCLOSURE_TYPES, LEGAL_BASES, RECORD_STATUSES } from "@/db/schema/enums";
import { text, uuid, version } from "@/lib/validation/common";
import { MAX_PAGE_SIZE, reviewFields, defineContract, lenientQuery, pageOf, paginationQuery, recordOf, searchText, sortDirection, updateBodyOf, wire } from "./common";

/**
 * The processing activities resource (one purpose each, the unit of a GDPR Art. 30(1) record):
 * /api/v1/activities, the activity register page, the activity forms; and the DPO's review of an activity an
 * engineer proposed (approve, reject), its one operation beyond the standard five.
 */

export const activityListQuery = z.object({
  ...paginationQuery,
  q: searchText.optional().describe("Text search on the name, the purpose and the business function"),
  legalBasis: z.enum(LEGAL_BASES).optional().describe("GDPR Art. 6(1) legal basis"),
  record: z
    .enum(ACTIVITY_RECORD_STATES)
    .optional()
    .describe("complete: the Art. 30 record has its retention period (30(1)(f)) and security measures (30(1)(g)); incomplete: one is missing"),
  status: z.enum(RECORD_STATUSES).optional().describe("Review status: submitted activities wait for the DPO; exports of approved records hold approved ones only"),
  sort: z.enum(ACTIVITY_SORTS).optional().describe("Sort column (default name); ties are broken by id"),
  direction: sortDirection.optional(),
});

export type ActivityListQuery = z.output<typeof activityListQuery>;

/** The register page's URL: the same parameters, lenient, plus the column choice. */
export const activityPageQuery = lenientQuery(activityListQuery, {
  // A page shows at least five rows; the API allows fewer.
  pageSize: z.coerce.number().int().min(5).max(MAX_PAGE_SIZE).catch(20),
  // The page's sort links start from the register's own order, by name.
  sort: z.enum(ACTIVITY_SORTS).catch("name"),
  direction: sortDirection.catch("asc"),
  cols: z.string().max(500).optional().catch(undefined),
});
export type ActivityPageQuery = z.output<typeof activityPageQuery>;
/** What selects the rows (the column choice does not): the query key's part and the API query. */
export type ActivityFilters = Omit<ActivityPageQuery, "cols">;

export function activityFilters({ cols: _columns, ...filters }: ActivityPageQuery): ActivityFilters {
  return filters;
}

/** One processing activity as the API and the forms accept it (DOMAIN.md §2, camelCase). */
export const activityFields = z.object({
  name: text(200).min(1, { message: "is required" }),
  purpose: text(2000).min(1, { message: "is required" }),
  /** GDPR Art. 6(1). */
  legalBasis: z.enum(LEGAL_BASES, { message: `must be one of ${LEGAL_BASES.join(", ")}` }),
  /** Art. 30(1)(a): the controller entity answering for the activity. */
  controllerEntityId: uuid,
  jointController: text(500).nullable().default(null),
  businessFunction: text(200).nullable().default(null),
  legitimateInterest: text(2000).nullable().default(null),
  /** GDPR Art. 9(2): required by the rules when a special category is involved. */
  art9Condition: z.enum(ART9_CONDITIONS).nullable().default(null),
  disclosureType: z.enum(DISCLOSURE_TYPES).default("business_purpose"),
  dataSubjectCategories: z.array(text(200)).max(50).default([]),
  /** Art. 30(1)(f), "where possible". */
  retentionPeriod: text(500).nullable().default(null),
  securityMeasures: text(5000).nullable().default(null),
  source: text(1000).nullable().default(null),
  automatedDecisionMaking: z.boolean().default(false),
  dpiaRequired: z.boolean().default(false),
  dpiaReference: text(500).nullable().default(null),
});

/** The create body: strict, so that an unknown field is refused by name (a typo would otherwise lose a value). */
export const createActivityBody = z.strictObject(activityFields.shape);

/**
 * A partial change of the fields an edit may change: the purpose and its lawfulness (what the rules read) and
 * the Art. 30 description. The controller, joint controller, business function and DPIA fields are set when
 * the activity is created: PATCH has never accepted them (an unknown field is refused by name), and the edit
 * form does not show them.
 */
export const updateActivityBody = updateBodyOf(
  createActivityBody.pick({
    name: true,
    purpose: true,
    legalBasis: true,
    legitimateInterest: true,
    art9Condition: true,
    disclosureType: true,
    dataSubjectCategories: true,
    retentionPeriod: true,
    securityMeasures: true,
    source: true,
  }),
);

export type CreateActivityInput = z.input<typeof createActivityBody>;
export type UpdateActivityInput = z.input<typeof updateActivityBody>;

/**
 * The stored activity as responses carry it. The review fields are not writable: an engineer's new activity is
 * `submitted` and waits for the DPO, the DPO's own is `approved` at once; approve and reject move it.
 */
export const activityRecord = recordOf(createActivityBody, reviewFields);

/** One row of the processing-activity register (GET /api/v1/activities): the stored activity, its controller and counts. */
export const activityListRow = z.object({
  id: wire.id,
  name: z.string(),
  purpose: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  controllerEntityId: wire.id,
  controllerName: z.string(),
  jointController: z.string().nullable(),
  businessFunction: z.string().nullable(),
  legitimateInterest: z.string().nullable(),
  art9Condition: z.enum(ART9_CONDITIONS).nullable(),
  disclosureType: z.enum(DISCLOSURE_TYPES),
  dataSubjectCategories: z.array(z.string()),
  retentionPeriod: z.string().nullable(),
  securityMeasures: z.string().nullable(),
  hasSecurityMeasures: z.boolean().describe("Whether Art. 30(1)(g) security measures are recorded (not blank)"),
  source: z.string().nullable(),
  automatedDecisionMaking: z.boolean(),
  dpiaRequired: z.boolean(),
  dpiaReference: z.string().nullable(),
  status: z.enum(RECORD_STATUSES).describe("Review status: submitted (proposed by an engineer, awaiting the DPO), approved or rejected"),
  version: z.number().int(),
  createdAt: wire.timestamp,
  updatedAt: wire.timestamp,
  transferCount: z.number().int().describe("Transfers serving the activity"),
  openFlagCount: z.number().int().describe("Open flags on those transfers"),
});

/*
 * The DPO's review of a proposed activity: POST /api/v1/activities/{id}/{action}. An engineer's new activity is
 * created submitted (there is no draft step: proposing is submitting); the DPO approves or rejects it. The body
 * is the version the reviewer saw (If-Match may carry it instead) and a comment; a rejection must say why.
 */
export const ACTIVITY_REVIEW_ACTIONS = ["approve", "reject"] as const;
export type ActivityReviewAction = (typeof ACTIVITY_REVIEW_ACTIONS)[number];

const reviewComment = text(4000).describe("A note for the record; required (at least 5 characters) to reject");

export const approveActivityBody = z.strictObject({ version, comment: reviewComment.optional() });
export const rejectActivityBody = z.strictObject({
  version,
  comment: text(4000).min(5, { message: "must explain the rejection in at least 5 characters" }),
});
export const activityReviewBodies = { approve: approveActivityBody, reject: rejectActivityBody } as const;

export const activityReviewOperation = {
  path: "/api/v1/activities/{id}/{action}",
  actions: ACTIVITY_REVIEW_ACTIONS,
  operationId: "reviewActivity",
  summary: "Approve or reject a processing activity an engineer proposed (dpo)",
  description:
    "approve: submitted → approved (the activity enters the exports of approved records); reject (comment required): submitted → rejected",
  roles: ["dpo"],
  /** The answer: the activity in its new state (as a GET). */
  response: activityRecord,
} as const;

export const activityContract = defineContract({
  name: "Activity",
  tag: "Activities",
  path: "/api/v1/activities",
  record: activityRecord,
  listRow: activityListRow,
  listPage: pageOf(activityListRow),
  listQuery: activityListQuery,
  createBody: createActivityBody,
  updateBody: updateActivityBody,
  // Rules flag transfers, processors and agreements, never an activity: its responses carry the record alone.
  withFlags: false,
  operations: {
    list: { operationId: "listActivities", summary: "List processing activities: the activity register's rows (controller, transfer and open-flag counts), by name", roles: ["dpo", "engineer", "auditor"] },
    create: {
      operationId: "createActivity",
      summary: "Register a processing activity: the DPO's is approved at once; an engineer's is a proposal, submitted for the DPO's review",
      roles: ["dpo", "engineer"],
    },
    get: { operationId: "getActivity", summary: "Read one processing activity", roles: ["dpo", "engineer", "auditor"] },
    update: { operationId: "updateActivity", summary: "Change some fields of a processing activity (dpo); the flags of the processors receiving its data are re-evaluated", roles: ["dpo"] },
    delete: { operationId: "deleteActivity", summary: "Delete a processing activity that no transfer serves (dpo)", roles: ["dpo"] },
    deleteDependents: "transfers still serve it (their count)",
  },
});
