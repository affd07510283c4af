import { isEea } from "./eea";
import { FACTS_AS_OF } from "./fact";

/*
 * Adequacy: destinations to which personal data may flow without an Art. 46 tool or an Art. 49 derogation.
 * EU: GDPR Art. 45 decisions of the European Commission. UK: UK GDPR Art. 45 and DPA 2018 s.17A with the
 * transitional "adequacy regulations" of Sch. 21 paras 4-5 plus the regulations the UK has made since.
 * As of 2026-11 (DOMAIN.md §3); dates are ISO (YYYY-MM-DD) when the window matters.
 */

export type AdequacyRegion = "EU" | "UK";

export interface AdequacyDecision {
  /** ISO 3166-1 alpha-2 code. */
  readonly country: string;
  /** The decision's limits when it does not cover every organisation in the country. */
  readonly scope?: string;
  /** First day the decision applies, when it matters for current data (Brazil, 2026-01). */
  readonly validFrom?: string;
  /** Last day the decision applies (the UK decisions sunset). */
  readonly validUntil?: string;
  /** The destination is adequate only for organisations certified under the Data Privacy Framework. */
  readonly requiresDpf?: boolean;
  readonly source: string;
}

export interface AdequacyList {
  readonly region: AdequacyRegion;
  readonly decisions: readonly AdequacyDecision[];
  readonly source: string;
  readonly asOf: string;
  readonly note?: string;
}

export const EU_ADEQUACY: AdequacyList = {
  region: "EU",
  source:
    "GDPR Art. 45(3), (9); https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en",
  asOf: FACTS_AS_OF,
  note:
    "The European Patent Organisation (an international organisation, no ISO code) also has an adequacy decision (2025); it is not representable as a destination country.",
  decisions: [
    { country: "AD", source: "Commission Decision 2010/625/EU" },
    { country: "AR", source: "Commission Decision 2003/490/EC" },
    {
      country: "BR",
      validFrom: "2026-01-01",
      source: "Commission Implementing Decision on Brazil (LGPD), adopted 2026-01 (DOMAIN.md §3; check the OJ reference)",
    },
    {
      country: "CA",
      scope: "commercial organisations subject to PIPEDA",
      source: "Commission Decision 2002/2/EC",
    },
    { country: "FO", source: "Commission Decision 2010/146/EU" },
    { country: "GG", source: "Commission Decision 2003/821/EC" },
    { country: "IL", source: "Commission Decision 2011/61/EU" },
    { country: "IM", source: "Commission Decision 2004/411/EC" },
    { country: "JP", scope: "private sector under the APPI", source: "Commission Implementing Decision (EU) 2019/419" },
    { country: "JE", source: "Commission Decision 2008/393/EC" },
    { country: "NZ", source: "Commission Implementing Decision 2013/65/EU" },
    {
      country: "KR",
      scope: "PIPA; excludes credit information processed by financial institutions under the Credit Information Act",
      source: "Commission Implementing Decision (EU) 2022/254",
    },
    { country: "CH", source: "Commission Decision 2000/518/EC" },
    {
      country: "GB",
      // Renewed in 2025 for six years from 27 Dec 2025 (DOMAIN.md: "renewed to 2031-12"); check the exact day.
      validUntil: "2031-12-27",
      source: "Commission Implementing Decision (EU) 2021/1772 as renewed in 2025 (to 2031-12)",
    },
    { country: "UY", source: "Commission Implementing Decision 2012/484/EU" },
    {
      country: "US",
      requiresDpf: true,
      scope: "organisations certified under the EU-US Data Privacy Framework",
      source: "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)",
    },
  ],
};

const UK_TRANSITIONAL = "DPA 2018 s.17A and Sch. 21 paras 4-5 (EU decisions in force on 31 Dec 2020 kept as UK adequacy regulations)";

/**
 * The UK's own list. The EEA states are adequate under DPA 2018 Sch. 21 para 4 (handled in `adequacyFor`,
 * not repeated here). Brazil is NOT on it: the UK has made no Brazil regulations as of 2026-11, so the EU
 * decision of 2026-01 does not carry over.
 */
