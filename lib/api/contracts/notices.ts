import { z } from "zod";
import { isoDate, text } from "@/lib/validation/common";
import { countryCode } from "@/lib/validation/common";
import { enumField, enumMessage } from "@/lib/validation/enum-field";
import { enumValues } from "@/lib/labels";
import { defineContract, pageOf, paginationQuery, recordOf, updateBodyOf, wire, type CustomOperation } from "./common";

/*
 * The published privacy notice (DOMAIN.md §7, issue 18): /api/v1/notices (its versions) and its statements,
 * /api/v1/notices/{id}/statements and /api/v1/notice-statements/{id}. The DPO writes; engineers and auditors read.
 */

export const noticeListQuery = z.object({ ...paginationQuery });

/** A version of the notice as entered: the text (whose SHA-256 the server computes) or a link to it, or both. */
export const noticeFields = z.object({
  title: text(300).min(1, { message: "must not be empty" }),
  versionLabel: text(100).min(1, { message: "must not be empty" }).describe("How the company names this version, e.g. “2026-03” or “v4”"),
  effectiveDate: isoDate.describe("The day this version takes effect; the version in force is the latest whose date has come"),
  languages: z.array(enumField("locale")).max(10).default([]),
  text: z.string().max(500_000, { message: "must be at most 500,000 characters" }).nullable().default(null).describe("The published text; the server computes its SHA-256"),
  url: z.string().trim().url({ message: "must be a web address (https://…)" }).max(2000).nullable().default(null),
});

export const createNoticeBody = z.strictObject(noticeFields.shape).superRefine((value, ctx) => {
  if (!value.text && !value.url) ctx.addIssue({ code: "custom", path: ["text"], message: "give the notice's text or its url" });
});
export const updateNoticeBody = updateBodyOf(createNoticeBody);

/** The kinds whose statement declares a value; the others are promises ("we do not sell", encryption, agreements). */
export const VALUED_STATEMENT_KINDS = ["data_category", "recipient_category", "named_recipient", "country", "storage_location"] as const;

export const noticeStatementFields = z.object({
  kind: enumField("noticeStatementKind"),
  value: text(300).nullable().default(null).describe(
    "data_category: a category key (user.contact.email); recipient_category: a processor service (hosting, analytics…); named_recipient: the recipient's name; country and storage_location: an ISO 3166-1 alpha-2 code; null for the promises",
  ),
  nonExhaustive: z.boolean().default(false).describe("The notice says “including but not limited to”"),
  quote: text(5000).min(1, { message: "must quote the notice's words" }),
  section: text(300).min(1, { message: "must name the notice's section" }),
  language: enumField("locale").default("en"),
});

const PROCESSOR_SERVICES = enumValues("processorService");

/**
 * What is wrong with a statement's value for its kind, checked where it can be without the database (a data
 * category's key is checked against the taxonomy by the service): [] when it fits.
 */
export function statementValueIssues(kind: string, value: string | null | undefined): { path: string; message: string }[] {
  const valued = (VALUED_STATEMENT_KINDS as readonly string[]).includes(kind);
  if (!valued) return value ? [{ path: "value", message: "must be empty for a promise" }] : [];
  if (!value) return [{ path: "value", message: "is required for this kind of statement" }];
  if (kind === "recipient_category" && !(PROCESSOR_SERVICES as readonly string[]).includes(value)) {
    return [{ path: "value", message: enumMessage("processorService") }];
  }
  if ((kind === "country" || kind === "storage_location") && !countryCode.safeParse(value).success) {
    return [{ path: "value", message: "must be an ISO 3166-1 alpha-2 country code (e.g. US, CN, HK)" }];
  }
  return [];
}

