import { describe, expect, it } from "vitest";
import { enumLabel } from "@/lib/labels";
import type { AgreementFacts } from "./types";
import {
  NOTICE_RULES,
  type NoticeActivityFacts,
  type NoticeFacts,
  type NoticeRegister,
  type NoticeRuleId,
  type NoticeStatementFacts,
  type NoticeTransferFacts,
} from "./notice-rules";

const TODAY = "2026-12-04";

let nextId = 0;
const id = () => `00000000-0000-4000-8000-${String(++nextId).padStart(12, "0")}`;

function statement(kind: NoticeStatementFacts["kind"], value: string | null = null, more: Partial<NoticeStatementFacts> = {}): NoticeStatementFacts {
  return { id: id(), kind, value, nonExhaustive: false, quote: `words about ${kind}`, section: "How we transfer", language: "en", ...more };
}

function notice(...statements: NoticeStatementFacts[]): NoticeFacts {
  return { id: id(), title: "Privacy Policy", versionLabel: "v1", effectiveDate: "2026-01-01", statements };
}

function transfer(overrides: Partial<NoticeTransferFacts> = {}): NoticeTransferFacts {
  return {
    id: id(),
    processorId: "p-1",
    processorName: "Acme Cloud",
    processorLegalName: null,
    processorService: "hosting",
    exporterName: "GNCC Inc.",
    exporterCountry: "US",
    originCountry: "US",
    destinationCountry: "US",
    accessType: "storage",
    encryptionInTransit: "tls1_3",
    encryptionAtRest: "provider_keys",
    categoryKeys: ["user.contact.email"],
    ...overrides,
  };
}

function agreement(overrides: Partial<AgreementFacts> = {}): AgreementFacts {
  return {
    id: id(),
    processorId: "p-1",
    type: "dpa",
    sccModule: null,
    signedDate: "2025-01-01",
    effectiveDate: null,
    expiryDate: null,
    permitsSubprocessing: false,
    flowDown: false,
    coversAllTransfers: true,
    transferIds: [],
    ...overrides,
  };
}

function register(overrides: Partial<NoticeRegister> = {}): NoticeRegister {
  return { today: TODAY, transfers: [], activities: [], agreements: [], parents: new Map(), ...overrides };
}

function run(ruleId: NoticeRuleId, n: NoticeFacts, r: NoticeRegister) {
  const rule = NOTICE_RULES.find((candidate) => candidate.id === ruleId)!;
  return rule.evaluate(n, r);
}

