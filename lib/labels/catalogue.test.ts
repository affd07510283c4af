import { describe, expect, it } from "vitest";
import { ACTIVITY_RECORD_STATES, AGREEMENT_STATES, CATEGORY_CLASSIFICATIONS } from "@/db/list-sorts";
import * as enums from "@/db/schema/enums";
import { DUPLICATE_REASONS, REVIEW_ACTIONS } from "@/lib/api/contracts/processors";
import { FLAG_STATUS_FILTERS } from "@/lib/api/contracts/flags";
import { ENCRYPTION_FILTERS } from "@/lib/api/contracts/transfers";
import { EXPORT_FORMATS, EXPORT_REPORTS, PENDING_MODES } from "@/lib/exports/catalog";
import { ROPA_TEMPLATES } from "@/lib/exports/ropa";
import { IMPORT_KINDS } from "@/lib/import/columns";
import { DOJ_EXEMPTION_FACTS } from "@/lib/jurisdictions/doj-exemptions";
import { PIPL_EXEMPTION_FACTS } from "@/lib/jurisdictions/pipl-exemptions";
import { RULE_CATALOG } from "@/lib/rules/catalog";
import { makeTransferContext } from "@/lib/rules/test-factories";
import { noContract } from "@/lib/rules/transfer-rules";
import { RULE_IDS } from "@/lib/rules/types";
import { NOTICE_RULE_IDS } from "@/lib/rules/notice-rules";
import { EN, EN_FIELDS } from "./en";
import { FR, FR_FIELDS } from "./fr";
import { enumLabel, enumLabels, enumOptions, enumValues, fieldLabel, FIELD_RESOURCES, flagRemediation, isEnumValue, type ContractDuty, type EnumKind } from "./index";

const KINDS = Object.keys(EN) as EnumKind[];

/** The tuple each kind labels, where the product has one: enumOptions must offer the values in its order. */
const TUPLES: Partial<Record<EnumKind, readonly string[]>> = {
  entityRole: enums.ENTITY_ROLES,
  processorRole: enums.PROCESSOR_ROLES,
  processorService: enums.PROCESSOR_SERVICES,
  recordStatus: enums.RECORD_STATUSES,
  ccpaCategory: enums.CCPA_CATEGORIES,
  dojCategory: enums.DOJ_CATEGORIES,
  dojIdentifierKind: enums.DOJ_IDENTIFIER_KINDS,
  dojExemption: enums.DOJ_EXEMPTIONS,
  piplExemption: enums.PIPL_EXEMPTIONS,
  legalBasis: enums.LEGAL_BASES,
  art9Condition: enums.ART9_CONDITIONS,
  disclosureType: enums.DISCLOSURE_TYPES,
  accessType: enums.ACCESS_TYPES,
  volumeUnit: enums.VOLUME_UNITS,
  frequency: enums.FREQUENCIES,
  encryptionInTransit: enums.ENCRYPTION_IN_TRANSIT,
  encryptionAtRest: enums.ENCRYPTION_AT_REST,
  transferMechanism: enums.TRANSFER_MECHANISMS,
  transferStatus: enums.TRANSFER_STATUSES,
  agreementType: enums.AGREEMENT_TYPES,
  sccModule: enums.SCC_MODULES,
  severity: enums.SEVERITIES,
  flagSubjectType: enums.FLAG_SUBJECT_TYPES,
  noticeStatementKind: enums.NOTICE_STATEMENT_KINDS,
  documentKind: enums.DOCUMENT_KINDS,
  flagWorkStatus: enums.FLAG_WORK_STATUSES,
  notificationEvent: enums.NOTIFICATION_EVENTS,
  notificationChannel: enums.NOTIFICATION_CHANNELS,
  deliveryStatus: enums.DELIVERY_STATUSES,
  tiaStatus: enums.TIA_STATUSES,
  tiaOutcome: enums.TIA_OUTCOMES,
  tiaRiskLevel: enums.TIA_RISK_LEVELS,
  supplementaryMeasureKind: enums.SUPPLEMENTARY_MEASURE_KINDS,
  flagStatus: enums.FLAG_STATUSES,
  userRole: enums.USER_ROLES,
  securityMeasure: enums.SECURITY_MEASURES,
  locale: enums.LOCALES,
  rule: [...RULE_IDS, ...NOTICE_RULE_IDS],
  ruleRemediation: [...RULE_IDS, ...NOTICE_RULE_IDS],
  exportReport: EXPORT_REPORTS,
  exportFormat: EXPORT_FORMATS,
  ropaTemplate: ROPA_TEMPLATES,
  pendingMode: PENDING_MODES,
  importKind: IMPORT_KINDS,
  reviewAction: REVIEW_ACTIONS,
  duplicateReason: DUPLICATE_REASONS,
  agreementState: AGREEMENT_STATES,
  activityRecordState: ACTIVITY_RECORD_STATES,
  categoryClassification: CATEGORY_CLASSIFICATIONS,
  flagStatusFilter: FLAG_STATUS_FILTERS,
  encryptionFilter: ENCRYPTION_FILTERS,
  transferMechanismInSentence: enums.TRANSFER_MECHANISMS,
  processorRoleInSentence: enums.PROCESSOR_ROLES,
  sccModuleInFull: enums.SCC_MODULES,
  piplExemptionInSentence: enums.PIPL_EXEMPTIONS,
};

