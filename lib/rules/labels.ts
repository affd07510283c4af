import type { AgreementType, TransferMechanism } from "@/db/schema/enums";

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
