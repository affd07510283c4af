import { z } from "zod";
import { TRANSFER_SORTS } from "@/db/list-sorts";
import type { FieldIssue } from "@/lib/errors";
import { countryCode, isoDate, subjectRegion, text, uuid } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { MAX_PAGE_SIZE, defineContract, lenientQuery, pageOf, paginationQuery, recordIdParam, recordOf, searchText, sortDirection, updateBodyOf, wire } from "./common";

/** The transfers resource: /api/v1/transfers, the transfer register page, the transfer forms. */

/** The encryption filter: "none" is sent unencrypted in transit, "any" has some encryption. */
export const ENCRYPTION_FILTERS = ["none", "any"] as const;

/** A data category key; matches the category and its descendants. */
export const CATEGORY_KEY = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

export const transferListQuery = z.object({
  ...paginationQuery,
  q: searchText.optional().describe("Text search on the processor's name"),
  destination: countryCode.optional().describe("Destination country, ISO 3166-1 alpha-2"),
  mechanism: enumField("transferMechanism").optional(),
  encryption: enumField("encryptionFilter").optional().describe("none: sent unencrypted in transit; any: some encryption in transit"),
  status: enumField("transferStatus").optional(),
  processorId: recordIdParam.optional(),
  category: z
    .string()
    .regex(CATEGORY_KEY, { message: "must be a data category key, e.g. user.device" })
    .optional()
    .describe("A data category key; matches transfers carrying it or a descendant (user.device matches user.device.imei)"),
  sensitive: z
    .enum(["1", "true"], { message: "must be 1 or true" })
    .optional()
    .describe("1: only transfers carrying a sensitive category (GDPR special, CCPA or PIPL sensitive, DOJ-covered)"),
  severity: enumField("severity").optional().describe("Severity of the transfer's worst open flag"),
  exporterCountry: countryCode.optional().describe("Country of the exporting entity (the dashboard's flows start there), ISO 3166-1 alpha-2"),
  pending: enumField("pendingMode").optional().describe("exclude: the register of record, as the exports (approved records of approved vendors); include: with the records awaiting review too (draft, submitted), without rejected or offboarded vendors and rejected or ended transfers; absent: every record"),
  sort: z.enum(TRANSFER_SORTS).optional().describe("Sort column; ties are broken by id"),
  direction: sortDirection.optional(),
});

export type TransferListQuery = z.output<typeof transferListQuery>;

/** The register page's URL: the same parameters, lenient, plus the column choice. */
export const transferPageQuery = lenientQuery(transferListQuery, {
  // A page shows at least five rows; the API allows fewer.
  pageSize: z.coerce.number().int().min(5).max(MAX_PAGE_SIZE).catch(20),
  cols: z.string().max(500).optional().catch(undefined),
});
export type TransferPageQuery = z.output<typeof transferPageQuery>;
/** What selects the rows (the column choice does not): the query key's part and the API query. */
export type TransferFilters = Omit<TransferPageQuery, "cols">;

export function transferFilters({ cols: _columns, ...filters }: TransferPageQuery): TransferFilters {
  return filters;
}

/** The list query as the db query takes it (`sensitive` as a boolean). */
export function transferListInput({ sensitive, ...query }: TransferFilters) {
  return { ...query, sensitive: sensitive !== undefined };
}

// transfers.estimated_subjects is a 32-bit integer column: larger numbers would be a database error (a 500).
const MAX_INT4 = 2_147_483_647;

/** One transfer as the API, the forms, the wizard and the import accept it (DOMAIN.md §2, camelCase). */
export const transferFields = z.object({
  activityId: uuid,
  exporterEntityId: uuid,
  processorId: uuid,
  originCountry: countryCode,
  destinationCountry: countryCode,
  accessType: enumField("accessType").default("storage"),
  subjectRegions: z.array(subjectRegion).max(50).default([]),
  estimatedSubjects: z.number().int().min(0).max(MAX_INT4, { message: `must be at most ${MAX_INT4}` }).default(0),
  volumeUnit: enumField("volumeUnit").default("people"),
  frequency: enumField("frequency").default("continuous"),
  encryptionInTransit: enumField("encryptionInTransit").default("none"),
  encryptionAtRest: enumField("encryptionAtRest").default("none"),
  mechanism: enumField("transferMechanism")
    .default("none")
    .describe("The transfer tool relied on (GDPR Chapter V, PIPL, PDPO); gba_standard_contract: the Greater Bay Area standard contract, between Hong Kong and the nine Guangdong cities only"),
  tiaDate: isoDate.nullable().default(null),
  cisaRequirementsMet: z.boolean().default(false),
  reExportOfForeignData: z
    .boolean()
    .default(false)
    .describe("PIPL: data collected abroad, processed in China and sent back (2024 Provisions Art. 4): outside the PIPL export rules"),
  dojExemption: enumField("dojExemption")
    .nullable()
    .default(null)
    .describe("US DOJ rule: the exemption of 28 CFR 202.501-202.511 relied on (e.g. corporate_group: 202.506); reported as exempt, not flagged"),
  dojExemptionJustification: text(4000)
    .nullable()
    .default(null)
    .describe("Why the exemption applies; required when dojExemption is set"),
  importantData: z
    .boolean()
    .default(false)
    .describe("PIPL Art. 40, 2024 Provisions Art. 7(1): the export contains important data, which needs a CAC security assessment at any volume"),
  piplExemption: enumField("piplExemption")
    .nullable()
    .default(null)
    .describe("2024 Provisions Art. 5 exemption claimed (contract with the individual, cross-border HR management, emergency): out of the PIPL counts"),
  piplSeparateConsent: z.boolean().default(false).describe("PIPL Art. 39: the individuals gave separate consent to the export"),
  pipiaDate: isoDate
    .nullable()
    .default(null)
    .describe("PIPL Art. 55-56: date of the personal-information protection impact assessment (YYYY-MM-DD, not in the future)"),
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
  status: enumField("transferStatus").default("draft"),
  notes: text(5000).nullable().default(null),
  externalId: text(200).nullable().default(null),
  dataCategories: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
});

