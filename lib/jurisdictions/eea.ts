import { type CountryListFact, FACTS_AS_OF, listIncludes } from "./fact";

/** The 27 EU Member States (ISO codes: Greece is GR, not the EU's "EL"). */
export const EU_MEMBER_STATES: CountryListFact = {
  codes: [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
  ],
  source: "TEU Art. 52; https://european-union.europa.eu/principles-countries-history/eu-countries_en",
  asOf: FACTS_AS_OF,
};

/**
 * EEA = EU 27 + Iceland, Liechtenstein, Norway. The GDPR applies in the EEA through the EEA Joint
 * Committee Decision 154/2018, so a flow between these countries is not a Chapter V transfer.
 */
export const EEA_MEMBERS: CountryListFact = {
  codes: [...EU_MEMBER_STATES.codes, "IS", "LI", "NO"],
  source: "EEA Agreement; EEA Joint Committee Decision No 154/2018 (GDPR incorporated into the EEA Agreement)",
  asOf: FACTS_AS_OF,
};

/**
 * Territories with their own ISO code that are part of the EU (so of the EEA): the French outermost
 * regions and Saint-Martin (TFEU Art. 349, 355(1)) and the Åland Islands (Finland; Protocol No 2 of the
 * 1994 Act of Accession derogates on tax, not on data protection). Azores, Madeira and the Canary Islands
 * have no ISO code of their own. Svalbard (SJ) is outside the EEA Agreement and is not listed.
 */
export const EU_TERRITORIES_WITH_OWN_CODE: CountryListFact = {
  codes: ["GP", "GF", "MQ", "RE", "YT", "MF", "AX"],
  source: "TFEU Art. 349 and 355(1); 1994 Act of Accession, Protocol No 2 (Åland)",
  asOf: FACTS_AS_OF,
};

export function isEuMemberState(code: string): boolean {
  return listIncludes(EU_MEMBER_STATES, code);
}

/** True for the 30 EEA states and for the EU territories that carry their own ISO code (Réunion, Åland...). */
export function isEea(code: string): boolean {
  return listIncludes(EEA_MEMBERS, code) || listIncludes(EU_TERRITORIES_WITH_OWN_CODE, code);
}
