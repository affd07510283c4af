import { z } from "zod";
import { AGREEMENT_SORTS } from "@/db/list-sorts";
import { isoDate, text, uuid } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { MAX_PAGE_SIZE, defineContract, lenientQuery, pageOf, paginationQuery, recordIdParam, recordOf, searchText, sortDirection, updateBodyOf, wire } from "./common";

/** The safeguard agreements resource: /api/v1/agreements, the agreement register page, the agreement forms. */

/** How far ahead "expiring within" looks, in days: ten years covers any renewal horizon. */
const expiresWithinDays = z.coerce.number({ message: "must be a whole number" }).int({ message: "must be a whole number" }).min(1).max(3650);

export const agreementListQuery = z.object({
  ...paginationQuery,
  q: searchText.optional().describe("Text search on the processor's name, the document reference and the notes"),
  processorId: recordIdParam.optional(),
  type: enumField("agreementType").optional(),
  state: enumField("agreementState").optional().describe("State on today, as the rules define it: active, expired, unsigned or not yet effective"),
  expiringBefore: isoDate.optional().describe("Expiry date on or before this date (YYYY-MM-DD)"),
  expiresWithinDays: expiresWithinDays.optional().describe("Not expired yet, and expiring within this many days of today"),
  pending: enumField("pendingMode").optional().describe("Agreements of vendors in this population. exclude: the register of record, as the exports (approved records of approved vendors); include: with the records awaiting review too (draft, submitted), without rejected or offboarded vendors and rejected or ended transfers; absent: every record"),
  sort: z.enum(AGREEMENT_SORTS).optional().describe("Sort column (default expiry: soonest first); open-ended and unsigned agreements sort last either way; ties are broken by id"),
  direction: sortDirection.optional(),
});

export type AgreementListQuery = z.output<typeof agreementListQuery>;

/** The register page's URL: the same parameters, lenient, plus the column choice. */
export const agreementPageQuery = lenientQuery(agreementListQuery, {
  // A page shows at least five rows; the API allows fewer.
  pageSize: z.coerce.number().int().min(5).max(MAX_PAGE_SIZE).catch(20),
  // The page's sort links start from the register's own order, soonest expiry first.
  sort: z.enum(AGREEMENT_SORTS).catch("expiry"),
  direction: sortDirection.catch("asc"),
  // The names the page's URL had before it took the API's (links such as a processor's "all agreements").
  processor: recordIdParam.optional().catch(undefined),
  expires: expiresWithinDays.optional().catch(undefined),
  cols: z.string().max(500).optional().catch(undefined),
});
export type AgreementPageQuery = z.output<typeof agreementPageQuery>;
/** What selects the rows (the column choice does not): the query key's part and the API query. */
export type AgreementFilters = Omit<AgreementPageQuery, "cols" | "processor" | "expires">;

export function agreementFilters({ cols: _columns, processor, expires, ...filters }: AgreementPageQuery): AgreementFilters {
  return { ...filters, processorId: filters.processorId ?? processor, expiresWithinDays: filters.expiresWithinDays ?? expires };
}

/** One agreement as the API, the forms and the registration wizard accept it (DOMAIN.md §2, camelCase). */
export const agreementFields = z.object({
  processorId: uuid,
  type: enumField("agreementType")
    .describe("Kind of safeguard; joint_controller_arrangement is the GDPR Art. 26 arrangement a joint controller needs, gba_standard_contract the Greater Bay Area standard contract"),
  sccModule: enumField("sccModule").nullable().default(null),
  signedDate: isoDate.nullable().default(null),
  effectiveDate: isoDate.nullable().default(null),
  expiryDate: isoDate.nullable().default(null),
  /** GDPR Art. 28(2), 28(4): sub-processing allowed, with the same obligations flowed down. */
  permitsSubprocessing: z.boolean().default(false),
  flowDown: z.boolean().default(false),
  documentRef: text(500).nullable().default(null),
  /** By default an agreement covers all of its processor's transfers; otherwise `transferIds`. */
  coversAllTransfers: z.boolean().default(true),
  transferIds: z.array(uuid).max(1000).default([]),
  notes: text(5000).nullable().default(null),
  externalId: text(200).nullable().default(null),
});

