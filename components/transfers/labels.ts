import type {
  AccessType,
  DojCategory,
  EncryptionAtRest,
  EncryptionInTransit,
  Frequency,
  SccModule,
  TransferMechanism,
  VolumeUnit,
} from "@/db/schema/enums";
import { countryName } from "@/lib/jurisdictions/countries";

/* Display labels for the register's enum values (the rule messages have their own, in lib/rules/labels.ts). */

export const MECHANISM_LABELS: Readonly<Record<TransferMechanism, string>> = {
  adequacy: "Adequacy",
  dpf: "EU-US DPF",
  scc: "SCCs",
  bcr: "BCRs",
  art49_consent: "Art. 49 consent",
  art49_contract: "Art. 49 contract",
  art49_other: "Art. 49 other derogation",
  pipl_standard_contract: "PIPL standard contract",
  pipl_certification: "PIPL certification",
  cac_assessment: "CAC security assessment",
  hk_model_clauses: "HK model clauses",
  gba_standard_contract: "GBA standard contract",
  none: "None",
};

export const ENCRYPTION_IN_TRANSIT_LABELS: Readonly<Record<EncryptionInTransit, string>> = {
  none: "None",
  tls1_2: "TLS 1.2",
  tls1_3: "TLS 1.3",
  end_to_end: "End-to-end",
};

export const ENCRYPTION_AT_REST_LABELS: Readonly<Record<EncryptionAtRest, string>> = {
  none: "None",
  provider_keys: "Provider-managed keys",
  customer_keys: "Customer-managed keys",
};

export const ACCESS_TYPE_LABELS: Readonly<Record<AccessType, string>> = {
  storage: "Storage",
  remote_access: "Remote access",
};

export const FREQUENCY_LABELS: Readonly<Record<Frequency, string>> = {
  continuous: "Continuous",
  periodic: "Periodic",
  one_off: "One-off",
};

/** EU SCCs 2021/914 modules. */
export const SCC_MODULE_LABELS: Readonly<Record<SccModule, string>> = {
  module_1: "Module 1 (C2C)",
  module_2: "Module 2 (C2P)",
  module_3: "Module 3 (P2P)",
  module_4: "Module 4 (P2C)",
};

/** 28 CFR 202.249 kinds of sensitive personal data. */
export const DOJ_CATEGORY_LABELS: Readonly<Record<DojCategory, string>> = {
  genomic: "Human genomic",
  omic: "Other human 'omic",
  biometric: "Biometric identifier",
  precise_geolocation: "Precise geolocation",
  covered_identifier: "Covered personal identifier",
  health: "Personal health",
  financial: "Personal financial",
  government_related: "Government-related",
  none: "None",
};

/** "snake_case" -> "snake case", for enum values without a dedicated label. */
export function humanize(value: string): string {
  return value.replace(/_/g, " ");
}

/** English country name, or the code itself when the code is unknown. */
export function countryLabel(code: string): string {
  return countryName(code) ?? code;
}

/** 1240 people -> "1,240 people"; one device -> "1 device". The number in the reader's locale when the caller has one. */
export function formatVolume(
  count: number,
  unit: VolumeUnit,
  formatNumber: (value: number) => string = (value) => value.toLocaleString("en-US"),
): string {
  const noun = count === 1 ? unit.replace(/s$/, "") : unit;
  return `${formatNumber(count)} ${noun}`;
}