// A snake_case token (two lower-case words joined by "_") is a code, never a word of a label.
const SNAKE_CASE = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/;
// Words of a label: a run of four lower-case letters means the label says something in a language.
const HAS_WORDS = /[a-zà-ÿ]{4,}/;
// Field labels that French writes as English does.
const SAME_IN_FRENCH = new Set(["Type", "Description", "Version", "Service", "Destination", "Justification"]);

const entries = (kind: EnumKind) => Object.entries(EN[kind]) as [string, string][];

/*
 * English words a French label has no reason to hold (acronyms and citations aside: "PIPL", "28 CFR 202.506"):
 * a label half translated ("exempté (subpart E)") reads as English to a French reader. Whole words only, letters
 * with accents counting as letters ("Exempté" is French).
 */
const ENGLISH_WORDS = ["the", "and", "of", "with", "without", "not", "none", "other", "only", "until", "from", "for", "by", "yes", "part", "subpart", "exempt", "prohibited", "restricted", "threshold", "covered", "below", "data", "pending", "review", "people", "devices", "record", "report"];
const ENGLISH_WORD = new RegExp(`(?<!\\p{L})(?:${ENGLISH_WORDS.join("|")})(?!\\p{L})`, "iu");

describe("the label catalogue", () => {
  it("labels every value of every kind in English and French, with nothing left empty", () => {
    for (const kind of KINDS) {
      expect(Object.keys(FR[kind]), kind).toEqual(Object.keys(EN[kind]));
      for (const [value, english] of entries(kind)) {
        expect(english.trim(), `${kind}.${value} (en)`).not.toBe("");
        expect(enumLabel(kind, value, "fr").trim(), `${kind}.${value} (fr)`).not.toBe("");
      }
    }
  });

  it("offers each kind's values in the order of its tuple, and knows them all", () => {
    for (const [kind, tuple] of Object.entries(TUPLES) as [EnumKind, readonly string[]][]) {
      expect(enumValues(kind), kind).toEqual([...tuple]);
    }
    // A tuple gaining a value without a label would show up here (the types catch it too).
    expect(Object.keys(TUPLES).length).toBeGreaterThan(40);
    expect(enumOptions("legalBasis", "fr")).toEqual(enums.LEGAL_BASES.map((value) => ({ value, label: FR.legalBasis[value] })));
  });

  it("never shows a code: no snake_case token, and no label equal to a code that is not a word", () => {
    for (const kind of KINDS) {
      for (const [value, english] of entries(kind)) {
        const french = enumLabel(kind, value, "fr");
        for (const label of [english, french]) {
          expect(label, `${kind}.${value}`).not.toMatch(SNAKE_CASE);
          if (label === value) expect(value, `${kind}.${value} is shown as its code`).toMatch(/^[a-z]+$/);
        }
      }
    }
    // The scan itself fires on a code.
    expect("Art. 49 consent (art49_consent)").toMatch(SNAKE_CASE);
    expect("Sub-processor").not.toMatch(SNAKE_CASE);
  });

  it("labels the CCPA categories with their letter: 'A. Identifiers'", () => {
    for (const letter of enums.CCPA_CATEGORIES) {
      expect(enumLabel("ccpaCategory", letter)).toMatch(new RegExp(`^${letter}\\. [A-Z]`));
      expect(enumLabel("ccpaCategory", letter, "fr")).toMatch(new RegExp(`^${letter}\\. [A-ZÉ]`));
    }
    expect(enumLabel("ccpaCategory", "A")).toBe("A. Identifiers");
    expect(enumLabel("ccpaCategory", "A", "fr")).toBe("A. Identifiants");
  });

  it("says it in French where the English has words", () => {
    for (const kind of KINDS) {
      for (const [value, english] of entries(kind)) {
        if (HAS_WORDS.test(english)) expect(enumLabel(kind, value, "fr"), `${kind}.${value}`).not.toBe(english);
      }
    }
    // Acronyms and version numbers read the same in both.
    expect(enumLabel("encryptionInTransit", "tls1_3", "fr")).toBe("TLS 1.3");
  });

  it("leaves no English word in a French label or field label", () => {
    const french = [
      ...KINDS.flatMap((kind) => entries(kind).map(([value]) => [`${kind}.${value}`, enumLabel(kind, value, "fr")] as const)),
      ...FIELD_RESOURCES.flatMap((resource) => Object.entries(FR_FIELDS[resource] as Readonly<Record<string, string>>).map(([field, label]) => [`${resource}.${field}`, label] as const)),
    ];
    expect(french.filter(([, label]) => ENGLISH_WORD.test(label)).map(([key, label]) => `${key}: ${label}`)).toEqual([]);
    expect(enumLabel("dojLeftOutReason", "exempt", "fr")).toBe("exempté (sous-partie E)");
    // The check fires on a half-translated label, not on French words that begin like English ones.
    expect(ENGLISH_WORD.test("exempté (subpart E)")).toBe(true);
    expect(ENGLISH_WORD.test("Exempté (28 CFR part 202)")).toBe(true);
    expect(ENGLISH_WORD.test("Exempté (28 CFR partie 202, sous-partie E)")).toBe(false);
    expect(ENGLISH_WORD.test("Données de l'exportateur")).toBe(false);
  });

  it("uses the GDPR's and the CNIL's French terms", () => {
    expect(enumLabel("legalBasis", "legitimate_interests", "fr")).toBe("Intérêts légitimes");
    expect(enumLabel("legalBasis", "consent", "fr")).toBe("Consentement");
    expect(enumLabel("art9Condition", "explicit_consent", "fr")).toMatch(/^Consentement explicite/);
    expect(enumLabel("transferMechanism", "scc", "fr")).toBe("Clauses contractuelles types (CCT)");
    expect(enumLabel("dojExemption", "corporate_group", "fr")).toBe("Transaction intragroupe (28 CFR 202.506)");
    expect(enumLabel("securityMeasure", "access_control", "fr")).toBe("Contrôle d'accès des utilisateurs");
    expect(fieldLabel("transfer", "encryptionAtRest", "fr")).toBe("Chiffrement au repos");
    expect(fieldLabel("activity", "legalBasis", "fr")).toMatch(/^Base légale/);
  });

  it("keeps the English wording the product has always shown", () => {
    expect(enumLabel("transferMechanism", "dpf")).toBe("EU-US DPF");
    expect(enumLabel("encryptionAtRest", "provider_keys")).toBe("Provider-managed keys");
    expect(enumLabel("exportReport", "ropa")).toBe("Record of processing activities (GDPR Art. 30(1))");
    expect(enumLabel("transferMechanismInSentence", "dpf")).toBe("the Data Privacy Framework");
    expect(enumLabel("dojStatus", "prohibited")).toBe("PROHIBITED");
  });

  it("titles every rule as the rule catalog does, and in French", () => {
    for (const rule of RULE_CATALOG) {
      expect(enumLabel("rule", rule.id)).toBe(rule.title);
      expect(enumLabel("rule", rule.id, "fr")).not.toBe(rule.title);
    }
  });

  it("says what each rule asks the DPO to do as the rule does, and in French", () => {
    expect(Object.keys(EN.ruleRemediation).sort()).toEqual([...RULE_IDS, ...NOTICE_RULE_IDS].sort());
    for (const rule of RULE_CATALOG) {
      // lib/labels cannot import the rules (they import it), so the English is a copy held to the rule's text.
      expect(enumLabel("ruleRemediation", rule.id), rule.id).toBe(rule.remediation);
      const french = enumLabel("ruleRemediation", rule.id, "fr");
      expect(french, rule.id).not.toBe(rule.remediation);
      expect(french, rule.id).toMatch(/^[A-ZÉ][^]*\.$/);
      expect(flagRemediation(rule.id, rule.remediation, "fr"), rule.id).toEqual({ text: french, lang: "fr" });
      expect(flagRemediation(rule.id, rule.remediation, "en"), rule.id).toEqual({ text: rule.remediation, lang: "en" });
    }
    // Citations keep their article, in the French way of writing them.
    expect(enumLabel("ruleRemediation", "transfer.pipl-consent-or-pipia-missing", "fr")).toContain("(PIPL, art. 39)");
  });

  it("translates the remediation transfer.no-contract writes for each kind of recipient", () => {
    const byDuty: Record<ContractDuty, Parameters<typeof makeTransferContext>[0]> = {
      processor: { processor: { role: "processor" }, agreements: [] },
      california: { processor: { role: "controller" }, transfer: { subjectRegions: ["US-CA"] }, agreements: [] },
      joint_controller: { processor: { role: "joint_controller" }, agreements: [] },
    };
    for (const [duty, context] of Object.entries(byDuty) as [ContractDuty, Parameters<typeof makeTransferContext>[0]][]) {
      const stored = noContract.evaluate(makeTransferContext(context))?.remediation;
      expect(stored, duty).toBe(enumLabel("contractRemediation", duty));
      expect(flagRemediation("transfer.no-contract", stored!, "fr"), duty).toEqual({ text: enumLabel("contractRemediation", duty, "fr"), lang: "fr" });
    }
    // Another rule's flag with the same words is not read as a no-contract one.
    expect(flagRemediation("agreement.expired", EN.contractRemediation.processor, "fr").lang).toBe("en");
  });

  it("keeps a remediation the catalogue does not know as the engine stored it, marked English", () => {
    const reworded = "Sign a DPA before the data moves.";
    expect(flagRemediation("transfer.no-contract", reworded, "fr")).toEqual({ text: reworded, lang: "en" });
    expect(flagRemediation("transfer.retired-rule", "Stop the flow.", "fr")).toEqual({ text: "Stop the flow.", lang: "en" });
    expect(enumLabel("ruleRemediation", "transfer.retired-rule", "fr")).toBe("transfer.retired-rule");
  });

  it("cites each DOJ exemption's own section and each PIPL exemption's own article, in both languages", () => {
    for (const [exemption, fact] of Object.entries(DOJ_EXEMPTION_FACTS) as [enums.DojExemption, { section: string }][]) {
      expect(enumLabel("dojExemption", exemption)).toMatch(new RegExp(`\\(28 CFR ${fact.section.replace(".", "\\.")}\\)$`));
      expect(enumLabel("dojExemption", exemption, "fr")).toMatch(new RegExp(`\\(28 CFR ${fact.section.replace(".", "\\.")}\\)$`));
    }
    for (const [exemption, fact] of Object.entries(PIPL_EXEMPTION_FACTS) as [enums.PiplExemption, { article: string }][]) {
      expect(enumLabel("piplExemption", exemption)).toContain(`Art. ${fact.article}`);
      expect(enumLabel("piplExemption", exemption, "fr")).toContain(`art. ${fact.article}`);
    }
  });

  it("shows a value it does not know as it is, and reads English for an unknown locale", () => {
    expect(enumLabel("rule", "transfer.retired-rule")).toBe("transfer.retired-rule");
    expect(isEnumValue("rule", "transfer.retired-rule")).toBe(false);
    expect(isEnumValue("rule", "transfer.no-contract")).toBe(true);
    expect(enumLabel("severity", "critical", "de" as "en")).toBe("Critical");
    expect(enumLabels("severity", "fr").critical).toBe("Critique");
  });
});