export const UK_ADEQUACY: AdequacyList = {
  region: "UK",
  source: "UK GDPR Art. 45; DPA 2018 s.17A; https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/",
  asOf: FACTS_AS_OF,
  note: "EEA states and EU/EEA institutions: DPA 2018 Sch. 21 para 4.",
  decisions: [
    { country: "GI", source: "DPA 2018 Sch. 21 para 4(1)(c) (Gibraltar)" },
    { country: "AD", source: UK_TRANSITIONAL },
    { country: "AR", source: UK_TRANSITIONAL },
    { country: "CA", scope: "commercial organisations subject to PIPEDA", source: UK_TRANSITIONAL },
    { country: "FO", source: UK_TRANSITIONAL },
    { country: "GG", source: UK_TRANSITIONAL },
    { country: "IL", source: UK_TRANSITIONAL },
    { country: "IM", source: UK_TRANSITIONAL },
    { country: "JP", scope: "private sector under the APPI", source: UK_TRANSITIONAL },
    { country: "JE", source: UK_TRANSITIONAL },
    { country: "NZ", source: UK_TRANSITIONAL },
    { country: "CH", source: UK_TRANSITIONAL },
    { country: "UY", source: UK_TRANSITIONAL },
    { country: "KR", source: "The Data Protection (Adequacy) (Republic of Korea) Regulations 2022" },
    {
      country: "US",
      requiresDpf: true,
      scope: "organisations certified under the UK Extension to the EU-US Data Privacy Framework",
      source: "The Data Protection (Adequacy) (United States of America) Regulations 2023 (UK Extension to the DPF)",
    },
  ],
};

export interface AdequacyQuery {
  /** Whose law governs the subjects' data: EU GDPR or UK GDPR. */
  subjectRegion: AdequacyRegion;
  /** Destination country (ISO alpha-2). */
  destination: string;
  /**
   * Whether the recipient's DPF certification is valid today (for UK subjects: its UK Extension).
   * Only consulted for the United States.
   */
  processorDpfValid: boolean;
  /** YYYY-MM-DD; when given, decisions outside their validity window do not count. */
  today?: string;
}

export type AdequacyBasis = "domestic" | "eea" | "adequacy_decision" | "dpf" | "none";

export interface AdequacyResult {
  /** True when no Art. 46 tool or Art. 49 derogation is needed. */
  adequate: boolean;
  basis: AdequacyBasis;
  source?: string;
  scope?: string;
  note?: string;
}

function inWindow(decision: AdequacyDecision, today: string | undefined): boolean {
  if (today === undefined) return true;
  // ISO dates compare correctly as strings.
  if (decision.validFrom !== undefined && today < decision.validFrom) return false;
  if (decision.validUntil !== undefined && today > decision.validUntil) return false;
  return true;
}

/**
 * Does a flow of `subjectRegion` subjects' data to `destination` need a transfer mechanism?
 * The US is adequate only for a recipient with a valid DPF certification (Decision (EU) 2023/1795;
 * for the UK the UK Extension); mainland China and Hong Kong have no adequacy (DOMAIN.md §3).
 */
export function adequacyFor(query: AdequacyQuery): AdequacyResult {
  const destination = query.destination.trim().toUpperCase();
  const list = query.subjectRegion === "EU" ? EU_ADEQUACY : UK_ADEQUACY;

  if (query.subjectRegion === "EU" && isEea(destination)) {
    return { adequate: true, basis: "eea", source: "GDPR applies throughout the EEA (EEA JCD 154/2018)" };
  }
  if (query.subjectRegion === "UK") {
    if (destination === "GB") return { adequate: true, basis: "domestic", source: "UK GDPR" };
    if (isEea(destination)) {
      return { adequate: true, basis: "adequacy_decision", source: "DPA 2018 Sch. 21 para 4 (EEA states)" };
    }
  }

  const decision = list.decisions.find((d) => d.country === destination);
  if (decision === undefined || !inWindow(decision, query.today)) {
    return { adequate: false, basis: "none", note: `No ${query.subjectRegion} adequacy for ${destination}` };
  }
  if (decision.requiresDpf) {
    return query.processorDpfValid
      ? { adequate: true, basis: "dpf", source: decision.source, scope: decision.scope }
      : {
          adequate: false,
          basis: "none",
          source: decision.source,
          scope: decision.scope,
          note: "The US is adequate only for a recipient with a valid DPF certification",
        };
  }
  return { adequate: true, basis: "adequacy_decision", source: decision.source, scope: decision.scope };
}
