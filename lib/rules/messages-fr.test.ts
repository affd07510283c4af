import { describe, expect, it } from "vitest";
import {
  ACCESS_TYPES,
  AGREEMENT_TYPES,
  DISCLOSURE_TYPES,
  DOJ_CATEGORIES,
  DOJ_EXEMPTIONS,
  ENCRYPTION_AT_REST,
  ENCRYPTION_IN_TRANSIT,
  ENTITY_ROLES,
  FREQUENCIES,
  PIPL_EXEMPTIONS,
  PROCESSOR_ROLES,
  SCC_MODULES,
  TRANSFER_MECHANISMS,
  VOLUME_UNITS,
} from "@/db/schema/enums";
import { AGREEMENT_RULES } from "./agreement-rules";
import { PROCESSOR_RULES } from "./processor-rules";
import {
  CATEGORIES,
  DOJ_TEST_CATEGORIES as DOJ,
  makeAgreement,
  makeAgreementContext,
  makeProcessor,
  makeProcessorContext,
  makeTransferContext,
  type TransferContextOverrides,
} from "./test-factories";
import { tiaReviewCauseFr, tiaReviewChangesFr } from "./tia-review";
import { tiaMissing, TRANSFER_RULES } from "./transfer-rules";
import { RULE_IDS, type Finding } from "./types";

/*
 * Every finding in French (issue 16): each rule fired in each of its wordings, and its French message checked for
 * what a French reader must never meet: an English sentence, a code of the register, a category key.
 */

const toChina = (overrides: TransferContextOverrides = {}) =>
  makeTransferContext({
    ...overrides,
    processor: { country: "CN", name: "Shenzhen Analytics", service: "analytics", ...overrides.processor },
    transfer: { destinationCountry: "CN", mechanism: "scc", subjectRegions: ["US"], ...overrides.transfer },
  });

const fromChina = (overrides: TransferContextOverrides = {}) =>
  makeTransferContext({
    ...overrides,
    transfer: { originCountry: "CN", destinationCountry: "US", subjectRegions: ["CN"], mechanism: "none", ...overrides.transfer },
  });

// The taxonomy's keys (lib/taxonomy), whose French names the messages use; a category outside it is named as recorded.
const health = { ...CATEGORIES.health, key: "user.health_and_medical" };
const governmentRelated = { ...DOJ.governmentLocation, key: "user.government_related" };
const loyalty = { ...CATEGORIES.face, key: "user.custom.loyalty_face_scan", name: "Loyalty face scan" };

const scc = makeAgreement({ id: "agr-scc", type: "scc", sccModule: "module_2" });

