/** The fields the edit form shows, as the update schema (lib/validation/transfer.ts) accepts them. */
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
