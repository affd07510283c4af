import { enumLabels } from "@/lib/labels";

/*
 * Human labels for enum values used in finding messages, in English (findings are stored in English and
 * re-evaluated from the same facts). Views of the label catalogue (lib/labels), which has them in French too:
 * the "…InSentence" kinds are the forms a sentence uses ("… relies on the Data Privacy Framework").
 */

export const AGREEMENT_TYPE_LABELS = enumLabels("agreementType");
export const MECHANISM_LABELS = enumLabels("transferMechanismInSentence");
/** The recipient as a finding names it ("… to Acme Cloud, a joint controller"). */
export const RECIPIENT_ROLE_LABELS = enumLabels("processorRoleInSentence");
/** Decision (EU) 2021/914, Annex, Section I: each module by the parties' roles. */
export const SCC_MODULE_LABELS = enumLabels("sccModuleInFull");
/** 2024 Provisions Art. 5, as a finding names the exemption claimed. */
export const PIPL_EXEMPTION_LABELS = enumLabels("piplExemptionInSentence");
/** Where an exporter's PIPL counts since 1 January stand (lib/rules/pipl.ts, piplTiers), as a finding says it. */
export const PIPL_SENSITIVE_TIER_LABELS = enumLabels("piplSensitiveTier");
export const PIPL_NON_SENSITIVE_TIER_LABELS = enumLabels("piplNonSensitiveTier");
