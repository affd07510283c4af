import type { AgreementType, PiplExemption, ProcessorRole, SccModule, TransferMechanism } from "@/db/schema/enums";

/* Human labels for enum values used in finding messages. */

export const AGREEMENT_TYPE_LABELS: Readonly<Record<AgreementType, string>> = {
  dpa: "DPA",
  scc: "SCC agreement",
  pipl_standard_contract: "PIPL standard contract",
  hk_model_clauses: "HK model clauses agreement",
  gba_standard_contract: "GBA standard contract",
  confidentiality: "Confidentiality agreement",
  ccpa_service_provider: "CCPA service-provider contract",
  joint_controller_arrangement: "Joint-controller arrangement",
  bcr: "BCR",
  other: "Agreement",
};

export const MECHANISM_LABELS: Readonly<Record<TransferMechanism, string>> = {
  adequacy: "adequacy",
  dpf: "the Data Privacy Framework",
  scc: "SCCs",
  bcr: "BCRs",
  art49_consent: "the Art. 49(1)(a) consent derogation",
  art49_contract: "the Art. 49(1)(b)/(c) contract derogation",
  art49_other: "an Art. 49 derogation",
  pipl_standard_contract: "the PIPL standard contract",
  pipl_certification: "PIPL certification",
  cac_assessment: "a CAC security assessment",
  hk_model_clauses: "the HK model contractual clauses",
  gba_standard_contract: "the GBA standard contract",
  none: "no mechanism",
};

/** The recipient as a finding names it ("… to Acme Cloud, a joint controller"). */
export const RECIPIENT_ROLE_LABELS: Readonly<Record<ProcessorRole, string>> = {
  processor: "a processor",
  sub_processor: "a sub-processor",
  controller: "an independent controller",
  joint_controller: "a joint controller",
  affiliate: "an affiliate acting as a processor",
};

/** Decision (EU) 2021/914, Annex, Section I: each module by the parties' roles. */
export const SCC_MODULE_LABELS: Readonly<Record<SccModule, string>> = {
  module_1: "Module 1 (controller to controller)",
  module_2: "Module 2 (controller to processor)",
  module_3: "Module 3 (processor to processor)",
  module_4: "Module 4 (processor to controller)",
};

/** 2024 Provisions Art. 5, as a finding names the exemption claimed. */
export const PIPL_EXEMPTION_LABELS: Readonly<Record<PiplExemption, string>> = {
  contract_with_individual: "a contract with the individual (Art. 5(1))",
  cross_border_hr: "cross-border HR management (Art. 5(2))",
  emergency: "an emergency protecting life, health or property (Art. 5(3))",
};

/** Where an exporter's PIPL counts since 1 January stand (lib/rules/pipl.ts, piplTiers), as a finding says it. */
export const PIPL_SENSITIVE_TIER_LABELS = {
  none: "no sensitive personal information",
  under_10000: "sensitive personal information of fewer than 10,000 people",
  "10000_or_more": "sensitive personal information of 10,000 people or more",
} as const;

export const PIPL_NON_SENSITIVE_TIER_LABELS = {
  under_100000: "personal information of fewer than 100,000 people",
  "100000_to_999999": "personal information of 100,000 to 999,999 people",
  "1000000_or_more": "personal information of 1,000,000 people or more",
} as const;
