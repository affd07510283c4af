import type { PiplExemption } from "@/db/schema/enums";
import { enumLabels } from "@/lib/labels";
import { FACTS_AS_OF } from "./fact";

/*
 * Provisions on Promoting and Regulating Cross-Border Data Flows (CAC Order No. 16, in force 2024-03-22), Art. 5:
 * personal information provided abroad in these situations needs no CAC security assessment, standard contract
 * or certification, and (Art. 8) is left out of the cumulative counts of Art. 7-8. Item (4) of Art. 5, under
 * 100,000 people's non-sensitive personal information since 1 January, is a threshold the rules compute from
 * the counts, not an exemption a transfer claims, so it has no value here.
 */

export interface PiplExemptionFact {
  /** "5(1)". */
  readonly article: string;
}

export const PIPL_EXEMPTION_FACTS: Readonly<Record<PiplExemption, PiplExemptionFact>> = {
  // e.g. cross-border shopping, delivery, payment, account opening, travel and visa bookings, exam services.
  contract_with_individual: { article: "5(1)" },
  // Under labour rules and collective contracts made according to law.
  cross_border_hr: { article: "5(2)" },
  emergency: { article: "5(3)" },
};

/**
 * What a person reads for an exemption: "Cross-border human-resources management (2024 Provisions Art. 5(2))";
 * in French through enumLabel("piplExemption", value, "fr"). Held by the label catalogue, with the article above.
 */
export const PIPL_EXEMPTION_LABELS: Readonly<Record<PiplExemption, string>> = enumLabels("piplExemption");

export const PIPL_EXEMPTIONS_SOURCE = {
  source: "Provisions on Promoting and Regulating Cross-Border Data Flows (促进和规范数据跨境流动规定), CAC Order No. 16 of 2024-03-22, Art. 5 and 8",
  asOf: FACTS_AS_OF,
} as const;