/** The transfer contexts that make each transfer rule fire, in its different wordings. */
const TRANSFER_CASES: TransferContextOverrides[] = [
  { transfer: { encryptionInTransit: "none", encryptionAtRest: "none" }, categories: [CATEGORIES.face, CATEGORIES.email] },
  { transfer: { encryptionInTransit: "none", encryptionAtRest: "none" } },
  { agreements: [] },
  { agreements: [makeAgreement({ expiryDate: "2026-01-31" }), makeAgreement({ id: "agr-2", type: "bcr", signedDate: null })] },
  { agreements: [makeAgreement({ effectiveDate: "2027-01-01" })], processor: { role: "sub_processor" } },
  { agreements: [], processor: { role: "joint_controller" } },
  { agreements: [], processor: { role: "controller" }, transfer: { subjectRegions: ["US-CA"] } },
  { transfer: { destinationCountry: "IN", mechanism: "none", subjectRegions: ["EU", "UK"] } },
  { transfer: { mechanism: "dpf", subjectRegions: ["UK"] }, processor: { dpfUkExtension: false } },
  { transfer: { mechanism: "dpf" }, processor: { dpfCertified: false } },
  { transfer: { destinationCountry: "CN", mechanism: "adequacy" } },
  { transfer: { destinationCountry: "HK", mechanism: "hk_model_clauses" } },
  { transfer: { destinationCountry: "IN", mechanism: "scc", tiaDate: null }, agreements: [makeAgreement({ type: "dpa" })] },
  { transfer: { destinationCountry: "IN", mechanism: "scc", tiaDate: "2025-01-10" }, agreements: [makeAgreement(), scc] },
  {
    transfer: { destinationCountry: "IN", mechanism: "bcr", tiaDate: "2025-01-10", tiaReviewReason: "Material change: destination and data categories" },
    agreements: [makeAgreement(), makeAgreement({ id: "agr-bcr", type: "bcr" })],
  },
  { transfer: { destinationCountry: "IN", mechanism: "art49_consent", frequency: "periodic" } },
  { transfer: { destinationCountry: "IN", mechanism: "art49_other", frequency: "continuous" } },
  { transfer: { destinationCountry: "IN", mechanism: "scc" }, agreements: [makeAgreement(), { ...scc, sccModule: "module_1" }] },
  { transfer: { destinationCountry: "IN", mechanism: "scc" }, agreements: [makeAgreement(), { ...scc, sccModule: null }], exporter: { role: "processor" } },
  { activity: { art9Condition: null, retentionPeriod: null }, categories: [CATEGORIES.face, health, loyalty] },
  { activity: { retentionPeriod: " " } },
  // 28 CFR part 202.
  { transfer: { estimatedSubjects: 150_000 }, categories: [CATEGORIES.face, CATEGORIES.preciseLocation, CATEGORIES.email, CATEGORIES.imei] },
  { transfer: { estimatedSubjects: 5_000, cisaRequirementsMet: true }, categories: [DOJ.genomic] },
  { activity: { disclosureType: "sale" }, transfer: { estimatedSubjects: 10 }, categories: [CATEGORIES.face] },
  { activity: { disclosureType: "data_brokerage" }, processor: { coveredPerson: true }, transfer: { dojExemption: "telecommunications" }, categories: [CATEGORIES.face] },
  { activity: { disclosureType: "sale" }, transfer: { dojExemption: "corporate_group", estimatedSubjects: 5_000 }, categories: [CATEGORIES.face] },
  { transfer: { estimatedSubjects: 1 }, categories: [governmentRelated] },
  { transfer: { estimatedSubjects: 40, volumeUnit: "devices" }, categories: [governmentRelated] },
];

/** PIPL cases: exports from mainland China. */
const PIPL_CASES: TransferContextOverrides[] = [
  { transfer: { importantData: true, mechanism: "pipl_standard_contract" }, exporter: { ciio: true, name: "GNCC Shenzhen" } },
  { transfer: { estimatedSubjects: 20_000, mechanism: "none" }, categories: [CATEGORIES.face, CATEGORIES.usage] },
  { transfer: { destinationCountry: "HK", estimatedSubjects: 200_000, mechanism: "gba_standard_contract" }, categories: [CATEGORIES.usage] },
  { transfer: { estimatedSubjects: 200_000, mechanism: "gba_standard_contract" }, categories: [CATEGORIES.usage] },
  { transfer: { pipiaDate: "2022-01-01", piplSeparateConsent: false } },
  { transfer: { pipiaDate: null, piplExemption: "cross_border_hr" } },
];

