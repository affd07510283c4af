import { z } from "zod";
import { ART9_CONDITIONS, DISCLOSURE_TYPES, LEGAL_BASES } from "@/db/schema/enums";
import { text, version } from "./common";

/** The fields of a processing activity that the rules read, plus its Art. 30 description. */
export const updateActivityInput = z
  .object({
    version,
    name: text(200).min(1),
    purpose: text(2000).min(1),
    legalBasis: z.enum(LEGAL_BASES),
    legitimateInterest: text(2000).nullable(),
    art9Condition: z.enum(ART9_CONDITIONS).nullable(),
    disclosureType: z.enum(DISCLOSURE_TYPES),
    dataSubjectCategories: z.array(text(200)).max(50),
    retentionPeriod: text(500).nullable(),
    securityMeasures: text(5000).nullable(),
    source: text(1000).nullable(),
  })
  .partial()
  .required({ version: true })
  .strict();