describe("notice rules", () => {
  it("every rule has a citation, and a title and remediation in both languages of the catalogue", () => {
    for (const rule of NOTICE_RULES) {
      expect(rule.citation, rule.id).not.toBe("");
      for (const kind of ["rule", "ruleRemediation"] as const) {
        expect(enumLabel(kind, rule.id, "en"), rule.id).not.toBe(rule.id);
        expect(enumLabel(kind, rule.id, "fr"), rule.id).not.toBe(enumLabel(kind, rule.id, "en"));
      }
    }
  });

  describe("notice.undisclosed-recipient-category", () => {
    const declared = notice(statement("recipient_category", "analytics", { quote: "User data analysis", section: "Our authorized partners" }));
    it("fires for a recipient whose service the notice does not name, quoting the notice", () => {
      const [found, ...rest] = run("notice.undisclosed-recipient-category", declared, register({ transfers: [transfer({ processorService: "customer_support" })] }));
      expect(rest).toEqual([]);
      expect(found).toMatchObject({ subjectType: "processor", subjectId: "p-1", severity: "medium" });
      expect(found!.message).toContain("“User data analysis” (section “Our authorized partners”)");
      expect(found!.messageFr).toContain("Service client");
      expect(found!.facts).toMatchObject({ noticeQuote: "“User data analysis”", noticeSection: "Our authorized partners", service: "customer_support" });
      expect(found!.remediation).not.toBe("");
    });
    it("does not fire for a declared category, nor for a recipient the notice names", () => {
      expect(run("notice.undisclosed-recipient-category", declared, register({ transfers: [transfer({ processorService: "analytics" })] }))).toEqual([]);
      const named = notice(statement("named_recipient", "acme cloud"));
      expect(run("notice.undisclosed-recipient-category", named, register({ transfers: [transfer()] }))).toEqual([]);
    });
  });

  describe("notice.undisclosed-data-category", () => {
    const declared = notice(statement("data_category", "user.contact"), statement("data_category", "user.device"));
    it("fires for a category outside every declared branch", () => {
      const [found] = run("notice.undisclosed-data-category", declared, register({ transfers: [transfer({ categoryKeys: ["user.contact.email", "user.biometric.face"] })] }));
      expect(found).toMatchObject({ subjectType: "transfer", facts: { undisclosedCategories: ["user.biometric.face"] } });
      expect(found!.messageFr).not.toContain("user.biometric.face");
      expect(found!.message).toContain("Facial recognition data");
    });
    it("does not fire when a declared parent covers every category", () => {
      expect(run("notice.undisclosed-data-category", declared, register({ transfers: [transfer({ categoryKeys: ["user.contact.email", "user.device.imei"] })] }))).toEqual([]);
    });
  });

  describe("notice.undisclosed-destination", () => {
    it("fires for a country the notice does not name; low when the list is “not limited to”", () => {
      const closed = notice(statement("country", "CN"));
      const open = notice(statement("country", "CN", { nonExhaustive: true }));
      const flow = transfer({ destinationCountry: "FR" });
      expect(run("notice.undisclosed-destination", closed, register({ transfers: [flow] }))[0]).toMatchObject({ severity: "medium", facts: { destination: "FR" } });
      const [lowered] = run("notice.undisclosed-destination", open, register({ transfers: [flow] }));
      expect(lowered).toMatchObject({ severity: "low", facts: { nonExhaustive: true } });
      expect(lowered!.message).toContain("France");
      expect(lowered!.messageFr).toContain("France");
    });
    it("does not fire for a declared country, the storage location, or a flow that stays in its country", () => {
      const n = notice(statement("country", "CN"), statement("storage_location", "US"));
      const r = register({ transfers: [transfer({ destinationCountry: "CN" }), transfer({ originCountry: "CN", destinationCountry: "US" }), transfer()] });
      expect(run("notice.undisclosed-destination", n, r)).toEqual([]);
    });
  });

  describe("notice.sale-against-promise and notice.sharing-against-promise", () => {
    const activity = (disclosureType: NoticeActivityFacts["disclosureType"]): NoticeActivityFacts => ({ id: id(), name: "Partner programme", disclosureType, status: "approved" });
    it("fire for a sale (or data brokerage) and a sharing against the promises", () => {
      const n = notice(statement("no_sale", null, { quote: "We do not sell personal information" }), statement("no_sharing"));
      const r = register({ activities: [activity("sale"), activity("data_brokerage"), activity("sharing")] });
      expect(run("notice.sale-against-promise", n, r).map((f) => f.severity)).toEqual(["high", "high"]);
      const [shared] = run("notice.sharing-against-promise", n, r);
      expect(shared).toMatchObject({ subjectType: "activity", processorId: null });
      expect(run("notice.sale-against-promise", n, r)[0]!.message).toContain("We do not sell personal information");
    });
    it("do not fire without the promise, nor for a business purpose", () => {
      expect(run("notice.sale-against-promise", notice(), register({ activities: [activity("sale")] }))).toEqual([]);
      expect(run("notice.sharing-against-promise", notice(statement("no_sharing")), register({ activities: [activity("business_purpose")] }))).toEqual([]);
    });
  });

  describe("notice.storage-outside-declared", () => {
    const n = notice(statement("storage_location", "US", { quote: "stored within the United States" }));
    it("fires for storage in another country", () => {
      const [found] = run("notice.storage-outside-declared", n, register({ transfers: [transfer({ destinationCountry: "CN" })] }));
      expect(found!.message).toContain("China");
      expect(found!.facts).toMatchObject({ declaredStorage: ["US"], destination: "CN" });
    });
    it("does not fire for remote access from abroad, nor for storage in the declared country", () => {
      expect(run("notice.storage-outside-declared", n, register({ transfers: [transfer({ destinationCountry: "CN", accessType: "remote_access" }), transfer()] }))).toEqual([]);
    });
  });

  describe("notice.transfer-unencrypted-against-promise", () => {
    const n = notice(statement("encryption_in_transit"), statement("encryption_at_rest"));
    it("fires for each missing encryption the notice promises, named in the facts", () => {
      const [found] = run("notice.transfer-unencrypted-against-promise", n, register({ transfers: [transfer({ encryptionInTransit: "none", encryptionAtRest: "none" })] }));
      expect(found!.facts).toMatchObject({ unencrypted: ["in_transit", "at_rest"] });
      expect(found!.messageFr).toContain("en transit et au repos");
      const [atRest] = run("notice.transfer-unencrypted-against-promise", notice(statement("encryption_at_rest")), register({ transfers: [transfer({ encryptionInTransit: "none", encryptionAtRest: "none" })] }));
      expect(atRest!.facts).toMatchObject({ unencrypted: ["at_rest"] });
    });
    it("does not fire for an encrypted flow, nor at rest for remote access", () => {
      expect(run("notice.transfer-unencrypted-against-promise", n, register({ transfers: [transfer(), transfer({ accessType: "remote_access", encryptionAtRest: "none" })] }))).toEqual([]);
    });
  });

  describe("notice.transfer-without-contract-against-promise", () => {
    const n = notice(statement("overseas_agreements", null, { quote: "signing an agreement with them" }));
    const abroad = transfer({ destinationCountry: "CN" });
    it("fires for a cross-border transfer that no active processing agreement covers (expired, confidentiality only)", () => {
      const r = register({ transfers: [abroad], agreements: [agreement({ expiryDate: "2026-01-01" }), agreement({ type: "confidentiality" })] });
      const [found] = run("notice.transfer-without-contract-against-promise", n, r);
      expect(found).toMatchObject({ subjectId: abroad.id, severity: "high" });
      expect(found!.message).toContain("“signing an agreement with them”");
    });
    it("does not fire when an agreement covers it (a parent's with flow-down too), nor for a domestic flow", () => {
      expect(run("notice.transfer-without-contract-against-promise", n, register({ transfers: [abroad], agreements: [agreement()] }))).toEqual([]);
      const sub = transfer({ processorId: "p-2", destinationCountry: "CN" });
      const parents = new Map([["p-2", "p-1"]]);
      expect(run("notice.transfer-without-contract-against-promise", n, register({ transfers: [sub], parents, agreements: [agreement({ permitsSubprocessing: true, flowDown: true })] }))).toEqual([]);
      expect(run("notice.transfer-without-contract-against-promise", n, register({ transfers: [sub], parents, agreements: [agreement()] }))).toHaveLength(1);
      expect(run("notice.transfer-without-contract-against-promise", n, register({ transfers: [transfer()] }))).toEqual([]);
    });
  });

  describe("notice.pipl-recipient-not-named", () => {
    const fromChina = transfer({ originCountry: "CN", exporterCountry: "CN", exporterName: "GNCC Shenzhen R&D", destinationCountry: "US", processorName: "CrashTrace" });
    it("fires for a CN-origin export to a recipient the notice does not name", () => {
      const [found] = run("notice.pipl-recipient-not-named", notice(statement("named_recipient", "Google Analytics")), register({ transfers: [fromChina] }));
      expect(found).toMatchObject({ subjectId: fromChina.id, facts: { namedRecipients: ["Google Analytics"] } });
      expect(found!.messageFr).toContain("Chine continentale");
    });
    it("does not fire for a named recipient, nor for a flow that does not leave the mainland or does not start there", () => {
      expect(run("notice.pipl-recipient-not-named", notice(statement("named_recipient", "crashtrace")), register({ transfers: [fromChina] }))).toEqual([]);
      expect(run("notice.pipl-recipient-not-named", notice(), register({ transfers: [transfer({ originCountry: "CN", exporterCountry: "CN", destinationCountry: "CN" }), transfer()] }))).toEqual([]);
    });
  });
});
