import { z } from "zod";
import { ACTIVITY_SORTS } from "@/db/list-sorts";
import { SECURITY_MEASURES } from "@/db/schema/enums";
import { text, uuid, version } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { MAX_PAGE_SIZE, reviewFields, defineContract, lenientQuery, pageOf, paginationQuery, recordOf, searchText, sortDirection, updateBodyOf, wire } from "./common";

/**
 * The processing activities resource (one purpose each, the unit of a GDPR Art. 30(1) record):
 * /api/v1/activities, the activity register page, the activity forms; and the DPO's review of an activity an
 * engineer proposed (approve, reject), its one operation beyond the standard five.
 */

export const activityListQuery = z.object({
  ...paginationQuery,
  q: searchText.optional().describe("Text search on the name, the purpose and the business function"),
  legalBasis: enumField("legalBasis").optional().describe("GDPR Art. 6(1) legal basis"),
  record: enumField("activityRecordState")
    .optional()
    .describe("complete: the Art. 30 record has its retention period (30(1)(f)) and security measures (30(1)(g)); incomplete: one is missing"),
  status: enumField("recordStatus").optional().describe("Review status: submitted activities wait for the DPO; exports of approved records hold approved ones only"),
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

/*
 * The UK ICO controller template's "link" columns (LIA, consent record, breach record, policy document, DPIA):
 * the organisation files them as web addresses or as document references ("LIA-2025-04, Privacy SharePoint",
 * "C:\Policies\LIA.docx"). Either is accepted. A value written as an address (`scheme://…`) must be an http
 * or https one with a host: the pages render those as links, everything else as text. A script-carrying scheme
 * (`javascript:`, `vbscript:`, `data:`) is refused outright, so that no export or copy can ever turn it into a
 * link. A reference is one line: control characters (line breaks, tabs, escape sequences) would break the
 * exports' cells and the page, so they are refused as U+0000 is for every text field.
 */
const ADDRESS_FORM = /^[a-z][a-z0-9+.-]*:\/\//i;
const SCRIPT_SCHEME = /^(javascript|vbscript|data):/i;
// C0 and C1 control characters, DEL included (U+0000 is refused first, for every field, by the edge checks).
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether a stored link is a web address (rendered as a link) rather than a document reference (shown as text). */
export function isWebAddress(value: string): boolean {
  if (!ADDRESS_FORM.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const documentLink = text(500).superRefine((value, context) => {
  if (CONTROL_CHARACTER.test(value)) {
    context.addIssue({ code: "custom", message: "must be one line of text, without control characters (line breaks, tabs)" });
  } else if (SCRIPT_SCHEME.test(value) || (ADDRESS_FORM.test(value) && !isWebAddress(value))) {
    context.addIssue({ code: "custom", message: "must be an http or https address, or a document reference" });
  }
});

/** An optional link field of the ICO template, with what it points to. */
const linkField = (description: string) =>
  documentLink
    .nullable()
    .describe(`${description}: an http(s) address or a document reference (one line, at most 500 characters)`)
    .default(null);

/** One processing activity as the API and the forms accept it (DOMAIN.md §2, camelCase). */
export const activityFields = z.object({
  name: text(200).min(1, { message: "is required" }),
  purpose: text(2000).min(1, { message: "is required" }),
  /** GDPR Art. 6(1). */
  legalBasis: enumField("legalBasis"),
  /** Art. 30(1)(a): the controller entity answering for the activity. */
  controllerEntityId: uuid,
  jointController: text(500).nullable().default(null),
  businessFunction: text(200).nullable().default(null),
  legitimateInterest: text(2000).nullable().default(null),
  /** GDPR Art. 9(2): required by the rules when a special category is involved. */
  art9Condition: enumField("art9Condition").nullable().default(null),
  disclosureType: enumField("disclosureType").default("business_purpose"),
  dataSubjectCategories: z.array(text(200)).max(50).default([]),
  /** Art. 30(1)(f), "where possible". */
  retentionPeriod: text(500).nullable().default(null),
  securityMeasures: text(5000).nullable().describe("Art. 30(1)(g): the technical and organisational security measures, in words (what the checklist does not name)").default(null),
  securityChecklist: z
    .array(enumField("securityMeasure"))
    .max(SECURITY_MEASURES.length)
    .refine((measures) => new Set(measures).size === measures.length, { message: "must not list a measure twice" })
    .describe("The CNIL model register's checklist of security measures the activity has in place (each at most once)")
    .default([]),
  applications: text(1000).nullable().describe("The software or applications used for the activity (CNIL model register), e.g. \"Salesforce Service Cloud, Zendesk\"").default(null),
  source: text(1000).nullable().default(null),
  automatedDecisionMaking: z.boolean().default(false),
  dpiaRequired: z.boolean().default(false),
  dpiaReference: linkField("Link to the DPIA (GDPR Art. 35)"),
  liaReference: linkField("Link to the record of the legitimate interests assessment (GDPR Art. 6(1)(f))"),
  consentRecordReference: linkField("Link to the record of consent (GDPR Art. 7(1))"),
  breachOccurred: z.boolean().describe("Whether a personal data breach of this activity's data has occurred (GDPR Art. 33(5) record)").default(false),
  breachRecordReference: linkField("Link to the record of the personal data breach; only when breachOccurred is true"),
  schedule1Condition: text(1000)
    .nullable()
    .describe("UK DPA 2018 Schedule 1 condition for processing special category or criminal offence data (e.g. \"Part 1, paragraph 1: employment\")")
    .default(null),
  policyDocumentReference: linkField("Link to the appropriate policy document (UK DPA 2018 Schedule 1 Part 4)"),
  retainedPerPolicy: z
    .boolean()
    .nullable()
    .describe("Whether the data is retained and erased as the policy document says; null: not assessed. When false, policyDeviationReason is required")
    .default(null),
  policyDeviationReason: text(2000).nullable().describe("Why the data is not retained and erased as the policy document says; required when retainedPerPolicy is false").default(null),
});

/** The fields whose meaning depends on another: checked on a whole activity, or on as much of one as a change sends. */
type ConsistencyFields = Partial<Pick<z.output<typeof activityFields>, "retainedPerPolicy" | "policyDeviationReason" | "breachOccurred" | "breachRecordReference">>;

export const DEVIATION_REASON_REQUIRED = "is required when the data is not retained and erased as the policy document says";
export const BREACH_REFERENCE_WITHOUT_BREACH = "applies only when a personal data breach has occurred";

/**
 * What the fields of an activity must say together, as `{ path, message }` issues. `activity` is a whole
 * activity (a create, or the stored row with a change applied) or a partial change: a key left out says
 * nothing (the stored value decides, which the service checks once merged), an explicit null or "" is empty.
 */
export function activityConsistencyIssues(activity: ConsistencyFields): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const has = (key: keyof ConsistencyFields) => Object.prototype.hasOwnProperty.call(activity, key);
  // UK ICO template: "If not retained as per the policy document, reason why" (DPA 2018 Sch. 1 para. 41(c)).
  if (activity.retainedPerPolicy === false && has("policyDeviationReason") && !activity.policyDeviationReason?.trim()) {
    issues.push({ path: "policyDeviationReason", message: DEVIATION_REASON_REQUIRED });
  }
  // A breach record for an activity that had no breach would contradict the record in the ICO export.
  if (has("breachOccurred") && activity.breachOccurred === false && activity.breachRecordReference) {
    issues.push({ path: "breachRecordReference", message: BREACH_REFERENCE_WITHOUT_BREACH });
  }
  return issues;
}

function refineConsistency(activity: ConsistencyFields, context: z.RefinementCtx) {
  for (const issue of activityConsistencyIssues(activity)) context.addIssue({ code: "custom", path: [issue.path], message: issue.message });
}

/** The create body, unrefined: the shape the update body and the record schema derive from (zod refuses to pick from a refined object). */
const createActivityObject = z.strictObject(activityFields.shape);

/**
 * The create body: strict, so that an unknown field is refused by name (a typo would otherwise lose a value).
 * A new activity sends every field (defaults filled), so the consistency rules are checked whole.
 */
export const createActivityBody = createActivityObject.superRefine(refineConsistency);

/**
 * A partial change of the fields an edit may change: the purpose and its lawfulness (what the rules read), the
 * Art. 30 description, and the CNIL and ICO template fields (checklist, applications, LIA, consent and breach
 * records, the DPA 2018 Schedule 1 block), which follow the activity's life. The controller, joint
 * controller, business function and DPIA fields are set when the activity is created: PATCH has never accepted
 * them (an unknown field is refused by name), and the edit form does not show them. The consistency rules are
 * checked here on what the change sends, and by the service on the stored activity with the change applied.
 */
export const updateActivityBody = updateBodyOf(
  createActivityObject.pick({
    name: true,
    purpose: true,
    legalBasis: true,
    legitimateInterest: true,
    art9Condition: true,
    disclosureType: true,
    dataSubjectCategories: true,
    retentionPeriod: true,
    securityMeasures: true,
    securityChecklist: true,
    applications: true,
    source: true,
    liaReference: true,
    consentRecordReference: true,
    breachOccurred: true,
    breachRecordReference: true,
    schedule1Condition: true,
    policyDocumentReference: true,
    retainedPerPolicy: true,
    policyDeviationReason: true,
  }),
).superRefine(refineConsistency);

export type CreateActivityInput = z.input<typeof createActivityBody>;
export type UpdateActivityInput = z.input<typeof updateActivityBody>;

/**
 * The stored activity as responses carry it. The review fields are not writable: an engineer's new activity is
 * `submitted` and waits for the DPO, the DPO's own is `approved` at once; approve and reject move it.
 */
export const activityRecord = recordOf(createActivityObject, reviewFields);

/** One row of the processing-activity register (GET /api/v1/activities): the stored activity, its controller and counts. */
export const activityListRow = z.object({
  id: wire.id,
  name: z.string(),
  purpose: z.string(),
  legalBasis: enumField("legalBasis"),
  controllerEntityId: wire.id,
  controllerName: z.string(),
  jointController: z.string().nullable(),
  businessFunction: z.string().nullable(),
  legitimateInterest: z.string().nullable(),
  art9Condition: enumField("art9Condition").nullable(),
  disclosureType: enumField("disclosureType"),
  dataSubjectCategories: z.array(z.string()),
  retentionPeriod: z.string().nullable(),
  securityMeasures: z.string().nullable(),
  hasSecurityMeasures: z.boolean().describe("Whether Art. 30(1)(g) security measures are recorded (not blank)"),
  // The CNIL and ICO template fields (migration 0006), as the record describes them: the list answers every stored field.
  securityChecklist: activityRecord.shape.securityChecklist,
  applications: activityRecord.shape.applications,
  source: z.string().nullable(),
  automatedDecisionMaking: z.boolean(),
  dpiaRequired: z.boolean(),
  dpiaReference: z.string().nullable(),
  liaReference: activityRecord.shape.liaReference,
  consentRecordReference: activityRecord.shape.consentRecordReference,
  breachOccurred: activityRecord.shape.breachOccurred,
  breachRecordReference: activityRecord.shape.breachRecordReference,
  schedule1Condition: activityRecord.shape.schedule1Condition,
  policyDocumentReference: activityRecord.shape.policyDocumentReference,
  retainedPerPolicy: activityRecord.shape.retainedPerPolicy,
  policyDeviationReason: activityRecord.shape.policyDeviationReason,
  status: enumField("recordStatus").describe("Review status: submitted (proposed by an engineer, awaiting the DPO), approved or rejected"),
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
