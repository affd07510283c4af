import { z } from "zod";
import { countryCode, isoDate, text, uuid } from "@/lib/validation/common";
import { enumField } from "@/lib/validation/enum-field";
import { defineContract, pageOf, paginationQuery, wire, type OperationMeta } from "./common";

/*
 * Transfer impact assessments (DOMAIN.md §8; EDPB Recommendations 01/2020): /api/v1/transfers/{id}/tia (a
 * transfer's assessments, and a new draft), /api/v1/tia/{id} (one assessment, its steps changed while it is a
 * draft), /api/v1/tia/{id}/complete and /api/v1/tia/{id}/pdf. The guided page's form reads the same schemas.
 */

/** Step 4: one supplementary measure. */
export const supplementaryMeasure = z.strictObject({
  kind: enumField("supplementaryMeasureKind"),
  description: text(2000).min(1, { message: "must not be empty" }),
});

/** The six steps as a draft holds them: each may stay empty until completion. */
export const tiaStepFields = {
  /** Step 1, know your transfer. */
  transferDescription: text(10_000).nullable(),
  /** Step 2, the Art. 46 tool. */
  toolDescription: text(10_000).nullable(),
  /** Step 3, the country profile assessed and the assessment of the law and practice. */
  profileCountry: countryCode.nullable(),
  lawAssessment: text(20_000).nullable(),
  riskLevel: enumField("tiaRiskLevel").nullable(),
  /** Step 4. */
  measures: z.array(supplementaryMeasure).max(50, { message: "must hold at most 50 measures" }),
  /** Step 5. */
  proceduralSteps: text(10_000).nullable(),
  /** Step 6: months until the next re-evaluation. */
  reviewIntervalMonths: z.number({ message: "must be a whole number of months" }).int({ message: "must be a whole number of months" }).min(1, { message: "must be between 1 and 60 months" }).max(60, { message: "must be between 1 and 60 months" }),
  outcome: enumField("tiaOutcome").nullable(),
  conclusion: text(10_000).nullable(),
  authorUserId: uuid.nullable(),
  reviewerUserId: uuid.nullable(),
};

const versionField = z.number({ message: "must be the record version you edited (a whole number)" }).int().min(1);

/** A new draft: its steps 1 and 2 are written from the transfer, in this language. */
export const createTiaBody = z.strictObject({
  language: enumField("locale").default("en").describe("The language of the texts prefilled from the transfer's facts (steps 1 and 2)"),
});

/** A change of a draft's steps: a field left out keeps its value; `version` is the one edited. */
export const updateTiaBody = z.strictObject({
  ...Object.fromEntries(Object.entries(tiaStepFields).map(([key, schema]) => [key, (schema as z.ZodType).optional()])),
  version: versionField,
}) as unknown as z.ZodObject<{ [K in keyof typeof tiaStepFields]: z.ZodOptional<(typeof tiaStepFields)[K]> } & { version: typeof versionField }, z.core.$strict>;

/**
 * Completion: the fields it sends are saved first; then outcome, risk level, conclusion and author must be
 * there (sent or stored). The completion date is today unless given (never in the future).
 */
export const completeTiaBody = updateTiaBody.extend({
  completedOn: isoDate.optional().describe("The completion date (YYYY-MM-DD), the transfer's TIA date; default today"),
});

export type UpdateTiaInput = z.input<typeof updateTiaBody>;
export type CompleteTiaInput = z.input<typeof completeTiaBody>;

const basis = z.object({
  destinationCountry: z.string(),
  categoryKeys: z.array(z.string()),
  accessType: z.string(),
  volumeBand: z.string().describe("under_1000, 1000_to_99999, 100000_to_999999 or 1000000_or_more"),
  mechanism: z.string(),
});

/** One assessment as the API answers it. */
export const tiaRecord = z.object({
  id: wire.id,
  transferId: wire.id,
  status: enumField("tiaStatus"),
  transferDescription: z.string().nullable(),
  toolDescription: z.string().nullable(),
  profileCountry: z.string().nullable(),
  profileAsOf: wire.date.nullable().describe("The 'as of' date of the country profile assessed"),
  lawAssessment: z.string().nullable(),
  riskLevel: enumField("tiaRiskLevel").nullable(),
  measures: z.array(z.object({ kind: enumField("supplementaryMeasureKind"), description: z.string() })),
  proceduralSteps: z.string().nullable(),
  reviewIntervalMonths: z.number().int(),
  outcome: enumField("tiaOutcome").nullable(),
  conclusion: z.string().nullable(),
  authorUserId: wire.id.nullable(),
  reviewerUserId: wire.id.nullable(),
  completedOn: wire.date.nullable(),
  completedAt: wire.timestamp.nullable(),
  basis: basis.nullable().describe("The transfer's facts as assessed: a change of any of them calls the TIA into review"),
  reviewReason: z.string().nullable(),
  reviewRequiredAt: wire.timestamp.nullable(),
  version: z.number().int(),
  createdAt: wire.timestamp,
  updatedAt: wire.timestamp,
});

export const tiaListQuery = z.object({ ...paginationQuery });

export const TIA_READERS = ["dpo", "engineer", "auditor"] as const;
/** An engineer drafts for the transfers they may edit (lib/records/ownership.ts). */
export const TIA_DRAFTERS = ["dpo", "engineer"] as const;
/** Completion is the DPO's. */
export const TIA_COMPLETERS = ["dpo"] as const;

export const tiaContract = defineContract({
  name: "TransferImpactAssessment",
  tag: "Transfer impact assessments",
  path: "/api/v1/tia",
  record: tiaRecord,
  listRow: tiaRecord,
  listPage: pageOf(tiaRecord),
  listQuery: tiaListQuery,
  updateBody: updateTiaBody,
  withFlags: false,
  operations: {
    get: { operationId: "getTia", summary: "Read one transfer impact assessment", roles: TIA_READERS },
    update: {
      operationId: "updateTia",
      summary: "Change the steps of a draft assessment (engineer: for a transfer they may edit); a completed one is kept as it was",
      roles: TIA_DRAFTERS,
    },
  },
  customOperations: [
    {
      method: "post",
      pathSuffix: "/{id}/complete",
      operationId: "completeTia",
      summary: "Complete a draft: outcome, risk level, conclusion and author required; sets the transfer's TIA date, clears its review reason and re-evaluates its flags",
      roles: TIA_COMPLETERS,
      body: completeTiaBody,
      bodyComponents: { TransferImpactAssessmentComplete: completeTiaBody },
      ifMatch: true,
      response: "record",
      problems: { "409": "The assessment changed since that version, or it is not a draft", "422": "A required field is missing or invalid; `errors` names it" },
    },
  ],
});

/** GET/POST /api/v1/transfers/{id}/tia: a transfer's assessments (newest first), and a new draft. */
export const transferTiaOperations: { list: OperationMeta; create: OperationMeta } = {
  list: { operationId: "listTransferTias", summary: "List a transfer's impact assessments, newest first", roles: TIA_READERS },
  create: {
    operationId: "createTransferTia",
    summary: "Start a draft assessment, steps 1 and 2 prefilled from the transfer, step 3's country profile from its destination (engineer: for a transfer they may edit)",
    roles: TIA_DRAFTERS,
  },
};

/** GET /api/v1/tia/{id}/pdf. */
export const tiaPdfOperation: OperationMeta = {
  operationId: "getTiaPdf",
  summary: "The assessment as a PDF for the file, in English or French (audited download)",
  roles: TIA_READERS,
};

export const tiaPdfQuery = z.object({ language: enumField("locale").default("en").describe("The document's language") });