/** An agreement cannot end before it was signed or took effect. */
function checkDates(value: { signedDate?: string | null; expiryDate?: string | null; effectiveDate?: string | null }, ctx: z.RefinementCtx) {
  if (value.signedDate && value.expiryDate && value.expiryDate < value.signedDate) {
    ctx.addIssue({ code: "custom", path: ["expiryDate"], message: "must not be before the signed date" });
  }
  if (value.effectiveDate && value.expiryDate && value.expiryDate < value.effectiveDate) {
    ctx.addIssue({ code: "custom", path: ["expiryDate"], message: "must not be before the effective date" });
  }
}

/** The create body: strict, so that an unknown field is refused by name (a typo would otherwise lose a value). */
export const createAgreementBody = z.strictObject(agreementFields.shape).superRefine((value, ctx) => {
  checkDates(value, ctx);
  if (value.sccModule && value.type !== "scc") {
    ctx.addIssue({ code: "custom", path: ["sccModule"], message: "applies to SCC agreements only" });
  }
});
/**
 * A partial change: a field left out keeps its stored value; `version` is the one edited. The dates are
 * checked against each other when the change sends them; the SCC module against the type only on create,
 * since a change may send one without the other.
 */
export const updateAgreementBody = updateBodyOf(createAgreementBody).superRefine(checkDates);

export type CreateAgreementInput = z.input<typeof createAgreementBody>;
export type UpdateAgreementInput = z.input<typeof updateAgreementBody>;

/** The stored agreement with the transfers it lists (empty when it covers all of its processor's transfers). */
export const agreementRecord = recordOf(createAgreementBody, {});

/** One row of the agreement register (GET /api/v1/agreements): the stored agreement, its processor, its state and counts. */
export const agreementListRow = z.object({
  id: wire.id,
  processorId: wire.id,
  processorName: z.string(),
  type: enumField("agreementType"),
  sccModule: enumField("sccModule").nullable(),
  signedDate: wire.date.nullable(),
  effectiveDate: wire.date.nullable(),
  expiryDate: wire.date.nullable(),
  permitsSubprocessing: z.boolean(),
  flowDown: z.boolean(),
  coversAllTransfers: z.boolean(),
  documentRef: z.string().nullable(),
  notes: z.string().nullable(),
  externalId: z.string().nullable(),
  version: z.number().int(),
  createdAt: wire.timestamp,
  updatedAt: wire.timestamp,
  state: enumField("agreementState").describe("State on the day of the request, as the rules define it"),
  transferCount: z.number().int().describe("Transfers covered: all of the processor's, or those listed"),
  openFlagCount: z.number().int().describe("Open flags on the agreement itself"),
});

export const agreementContract = defineContract({
  name: "Agreement",
  tag: "Agreements",
  path: "/api/v1/agreements",
  record: agreementRecord,
  listRow: agreementListRow,
  listPage: pageOf(agreementListRow),
  listQuery: agreementListQuery,
  createBody: createAgreementBody,
  updateBody: updateAgreementBody,
  withFlags: true,
  operations: {
    list: { operationId: "listAgreements", summary: "List safeguard agreements: the agreement register's rows (processor, state on today, covered transfers, open flags), soonest expiry first", roles: ["dpo", "engineer", "auditor"] },
    create: { operationId: "createAgreement", summary: "Create an agreement; its processor's flags are re-evaluated (engineer: under their own draft vendor)", roles: ["dpo", "engineer"] },
    get: { operationId: "getAgreement", summary: "Read one agreement with its open flags", roles: ["dpo", "engineer", "auditor"] },
    update: { operationId: "updateAgreement", summary: "Change some fields of an agreement; its processor's flags are re-evaluated", roles: ["dpo", "engineer"] },
    delete: { operationId: "deleteAgreement", summary: "Delete an agreement; its processor's flags are re-evaluated (dpo)", roles: ["dpo"] },
  },
});
