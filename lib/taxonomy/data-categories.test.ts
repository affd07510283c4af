import { describe, expect, it } from "vitest";
import type { CcpaCategory, DojCategory, DojIdentifierKind } from "@/db/schema/enums";
import { DATA_CATEGORY_TAXONOMY, type DataCategoryKey, type DataCategorySeed } from "./data-categories";
import { FIDESLANG_DATA_CATEGORY_KEYS } from "./fideslang";

const byKey = new Map(DATA_CATEGORY_TAXONOMY.map((category) => [category.key, category]));

function category(key: DataCategoryKey): DataCategorySeed {
  const found = byKey.get(key);
  if (!found) throw new Error(`no category ${key}`);
  return found;
}

type Classification = [
  gdprSpecial: boolean,
  ccpaCategory: CcpaCategory | null,
  ccpaSensitive: boolean,
  piplSensitive: boolean,
  dojCategory: DojCategory,
  dojIdentifierKind: DojIdentifierKind | null,
];

const classification = (c: DataCategorySeed): Classification => [
  c.gdprSpecial,
  c.ccpaCategory,
  c.ccpaSensitive,
  c.piplSensitive,
  c.dojCategory,
  c.dojIdentifierKind,
];

/** Qualifiers tagged next to the data's own categories: no CCPA letter of their own. */
const QUALIFIERS_WITHOUT_LETTER = new Set<string>(["user.childrens"]);

describe("data-category taxonomy: structure", () => {
  it("has unique keys, and every parent before its children", () => {
    const seen = new Set<string>();
    for (const c of DATA_CATEGORY_TAXONOMY) {
      expect(seen.has(c.key), c.key).toBe(false);
      if (c.parentKey !== null) {
        expect(seen.has(c.parentKey), `${c.key} comes after ${c.parentKey}`).toBe(true);
        expect(c.key.startsWith(`${c.parentKey}.`), c.key).toBe(true);
      }
      seen.add(c.key);
    }
  });

  it("spells every fideslang key as fideslang does, and marks every other key as our own", () => {
    for (const c of DATA_CATEGORY_TAXONOMY) {
      const own = c.description.startsWith("(own key");
      expect(FIDESLANG_DATA_CATEGORY_KEYS.has(c.key), `${c.key}: ${own ? "marked own but in fideslang" : "not in fideslang, not marked (own key)"}`).toBe(!own);
    }
    // 74 keys, 53 of them fideslang's (issue 15: 44 of 60 before).
    expect(DATA_CATEGORY_TAXONOMY.filter((c) => FIDESLANG_DATA_CATEGORY_KEYS.has(c.key))).toHaveLength(53);
    expect(DATA_CATEGORY_TAXONOMY).toHaveLength(74);
  });

  it("has the fideslang categories the demo company needs", () => {
    for (const key of ["user.childrens", "user.telemetry", "user.unique_id", "user.unique_id.pseudonymous", "user.device.cookie", "user.device.cookie_id", "user.content.private"]) {
      expect(byKey.has(key), key).toBe(true);
      expect(FIDESLANG_DATA_CATEGORY_KEYS.has(key), key).toBe(true);
    }
  });

  it("gives every leaf a CCPA letter, except the children qualifier", () => {
    const parents = new Set(DATA_CATEGORY_TAXONOMY.map((c) => c.parentKey));
    const leaves = DATA_CATEGORY_TAXONOMY.filter((c) => !parents.has(c.key));
    expect(leaves.length).toBeGreaterThan(50);
    for (const leaf of leaves) expect(leaf.ccpaCategory === null, leaf.key).toBe(QUALIFIERS_WITHOUT_LETTER.has(leaf.key));
  });

  it("carries a DOJ identifier kind exactly on the covered-identifier categories", () => {
    for (const c of DATA_CATEGORY_TAXONOMY) {
      expect(c.dojIdentifierKind !== null, c.key).toBe(c.dojCategory === "covered_identifier");
    }
  });
});

