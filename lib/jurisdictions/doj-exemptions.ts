import type { DojExemption } from "@/db/schema/enums";
import { enumLabels } from "@/lib/labels";
import { FACTS_AS_OF } from "./fact";

/*
 * US DOJ Data Security Program, 28 CFR part 202 subpart E: exempt transactions (202.501-202.511). A transfer
 * may claim one, with a justification kept on its record (transfers.doj_exemption_justification). An exempt
 * transaction (202.219) is not restricted or prohibited by the rules of this engine, does not add to another
 * transaction's bulk count, and stays in the DOJ report as exempt with the section relied on.
 *
 * Section numbers and headings as published in the eCFR (90 FR 1706, Jan. 8, 2025, as amended). Headings of
 * 202.501-202.507 and 202.510 were checked against eCFR copies of the sections; 202.508, 202.509 and 202.511
 * against secondary summaries of subpart E only (re-check them when this list is next reviewed).
 */

/**
 * What the exemption lifts. 202.501-202.503 (the IEEPA 50 U.S.C. 1702(b) exemptions) read "This part does not
 * apply"; 202.504-202.511 read "Subparts C, D, J, and K (other than 202.1102 and 202.1104) of this part do not
 * apply": both take the transaction out of the prohibitions (subpart C, data brokerage 202.301 and bulk human
 * 'omic data 202.303 included) and the restrictions (subpart D). Neither reaches the Protecting Americans' Data
 * from Foreign Adversaries Act of 2024 (15 U.S.C. 9901), a separate statute that subpart E does not amend.
 */
export type DojExemptionScope = "whole-part" | "subparts-c-d-j-k";

export interface DojExemptionFact {
  /** "202.506". */
  readonly section: string;
  /** The section's heading in the CFR. */
  readonly title: string;
  readonly scope: DojExemptionScope;
  /** 202.509 exempts telecommunications transactions "other than those involving data brokerage". */
  readonly excludesDataBrokerage: boolean;
}

export const DOJ_EXEMPTION_FACTS: Readonly<Record<DojExemption, DojExemptionFact>> = {
  personal_communications: {
    section: "202.501",
    title: "Personal communications",
    scope: "whole-part",
    excludesDataBrokerage: false,
  },
  information_materials: {
    section: "202.502",
    title: "Information or informational materials",
    scope: "whole-part",
    excludesDataBrokerage: false,
  },
  travel: {
    section: "202.503",
    title: "Travel",
    scope: "whole-part",
    excludesDataBrokerage: false,
  },
  official_government_business: {
    section: "202.504",
    title: "Official business of the United States Government",
    scope: "subparts-c-d-j-k",
    excludesDataBrokerage: false,
  },
  financial_services: {
    section: "202.505",
    title: "Financial services",
    scope: "subparts-c-d-j-k",
    excludesDataBrokerage: false,
  },
  corporate_group: {
    section: "202.506",
    title: "Corporate group transactions",
    scope: "subparts-c-d-j-k",
    excludesDataBrokerage: false,
  },
  required_by_federal_law: {
    section: "202.507",
    title:
      "Transactions required or authorized by Federal law or international agreements, or necessary for compliance with Federal law",
    scope: "subparts-c-d-j-k",
    excludesDataBrokerage: false,
  },
  cfius_mitigated_investment: {
    section: "202.508",
    title: "Investment agreements subject to a CFIUS action",
    scope: "subparts-c-d-j-k",
    excludesDataBrokerage: false,
  },
  telecommunications: {
    section: "202.509",
    title: "Telecommunications services",
    scope: "subparts-c-d-j-k",
    excludesDataBrokerage: true,
  },
  regulatory_approval: {
    section: "202.510",
    title: "Drug, biological product, and medical device authorizations",
    scope: "subparts-c-d-j-k",
    excludesDataBrokerage: false,
  },
  clinical_investigation: {
    section: "202.511",
    title: "Other clinical investigations and post-marketing surveillance data",
    scope: "subparts-c-d-j-k",
    excludesDataBrokerage: false,
  },
};

/** "28 CFR 202.506". */
export function dojExemptionCitation(exemption: DojExemption): string {
  return `28 CFR ${DOJ_EXEMPTION_FACTS[exemption].section}`;
}

/**
 * What a person reads for an exemption in forms, lists and exports: "Corporate group transaction (28 CFR
 * 202.506)"; in French through enumLabel("dojExemption", value, "fr"). The label catalogue holds them, with the
 * section of the facts above (lib/labels/catalogue.test.ts checks that each cites its own).
 */
export const DOJ_EXEMPTION_LABELS: Readonly<Record<DojExemption, string>> = enumLabels("dojExemption");

/** The section with its CFR heading, for a report that cites it: "28 CFR 202.506 Corporate group transactions". */
export function dojExemptionHeading(exemption: DojExemption): string {
  const fact = DOJ_EXEMPTION_FACTS[exemption];
  return `28 CFR ${fact.section} ${fact.title}`;
}

/** Whether the exemption also takes a data brokerage transaction out of 28 CFR 202.301 (never out of PADFA). */
export function dojExemptionCoversBrokerage(exemption: DojExemption): boolean {
  return !DOJ_EXEMPTION_FACTS[exemption].excludesDataBrokerage;
}

export const DOJ_EXEMPTIONS_SOURCE = {
  source: "28 CFR part 202 subpart E (202.501-202.511), 202.219 (exempt transaction); https://www.ecfr.gov/current/title-28/chapter-I/part-202/subpart-E",
  asOf: FACTS_AS_OF,
} as const;