function allFindings(): Finding[] {
  const findings: Finding[] = [];
  const push = (finding: Finding | null) => {
    if (finding !== null) findings.push(finding);
  };
  for (const overrides of TRANSFER_CASES) {
    const china = overrides.transfer?.estimatedSubjects !== undefined || overrides.activity?.disclosureType !== undefined || overrides.categories?.includes(governmentRelated);
    const ctx = china ? toChina(overrides) : makeTransferContext(overrides);
    for (const rule of TRANSFER_RULES) push(rule.evaluate(ctx));
  }
  for (const overrides of PIPL_CASES) for (const rule of TRANSFER_RULES) push(rule.evaluate(fromChina(overrides)));
  const processorContexts = [
    makeProcessorContext({ processor: { dpfExpiry: "2026-01-31", ownerUserId: null } }),
    makeProcessorContext({ processor: { dpfCertified: false } }),
    makeProcessorContext({ transfersRelyOnDpf: false, ukTransfersRelyOnDpf: true, processor: { dpfUkExtension: false } }),
    makeProcessorContext({ processor: { parentProcessorId: "proc-0" } }),
    makeProcessorContext({ processor: { parentProcessorId: "proc-0" }, parent: { processor: makeProcessor({ id: "proc-0", name: "Acme Parent" }), agreements: [] } }),
    makeProcessorContext({
      processor: { parentProcessorId: "proc-0" },
      parent: { processor: makeProcessor({ id: "proc-0", name: "Acme Parent" }), agreements: [makeAgreement({ processorId: "proc-0", flowDown: false })] },
    }),
  ];
  for (const ctx of processorContexts) for (const rule of PROCESSOR_RULES) push(rule.evaluate(ctx));
  const agreementContexts = [
    makeAgreementContext({ agreement: { expiryDate: "2026-11-14" } }),
    makeAgreementContext({ agreement: { expiryDate: "2026-10-01", type: "scc" } }),
    makeAgreementContext({ agreement: { expiryDate: "2026-11-15" } }),
    makeAgreementContext({ agreement: { expiryDate: "2026-11-16", type: "bcr" } }),
    makeAgreementContext({ agreement: { expiryDate: "2026-12-20" }, processorName: undefined }),
  ];
  for (const ctx of agreementContexts) for (const rule of AGREEMENT_RULES) push(rule.evaluate(ctx));
  return findings;
}

/** Every code a French sentence could leak: the values of the register's enumerations. */
const CODES = new Set<string>([
  ...ACCESS_TYPES,
  ...AGREEMENT_TYPES,
  ...DISCLOSURE_TYPES,
  ...DOJ_CATEGORIES,
  ...DOJ_EXEMPTIONS,
  ...ENCRYPTION_AT_REST,
  ...ENCRYPTION_IN_TRANSIT,
  ...ENTITY_ROLES,
  ...FREQUENCIES,
  ...PIPL_EXEMPTIONS,
  ...PROCESSOR_ROLES,
  ...SCC_MODULES,
  ...TRANSFER_MECHANISMS,
  ...VOLUME_UNITS,
]);

describe("findings in French", () => {
  const findings = allFindings();

  it("fires every rule of the catalogue", () => {
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(RULE_IDS));
  });

  it.each(findings.map((f) => [f.ruleId, f] as const))("%s is worded in French", (_rule, finding) => {
    const fr = finding.messageFr;
    expect(fr.trim()).not.toBe("");
    expect(fr).not.toBe(finding.message);
    for (const english of ["without", "transfer to", " has no ", " the ", " and ", " with ", " is not ", " relies on "]) {
      expect(fr.toLowerCase()).not.toContain(english);
    }
    // No snake_case token, no category key, no code of an enumeration as a word of its own.
    expect(fr).not.toMatch(/\b[a-z0-9]+_[a-z0-9_]+\b/i);
    expect(fr).not.toMatch(/\buser\.[a-z]/);
    const codes = fr.split(/[^\p{L}\p{N}_-]+/u).filter((word) => CODES.has(word));
    expect(codes).toEqual([]);
    // French typography: a no-break space before the high punctuation, never a plain one.
    expect(fr).not.toMatch(/ [:;]/);
  });

  it("formats numbers and dates the French way", () => {
    const bulk = findings.find((f) => f.ruleId === "transfer.doj-bulk-restricted" && f.message.includes("150,000"));
    expect(bulk?.messageFr).toContain("150\u00a0000");
    const expired = findings.find((f) => f.ruleId === "agreement.expired" && f.message.includes("2026-10-01"));
    expect(expired?.messageFr).toContain("1 oct. 2026");
    expect(expired?.messageFr).toMatch(/il y a 45 jours/);
  });

  it("names categories, countries and roles with the catalogue's French words", () => {
    const inTransit = findings.find((f) => f.ruleId === "transfer.no-encryption-in-transit" && f.message.includes("user.biometric.face"));
    expect(inTransit?.messageFr).toContain("Données de reconnaissance faciale");
    const mechanism = findings.find((f) => f.ruleId === "transfer.no-mechanism" && f.message.includes("IN"));
    expect(mechanism?.messageFr).toContain("Inde");
    expect(mechanism?.messageFr).toContain("de l'UE et du Royaume-Uni");
    const special = findings.find((f) => f.ruleId === "transfer.special-category-no-condition" && f.message.includes("loyalty"));
    expect(special?.messageFr).toContain("(Données de reconnaissance faciale, Données de santé et Loyalty face scan)");
    const contract = findings.find((f) => f.ruleId === "transfer.no-contract" && f.message.includes("joint controller"));
    expect(contract?.messageFr).toContain("un responsable conjoint du traitement");
  });
});

