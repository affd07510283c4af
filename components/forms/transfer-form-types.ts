/** The fields the edit form shows, as the update schema (lib/api/contracts/transfers.ts) accepts them. */
export interface TransferEditValues {
  version: number;
  destinationCountry: string;
  accessType: string;
  estimatedSubjects: number;
  volumeUnit: string;
  frequency: string;
  encryptionInTransit: string;
  encryptionAtRest: string;
  mechanism: string;
  tiaDate?: string | null;
  cisaRequirementsMet: boolean;
  /** US DOJ rule, 28 CFR 202.501-202.511: the exemption relied on and why. */
  dojExemption: string | null;
  dojExemptionJustification: string | null;
  /** PIPL facts (DOMAIN.md §2): they matter when the data leaves mainland China. */
  reExportOfForeignData: boolean;
  importantData: boolean;
  piplExemption: string | null;
  piplSeparateConsent: boolean;
  pipiaDate: string | null;
  notes?: string | null;
}

/** The create form: the edit fields (without a version) and what places the flow in the register. */
export interface TransferCreateValues extends Omit<TransferEditValues, "version"> {
  processorId: string;
  activityId: string;
  exporterEntityId: string;
  originCountry: string;
  subjectRegions: string[];
  dataCategories: string[];
}

/** The facts of a stored transfer the form starts from, in the fields of both modes. */
export type TransferLegalFacts = Pick<
  TransferEditValues,
  "dojExemption" | "dojExemptionJustification" | "reExportOfForeignData" | "importantData" | "piplExemption" | "piplSeparateConsent" | "pipiaDate"
>;

/** A new transfer claims nothing: no exemption, no PIPL fact recorded yet. */
export const NO_LEGAL_FACTS: TransferLegalFacts = {
  dojExemption: null,
  dojExemptionJustification: null,
  reExportOfForeignData: false,
  importantData: false,
  piplExemption: null,
  piplSeparateConsent: false,
  pipiaDate: null,
};
