import { z } from "zod";
import { agreementFields, createAgreementBody } from "@/lib/api/contracts/agreements";
import { processorFields } from "@/lib/api/contracts/processors";
import { transferFields } from "@/lib/api/contracts/transfers";

/*
 * The registration wizard's steps (issue #6), each validated in the browser and again on the server with the
 * same schema. Every field schema here is the register's own (lib/api/contracts/*, lib/validation/*): a step is a pick of the
 * fields it shows, so the wizard cannot accept what the API would refuse. The form holds all steps in one
 * object — { vendor, data, flows, transfers, agreements } — and a step's schema looks only at its part.
 */

export const WIZARD_STEPS = [
  { number: 1, title: "The vendor" },
  { number: 2, title: "What data" },
  { number: 3, title: "Where and how much" },
  { number: 4, title: "How it is protected" },
  { number: 5, title: "Summary" },
] as const;

export type WizardStepNumber = (typeof WIZARD_STEPS)[number]["number"];
export const SUMMARY_STEP = 5 as const;

/** Step 1: the processor record itself (created as a draft, then updated). */
export const vendorStepFields = z
  .object(
    processorFields.pick({
      name: true,
      legalName: true,
      website: true,
      role: true,
      service: true,
      country: true,
      parentProcessorId: true,
      dpfCertified: true,
      dpfExpiry: true,
      dpfUkExtension: true,
    }).shape,
  )
  .superRefine((vendor, ctx) => {
    // DOMAIN.md §2: a sub-processor hangs under the processor that engaged it; the flow-down rule needs it.
    if (vendor.role === "sub_processor" && !vendor.parentProcessorId) {
      ctx.addIssue({ code: "custom", path: ["parentProcessorId"], message: "is required for a sub-processor" });
    }
    if (vendor.dpfCertified && !vendor.dpfExpiry) {
      ctx.addIssue({ code: "custom", path: ["dpfExpiry"], message: "give the date the DPF certification runs until" });
    }
  });

/** Step 2: the categories sent, and the processing activity (purpose) they serve. */
export const dataStepFields = z.object({
  activityId: transferFields.shape.activityId,
  dataCategories: transferFields.shape.dataCategories.unwrap().min(1, { message: "pick at least one data category" }),
});

/** Step 3, shared by every transfer: who exports, from where, and whose data it is. */
export const flowsStepFields = z.object({
  exporterEntityId: transferFields.shape.exporterEntityId,
  originCountry: transferFields.shape.originCountry,
  subjectRegions: transferFields.shape.subjectRegions,
});

/**
 * One transfer of the vendor, one per destination. Step 3 fills where and how much, step 4 how it is
 * protected; both validate the whole entry (the fields of the other step keep the register's defaults).
 */
export const draftTransferFields = z.object(
  transferFields.pick({
    destinationCountry: true,
    accessType: true,
    estimatedSubjects: true,
    volumeUnit: true,
    frequency: true,
    encryptionInTransit: true,
    encryptionAtRest: true,
    mechanism: true,
    tiaDate: true,
    cisaRequirementsMet: true,
  }).shape,
);

// A placeholder id: the cross-field rules of an agreement do not depend on its processor.
const ANY_PROCESSOR_ID = "00000000-0000-4000-8000-000000000000";

/** Step 4: a safeguard agreement with the vendor, checked by the API's own create schema (dates, SCC module). */
export const draftAgreementFields = z
  .object(
    agreementFields.pick({
      type: true,
      sccModule: true,
      signedDate: true,
      expiryDate: true,
      documentRef: true,
      permitsSubprocessing: true,
      flowDown: true,
    }).shape,
  )
  .superRefine((agreement, ctx) => {
    const checked = createAgreementBody.safeParse({ ...agreement, processorId: ANY_PROCESSOR_ID });
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      if (issue.code === "custom") ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });

const transfersList = z
  .array(draftTransferFields)
  .min(1, { message: "add at least one destination" })
  .max(20, { message: "at most 20 destinations in one registration" })
  .superRefine((transfers, ctx) => {
    // One transfer per destination: a second row for the same country would be the same flow twice.
    const seen = new Set<string>();
    transfers.forEach((transfer, index) => {
      if (seen.has(transfer.destinationCountry)) {
        ctx.addIssue({ code: "custom", path: [index, "destinationCountry"], message: "already has a transfer above; one per destination" });
      }
      seen.add(transfer.destinationCountry);
    });
  });

export const agreementsList = z.array(draftAgreementFields).max(20, { message: "at most 20 agreements in one registration" });

/** Each step's schema over the whole form object. */
export const STEP_SCHEMAS = {
  1: z.object({ vendor: vendorStepFields }),
  2: z.object({ data: dataStepFields }),
  3: z.object({ flows: flowsStepFields, transfers: transfersList }),
  4: z.object({ transfers: transfersList, agreements: agreementsList }),
} as const;

export type SavedStep = keyof typeof STEP_SCHEMAS;

export type VendorStepValues = z.output<typeof vendorStepFields>;
export type DataStepValues = z.output<typeof dataStepFields>;
export type FlowsStepValues = z.output<typeof flowsStepFields>;
export type DraftTransfer = z.output<typeof draftTransferFields>;
export type DraftAgreement = z.output<typeof draftAgreementFields>;

/** Everything the wizard holds, as the form edits it (inputs may still be partial or invalid). */
export interface WizardValues {
  vendor: z.input<typeof vendorStepFields>;
  data: { activityId?: string; dataCategories: string[] };
  flows: { exporterEntityId?: string; originCountry?: string; subjectRegions: string[] };
  transfers: z.input<typeof draftTransferFields>[];
  agreements: z.input<typeof draftAgreementFields>[];
}

/** What the server keeps between steps for a draft vendor (the processor itself is a real draft record). */
export interface RegistrationDraft {
  /** The furthest step the wizard may open: every step before it was saved. */
  step: WizardStepNumber;
  data?: DataStepValues;
  flows?: FlowsStepValues;
  transfers?: DraftTransfer[];
  agreements?: DraftAgreement[];
}

export const EMPTY_TRANSFER: DraftTransfer = {
  destinationCountry: "",
  accessType: "storage",
  estimatedSubjects: 0,
  volumeUnit: "people",
  frequency: "continuous",
  encryptionInTransit: "none",
  encryptionAtRest: "none",
  mechanism: "none",
  tiaDate: null,
  cisaRequirementsMet: false,
};

export const EMPTY_AGREEMENT: DraftAgreement = {
  type: "dpa",
  sccModule: null,
  signedDate: null,
  expiryDate: null,
  documentRef: null,
  permitsSubprocessing: false,
  flowDown: false,
};

/**
 * Parse options of every step, in the browser and on the server: a field left empty says "is required"
 * rather than zod's "expected string, received undefined" (the field schemas themselves are the register's).
 */
export const STEP_PARSE_OPTIONS = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : undefined),
};