describe("field labels", () => {
  it("labels the same fields in English and French, none empty, none a code", () => {
    for (const resource of FIELD_RESOURCES) {
      const english = EN_FIELDS[resource] as Readonly<Record<string, string>>;
      const french = FR_FIELDS[resource] as Readonly<Record<string, string>>;
      expect(Object.keys(french).sort(), resource).toEqual(Object.keys(english).sort());
      for (const [field, label] of Object.entries(english)) {
        expect(label.trim(), `${resource}.${field}`).not.toBe("");
        expect(label, `${resource}.${field}`).not.toBe(field);
        expect(french[field], `${resource}.${field}`).not.toMatch(SNAKE_CASE);
        if (!SAME_IN_FRENCH.has(label) && HAS_WORDS.test(label)) expect(french[field], `${resource}.${field}`).not.toBe(label);
      }
    }
  });

  it("covers the fields a regulator reads, the ICO and CNIL ones included", () => {
    for (const field of ["liaReference", "consentRecordReference", "breachOccurred", "breachRecordReference", "schedule1Condition", "policyDocumentReference", "retainedPerPolicy", "policyDeviationReason", "securityChecklist", "applications"] as const) {
      expect(fieldLabel("activity", field)).not.toBe(field);
    }
    expect(fieldLabel("entity", "phone", "fr")).toBe("Téléphone");
    // A field without a label (an error's path) comes back as it is.
    expect(fieldLabel("transfer", "transfers.0.destinationCountry")).toBe("transfers.0.destinationCountry");
  });
});
