import { z } from "zod";
import { AGREEMENT_TYPES, SCC_MODULES } from "@/db/schema/enums";
import { isoDate, text, uuid, version } from "./common";
import { withDefaults } from "./defaults";

const { create: agreementFields, update: agreementUpdateFields } = withDefaults(
  { processorId: uuid, type: z.enum(AGREEMENT_TYPES) },
  {
    sccModule: [z.enum(SCC_MODULES).nullable(), null],
    signedDate: [isoDate.nullable(), null],
    effectiveDate: [isoDate.nullable(), null],
    expiryDate: [isoDate.nullable(), null],
    permitsSubprocessing: [z.boolean(), false],
    flowDown: [z.boolean(), false],
    documentRef: [text(500).nullable(), null],
    /** By default an agreement covers all of its processor's transfers; otherwise `transferIds`. */
    coversAllTransfers: [z.boolean(), true],
    transferIds: [z.array(uuid).max(1000), []],
    notes: [text(5000).nullable(), null],
    externalId: [text(200).nullable(), null],
  } as const,
);

export { agreementFields };

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
/** Partial: a field left out keeps its stored value. */
export const updateAgreementInput = agreementUpdateFields.extend({ version }).superRefine(checkDates);