describe("data-category taxonomy: GDPR Art. 9 and Art. 10 categories", () => {
  // [gdprSpecial, ccpaCategory, ccpaSensitive, piplSensitive, dojCategory, dojIdentifierKind]
  const expected: Record<string, { keys: DataCategoryKey[]; classification: Classification }> = {
    "racial or ethnic origin": { keys: ["user.demographic.race_ethnicity"], classification: [true, "C", true, true, "none", null] },
    "political opinions": { keys: ["user.demographic.political_opinion"], classification: [true, "C", false, true, "none", null] },
    "religious beliefs": { keys: ["user.demographic.religious_belief"], classification: [true, "C", true, true, "none", null] },
    "philosophical beliefs": { keys: ["user.demographic.philosophical_belief"], classification: [true, "C", true, true, "none", null] },
    "trade-union membership": { keys: ["user.demographic.union_membership"], classification: [true, "C", true, false, "none", null] },
    "genetic data (human genomic)": { keys: ["user.health_and_medical.genetic"], classification: [true, "E", true, true, "genomic", null] },
    "biometric data for identification": {
      keys: ["user.biometric", "user.biometric.face", "user.biometric.voice", "user.biometric.fingerprint"],
      classification: [true, "E", true, true, "biometric", null],
    },
    "data concerning health": { keys: ["user.health_and_medical"], classification: [true, "B", true, true, "health", null] },
    "other human 'omic data": { keys: ["user.health_and_medical.omic"], classification: [true, "B", true, true, "omic", null] },
    "sex life": { keys: ["user.demographic.sex_life"], classification: [true, "C", true, true, "none", null] },
    "sexual orientation": { keys: ["user.demographic.sexual_orientation"], classification: [true, "C", true, true, "none", null] },
    // Art. 10 is not Art. 9: not special, but PIPL-sensitive (GB/T 35273-2020 Table B.2), hence "sensitive".
    "criminal convictions and offences (Art. 10)": { keys: ["user.criminal_history"], classification: [false, "I", false, true, "none", null] },
  };

  for (const [term, { keys, classification: want }] of Object.entries(expected)) {
    it(`classifies ${term}`, () => {
      for (const key of keys) {
        const c = category(key);
        expect(classification(c), key).toEqual(want);
        // Each carries its source in the description or in a comment; the Art. 10 one says so in words.
        expect(c.description.length, key).toBeGreaterThan(10);
      }
    });
  }

  it("marks criminal data as GDPR Art. 10 in its description, and no other category as Art. 9 special by mistake", () => {
    expect(category("user.criminal_history").description).toContain("Art. 10");
    const special = DATA_CATEGORY_TAXONOMY.filter((c) => c.gdprSpecial).map((c) => c.key);
    expect(special.sort()).toEqual(
      [
        "user.biometric",
        "user.biometric.face",
        "user.biometric.fingerprint",
        "user.biometric.voice",
        "user.demographic.philosophical_belief",
        "user.demographic.political_opinion",
        "user.demographic.race_ethnicity",
        "user.demographic.religious_belief",
        "user.demographic.sex_life",
        "user.demographic.sexual_orientation",
        "user.demographic.union_membership",
        "user.health_and_medical",
        "user.health_and_medical.genetic",
        "user.health_and_medical.omic",
      ].sort(),
    );
  });
});

describe("data-category taxonomy: the US DOJ rule", () => {
  it("keeps human genomic data apart from the other 'omic data, and has a government-related category", () => {
    expect(category("user.health_and_medical.genetic").dojCategory).toBe("genomic");
    expect(category("user.health_and_medical.omic").dojCategory).toBe("omic");
    expect(category("user.government_related")).toMatchObject({ dojCategory: "government_related", dojIdentifierKind: null });
    expect(DATA_CATEGORY_TAXONOMY.filter((c) => c.dojCategory === "government_related").map((c) => c.key)).toEqual(["user.government_related"]);
  });

  it("gives every listed identifier its 28 CFR 202.234 kind", () => {
    const kinds: Record<string, DojIdentifierKind> = {
      // (a) government identification numbers
      "user.government_id.national_identification_number": "government_id",
      "user.government_id.passport_number": "government_id",
      // (c) device-based or hardware-based identifiers
      "user.device.device_id": "device",
      "user.device.imei": "device",
      "user.device.mac_address": "device",
      "user.device.push_token": "device",
      // (d) demographic or contact data, public account identifiers included
      "user.name": "demographic_contact",
      "user.contact.email": "demographic_contact",
      "user.contact.phone_number": "demographic_contact",
      "user.contact.address": "demographic_contact",
      "user.contact.address.postal_code": "demographic_contact",
      "user.demographic.date_of_birth": "demographic_contact",
      "user.account.third_party_profile": "demographic_contact",
      // (e) advertising identifiers
      "user.device.advertising_id": "advertising_id",
      // (f) account-authentication data
      "user.account.username": "account_authentication",
      "user.authorization.password": "account_authentication",
      // (g) network-based identifiers: IP address, cookie data
      "user.device.ip_address": "network",
      "user.device.cookie": "network",
      "user.device.cookie_id": "network",
    };
    const actual = Object.fromEntries(DATA_CATEGORY_TAXONOMY.filter((c) => c.dojIdentifierKind !== null).map((c) => [c.key, c.dojIdentifierKind]));
    expect(actual).toEqual(kinds);
  });

  it("does not list what 202.234 does not name: device attributes, a city, an internal user id, an SDK install id", () => {
    for (const key of ["user.device.attributes", "user.contact.address.city", "user.contact.address.country", "user.unique_id", "user.unique_id.pseudonymous", "user.demographic.gender"] as const) {
      expect(category(key), key).toMatchObject({ dojCategory: "none", dojIdentifierKind: null });
    }
  });

  it("counts payment and account data as personal financial data on its own, not as a listed identifier", () => {
    for (const key of ["user.financial.bank_account", "user.financial.credit_card", "user.payment"] as const) {
      expect(category(key), key).toMatchObject({ dojCategory: "financial", dojIdentifierKind: null });
    }
  });
});

describe("data-category taxonomy: classifications the demo's findings turn on", () => {
  it("tells biometric faces from plain camera footage", () => {
    expect(classification(category("user.biometric.face"))).toEqual([true, "E", true, true, "biometric", null]);
    expect(classification(category("user.sensor.camera_footage"))).toEqual([false, "H", false, true, "none", null]);
  });

  it("classifies precise location under every regime, and coarse location under none", () => {
    expect(classification(category("user.location.precise.gps"))).toEqual([false, "G", true, true, "precise_geolocation", null]);
    expect(classification(category("user.location.imprecise"))).toEqual([false, "G", false, false, "none", null]);
  });

  it("makes children's data PIPL-sensitive and private content PIPL-sensitive but not CCPA-sensitive", () => {
    expect(classification(category("user.childrens"))).toEqual([false, null, false, true, "none", null]);
    expect(classification(category("user.content.private"))).toEqual([false, "H", false, true, "none", null]);
    expect(classification(category("user.telemetry"))).toEqual([false, "F", false, false, "none", null]);
  });
});
