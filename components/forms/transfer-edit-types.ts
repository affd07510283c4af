/** What the transfer edit form receives from its server actions (plain data: it crosses the network). */
export interface FlagPreview {
  ruleId: string;
  severity: string;
  message: string;
  status: string;
}

export interface TransferChangePreview {
  /** The flags that stay or become open (or accepted) if the change is saved. */
  flags: FlagPreview[];
}

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