export const createNoticeStatementBody = z.strictObject(noticeStatementFields.shape).superRefine((value, ctx) => {
  for (const issue of statementValueIssues(value.kind, value.value)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
});
/** A partial change; the kind and value are checked together by the service, against the stored statement. */
export const updateNoticeStatementBody = updateBodyOf(z.strictObject(noticeStatementFields.shape));

export const noticeRecord = recordOf(createNoticeBody, { sha256: z.string().nullable(), createdByUserId: wire.id.nullable() });
export const noticeStatementRecord = recordOf(createNoticeStatementBody, { noticeId: wire.id });

export const noticeListRow = noticeRecord.extend({
  inForce: z.boolean().describe("This version is the one in force today"),
  statementCount: z.number().int(),
});

export const noticeContract = defineContract({
  name: "Notice",
  tag: "Privacy notice",
  path: "/api/v1/notices",
  record: noticeRecord,
  listRow: noticeListRow,
  listPage: pageOf(noticeListRow),
  listQuery: noticeListQuery,
  createBody: createNoticeBody,
  updateBody: updateNoticeBody,
  withFlags: false,
  operations: {
    list: { operationId: "listNotices", summary: "List the privacy notice's versions, latest effective first", roles: ["dpo", "engineer", "auditor"] },
    create: { operationId: "createNotice", summary: "Record a version of the privacy notice (the server computes the text's SHA-256); the notice findings are re-evaluated", roles: ["dpo"] },
    get: { operationId: "getNotice", summary: "Read one version of the notice", roles: ["dpo", "engineer", "auditor"] },
    update: { operationId: "updateNotice", summary: "Change a version of the notice; the notice findings are re-evaluated", roles: ["dpo"] },
    delete: { operationId: "deleteNotice", summary: "Delete a version of the notice and its statements; the notice findings are re-evaluated", roles: ["dpo"] },
  },
});

export const noticeStatementContract = defineContract({
  name: "NoticeStatement",
  tag: "Privacy notice",
  path: "/api/v1/notice-statements",
  record: noticeStatementRecord,
  listRow: noticeStatementRecord,
  listPage: z.object({ data: z.array(noticeStatementRecord) }),
  listQuery: z.object({}),
  updateBody: updateNoticeStatementBody,
  withFlags: false,
  operations: {
    get: { operationId: "getNoticeStatement", summary: "Read one statement of a notice", roles: ["dpo", "engineer", "auditor"] },
    update: { operationId: "updateNoticeStatement", summary: "Change a statement (kind, value, words, section); the notice findings are re-evaluated", roles: ["dpo"] },
    delete: { operationId: "deleteNoticeStatement", summary: "Delete a statement; the notice findings are re-evaluated", roles: ["dpo"] },
  },
});

export const generatedQuery = z.object({
  language: enumField("locale").default("en"),
  format: z.enum(["json", "md"], { message: "must be json or md" }).default("json"),
});

/** The notice's statements (GET, POST) and its generated disclosure: custom operations of the notices resource. */
export const noticeCustomOperations: readonly CustomOperation[] = [
  {
    method: "get",
    pathSuffix: "/{id}/statements",
    operationId: "listNoticeStatements",
    summary: "Every statement of a notice, by kind",
    roles: ["dpo", "engineer", "auditor"],
    response: z.object({ data: z.array(noticeStatementRecord) }),
    responseName: "NoticeStatementList",
    problems: { "404": "No notice has this id" },
  },
  {
    method: "post",
    pathSuffix: "/{id}/statements",
    operationId: "createNoticeStatement",
    summary: "Add a statement to a notice (a declared category, recipient category, named recipient, country, storage location or promise, with its words and section); the notice findings are re-evaluated",
    roles: ["dpo"],
    body: createNoticeStatementBody,
    bodyComponents: { NoticeStatementInput: createNoticeStatementBody },
    response: z.object({ data: noticeStatementRecord }),
    successStatus: 201,
    responseName: "NoticeStatementCreated",
    problems: { "404": "No notice has this id", "422": "A field is invalid (named in `fields`): e.g. an unknown category key or country code" },
  },
  {
    method: "get",
    pathSuffix: "/{id}/generated",
    operationId: "getGeneratedNoticeSections",
    summary: "The recipients and international-transfers sections the register says the notice should carry (GDPR 13(1)(e)-(f), CCPA 1798.130(a)(5), PIPL Art. 39), with a line diff against this notice's text: JSON for a website build, or Markdown",
    roles: ["dpo", "engineer", "auditor"],
    query: generatedQuery,
    response: z.object({}).passthrough(),
    responseName: "GeneratedNoticeSections",
    problems: { "404": "No notice has this id" },
  },
];