describe("transfer.tia-missing: a TIA called into review", () => {
  const withTia = (tiaReviewReason: string | null) =>
    makeTransferContext({
      transfer: { destinationCountry: "IN", mechanism: "scc", tiaDate: "2026-09-01", tiaReviewReason },
      agreements: [makeAgreement(), scc],
    });

  it("fires when a material change called the completed TIA into review, naming the cause in both languages", () => {
    // The words lib/tia/basis.ts writes (reviewReasonOf).
    const reason = "Material change since the completed TIA: destination changed from China to India; access type changed from Storage to Remote access.";
    const finding = tiaMissing.evaluate(withTia(reason));
    expect(finding).toMatchObject({ severity: "medium", facts: { tiaDate: "2026-09-01", tiaReviewReason: reason } });
    expect(finding?.message).toBe(
      "Transfer impact assessment of 2026-09-01 for the transfer to Acme Cloud (IN) is under review: Material change since the completed TIA: destination changed from China to India; access type changed from Storage to Remote access",
    );
    expect(finding?.messageFr).toContain("doit être réexaminée après une modification importante du transfert (la destination et le type d'accès)");
    expect(finding?.messageFr).toContain("1 sept. 2026");
  });

  it("does not fire for a recent TIA without a review reason, nor with a blank one", () => {
    expect(tiaMissing.evaluate(withTia(null))).toBeNull();
    expect(tiaMissing.evaluate(withTia("  "))).toBeNull();
  });

  it("is high to a country of concern, as the stale case", () => {
    const ctx = toChina({ transfer: { tiaDate: "2026-09-01", tiaReviewReason: "volume band" }, agreements: [makeAgreement(), scc] });
    expect(tiaMissing.evaluate(ctx)?.severity).toBe("high");
  });

  it("words each material change in French, and quotes a reason it cannot place", () => {
    expect(tiaReviewChangesFr("destination changed; data categories removed: Email address; access type changed; volume changed; mechanism changed")).toEqual([
      "la destination",
      "les catégories de données",
      "le type d'accès",
      "la tranche de volume",
      "l'outil de transfert",
    ]);
    // As lib/tia/basis.ts words them, category and country names included: a name never passes for a change.
    expect(tiaReviewChangesFr("Material change since the completed TIA: data categories added: Access logs, Country or region; volume changed from 1,000-99,999 to 100,000-999,999 people per year.")).toEqual([
      "les catégories de données",
      "la tranche de volume",
    ]);
    expect(tiaReviewCauseFr("Importer reorganised")).toBe("une modification importante du transfert (motif consigné\u00a0: «\u00a0Importer reorganised\u00a0»)");
  });
});
