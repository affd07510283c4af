import type {
  AccessType,
  DojCategory,
  DojIdentifierKind,
  EncryptionAtRest,
  EncryptionInTransit,
  Frequency,
  SccModule,
  TransferMechanism,
  VolumeUnit,
} from "@/db/schema/enums";
import { countryName } from "@/lib/jurisdictions/countries";

// The DOJ exemptions' labels live with their sections and CFR headings: "Corporate group transaction (28 CFR 202.506)".
export { DOJ_EXEMPTION_LABELS } from "@/lib/jurisdictions/doj-exemptions";
// The PIPL Art. 5 exemptions' labels live with their article: "Emergency: ... (2024 Provisions Art. 5(3))".
export { PIPL_EXEMPTION_LABELS } from "@/lib/jurisdictions/pipl-exemptions";

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

/**
 * 28 CFR 202.234 kinds of listed identifier. The kind decides the 202.212(b) exclusions, so the label says
 * which paragraph of 202.234 lists it.
 */
export const DOJ_IDENTIFIER_KIND_LABELS: Readonly<Record<DojIdentifierKind, string>> = {
  government_id: "Government identification or account number (202.234(a))",
  financial_account: "Financial account number or personal identification number (202.234(b))",
  device: "Device-based or hardware-based identifier (202.234(c))",
  demographic_contact: "Demographic or contact data (202.234(d))",
  advertising_id: "Advertising identifier (202.234(e))",
  account_authentication: "Account-authentication data (202.234(f))",
  network: "Network-based identifier (202.234(g))",
  call_detail: "Call-detail data (202.234(h))",
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
