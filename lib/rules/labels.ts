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

/*
 * The same values in French, as a French finding names them: the catalogue's French labels (lib/labels/fr.ts),
 * so that a message and the page around it use one word for one thing.
 */
export const AGREEMENT_TYPE_LABELS_FR = enumLabels("agreementType", "fr");
export const MECHANISM_LABELS_FR = enumLabels("transferMechanismInSentence", "fr");
export const RECIPIENT_ROLE_LABELS_FR = enumLabels("processorRoleInSentence", "fr");
export const SCC_MODULE_LABELS_FR = enumLabels("sccModuleInFull", "fr");
export const PIPL_EXEMPTION_LABELS_FR = enumLabels("piplExemptionInSentence", "fr");
export const PIPL_SENSITIVE_TIER_LABELS_FR = enumLabels("piplSensitiveTier", "fr");
export const PIPL_NON_SENSITIVE_TIER_LABELS_FR = enumLabels("piplNonSensitiveTier", "fr");
export const ENTITY_ROLE_LABELS_FR = enumLabels("entityRole", "fr");
export const FREQUENCY_LABELS_FR = enumLabels("frequency", "fr");
export const DOJ_CATEGORY_LABELS_FR = enumLabels("dojCategory", "fr");
export const VOLUME_UNIT_LABELS_FR = enumLabels("volumeUnit", "fr");
export const DOJ_EXEMPTION_LABELS_FR = enumLabels("dojExemption", "fr");

/** A label in the middle of a French sentence: "Contrat de sous-traitance (art. 28)" -> "contrat de sous-traitance (art. 28)". */
export function lowerFirst(label: string): string {
  // An acronym ("BCR", "DPA") keeps its capitals.
  if (label.length > 1 && label.charAt(1) !== label.charAt(1).toLocaleLowerCase("fr")) return label;
  return label.charAt(0).toLocaleLowerCase("fr") + label.slice(1);
}

/** A French sentence's first word: "les CCT …" -> "Les CCT …". */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);
}
