import { z } from "zod";
import { AGREEMENT_TYPES, SCC_MODULES } from "@/db/schema/enums";
import { isoDate, text, uuid, version } from "./common";

export const agreementFields = z.object({
  processorId: uuid,
  type: z.enum(AGREEMENT_TYPES),
  sccModule: z.enum(SCC_MODULES).nullable().default(null),
  signedDate: isoDate.nullable().default(null),
  effectiveDate: isoDate.nullable().default(null),
  expiryDate: isoDate.nullable().default(null),
  permitsSubprocessing: z.boolean().default(false),
  flowDown: z.boolean().default(false),
  documentRef: text(500).nullable().default(null),
  coversAllTransfers: z.boolean().default(true),
  /** Only when coversAllTransfers is false: the transfers it covers. */
  transferIds: z.array(uuid).max(1000).default([]),
  notes: text(5000).nullable().default(null),
  externalId: text(200).nullable().default(null),
});

function checkDates(value: { signedDate?: string | null; expiryDate?: string | null; effectiveDate?: string | null }, ctx: z.RefinementCtx) {
  if (value.signedDate && value.expiryDate && value.expiryDate < value.signedDate) {
    ctx.addIssue({ code: "custom", path: ["expiryDate"], message: "must not be before the signed date" });
  }
  if (value.effectiveDate && value.expiryDate && value.expiryDate < value.effectiveDate) {
    ctx.addIssue({ code: "custom", path: ["expiryDate"], message: "must not be before the effective date" });
  }
}

export const createAgreementInput = agreementFields.superRefine((value, ctx) => {
  checkDates(value, ctx);
  if (value.sccModule && value.type !== "scc") {
    ctx.addIssue({ code: "custom", path: ["sccModule"], message: "applies to SCC agreements only" });
  }
});
export const updateAgreementInput = agreementFields.partial().extend({ version }).superRefine(checkDates);