/** The facts of a transfer that hold only together, as stored or as a body sends them. */
interface TransferClaims {
  dojExemption?: string | null;
  dojExemptionJustification?: string | null;
  pipiaDate?: string | null;
}

const JUSTIFICATION_REQUIRED = "is required when a US DOJ exemption (28 CFR 202.501-202.511) is claimed: say why it applies";

/**
 * 28 CFR part 202 subpart E: an exemption is a claim the DPO must be able to defend (the DOJ report lists it with
 * its section and reasons), so it is never stored without a justification (the database checks it too).
 */
function checkExemptionJustified(value: TransferClaims, ctx: z.RefinementCtx) {
  if (value.dojExemption && !value.dojExemptionJustification) {
    ctx.addIssue({ code: "custom", path: ["dojExemptionJustification"], message: JUSTIFICATION_REQUIRED });
  }
}

/** The create body: strict, so that an unknown field is refused by name (a typo would otherwise lose a value). */
export const createTransferBody = z.strictObject(transferFields.shape).superRefine(checkExemptionJustified);
/**
 * A partial change: a field left out keeps its stored value; `version` is the one edited. The justification is
 * checked here when the change sends both; against the stored record by the service otherwise
 * (`transferClaimIssues`).
 */
export const updateTransferBody = updateBodyOf(createTransferBody).superRefine((value, ctx) => {
  if ("dojExemptionJustification" in value) checkExemptionJustified(value, ctx);
});

/**
 * What a transfer must satisfy as a whole, once a change is merged into the stored record: an exemption claimed
 * with its justification, and a PIPIA that has taken place (PIPL Art. 55-56: it precedes the export, so a date
 * after `today` is a typo or a plan, never an assessment). `today` is the service's, so that tests and rules agree.
 */
export function transferClaimIssues(transfer: TransferClaims, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (transfer.dojExemption && !transfer.dojExemptionJustification?.trim()) {
    issues.push({ path: "dojExemptionJustification", message: JUSTIFICATION_REQUIRED });
  }
  if (transfer.pipiaDate && transfer.pipiaDate > today) {
    issues.push({ path: "pipiaDate", message: `must not be in the future (today is ${today})` });
  }
  return issues;
}

export type CreateTransferInput = z.input<typeof createTransferBody>;
export type UpdateTransferInput = z.input<typeof updateTransferBody>;

export const transferRecord = recordOf(createTransferBody, {
  createdByUserId: wire.id.nullable(),
  // Read-only: written by the TIA service when a material change calls the completed assessment into review.
  tiaReviewReason: z.string().nullable().describe("Why the transfer's completed TIA must be reviewed (a material change since it was assessed); null when it stands"),
});

/** One row of the transfer register (GET /api/v1/transfers). */
export const transferListRow = z.object({
  id: wire.id,
  processorId: wire.id,
  processorName: z.string(),
  activityName: z.string(),
  exporterName: z.string(),
  originCountry: z.string(),
  destinationCountry: z.string(),
  accessType: enumField("accessType"),
  estimatedSubjects: z.number().int(),
  volumeUnit: enumField("volumeUnit"),
  mechanism: enumField("transferMechanism"),
  encryptionInTransit: enumField("encryptionInTransit"),
  dojExemption: enumField("dojExemption").nullable().describe("The US DOJ exemption claimed (28 CFR 202.501-202.511), if any"),
  piplExemption: enumField("piplExemption").nullable().describe("The PIPL exemption claimed (2024 Provisions Art. 5), if any"),
  status: enumField("transferStatus"),
  categoryCount: z.number().int(),
  worstOpenFlagSeverity: enumField("severity").nullable(),
});

export const transferContract = defineContract({
  name: "Transfer",
  tag: "Transfers",
  path: "/api/v1/transfers",
  record: transferRecord,
  listRow: transferListRow,
  listPage: pageOf(transferListRow),
  listQuery: transferListQuery,
  createBody: createTransferBody,
  updateBody: updateTransferBody,
  withFlags: true,
  operations: {
    list: { operationId: "listTransfers", summary: "List transfers: the transfer register's rows (processor, activity, exporter, category count, worst open flag)", roles: ["dpo", "engineer", "auditor"] },
    create: { operationId: "createTransfer", summary: "Create a transfer; its processor's flags are re-evaluated", roles: ["dpo", "engineer"] },
    get: { operationId: "getTransfer", summary: "Read one transfer with its open flags", roles: ["dpo", "engineer", "auditor"] },
    update: { operationId: "updateTransfer", summary: "Change some fields of a transfer", roles: ["dpo", "engineer"] },
    delete: { operationId: "deleteTransfer", summary: "Delete a transfer; its processor's flags are re-evaluated (dpo; engineer: own drafts)", roles: ["dpo", "engineer"] },
    deleteDependents: "an agreement lists it by id",
  },
});
