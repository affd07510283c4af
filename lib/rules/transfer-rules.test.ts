import { describe, expect, it } from "vitest";
import { dojBrokerageProhibited } from "./doj-rules";
import { CATEGORIES, makeAgreement, makeCategory, makeProcessor, makeTransferContext } from "./test-factories";
import {
  art49Systematic,
  mechanismUndocumented,
  noContract,
  noEncryptionAtRest,
  noEncryptionInTransit,
  noMechanism,
  piplConsentOrPipiaMissing,
  piplExport,
  retentionMissing,
  sccModuleMismatch,
  specialCategoryNoCondition,
  tiaMissing,
} from "./transfer-rules";
import type { PiplExportTotals } from "./types";

describe("transfer.no-encryption-in-transit", () => {
  it("fires high for plain data sent without encryption", () => {
    const finding = noEncryptionInTransit.evaluate(makeTransferContext({ transfer: { encryptionInTransit: "none" } }));
    expect(finding).toMatchObject({ ruleId: "transfer.no-encryption-in-transit", severity: "high", subjectId: "tr-1" });
    expect(finding?.facts.sensitive).toBe(false);
  });

  it("is critical when the flow carries sensitive data", () => {
    const finding = noEncryptionInTransit.evaluate(
      makeTransferContext({ transfer: { encryptionInTransit: "none" }, categories: [CATEGORIES.face] }),
    );
    expect(finding?.severity).toBe("critical");
    expect(finding?.facts.sensitiveCategories).toEqual(["user.biometric.face"]);
  });

  it("does not fire with TLS", () => {
    expect(noEncryptionInTransit.evaluate(makeTransferContext({ transfer: { encryptionInTransit: "tls1_2" } }))).toBeNull();
  });

  it("treats a lone listed identifier as not sensitive, two linked identifiers as sensitive", () => {
    const lone = noEncryptionInTransit.evaluate(
      makeTransferContext({ transfer: { encryptionInTransit: "none" }, categories: [CATEGORIES.email] }),
    );
    const linked = noEncryptionInTransit.evaluate(
      makeTransferContext({ transfer: { encryptionInTransit: "none" }, categories: [CATEGORIES.email, CATEGORIES.imei] }),
    );
    expect(lone?.severity).toBe("high");
    expect(linked?.severity).toBe("critical");
  });
});

describe("sensitivity under 28 CFR 202.212(b)(2) in the encryption rules", () => {
  const ip = makeCategory({ key: "user.device.ip_address", ccpaCategory: "A", dojCategory: "covered_identifier", dojIdentifierKind: "network" });
  const cookie = makeCategory({ key: "user.device.cookie", ccpaCategory: "A", dojCategory: "covered_identifier", dojIdentifierKind: "network" });

  it("IP address and cookie linked only to each other for a hosting (network) service are not sensitive: high", () => {
    const finding = noEncryptionInTransit.evaluate(
      makeTransferContext({ transfer: { encryptionInTransit: "none" }, processor: { service: "hosting" }, categories: [ip, cookie] }),
    );
    expect(finding?.severity).toBe("high");
    expect(finding?.facts.sensitiveCategories).toEqual([]);
  });

  it("the same pair sent to an analytics provider is a covered personal identifier: critical", () => {
    const finding = noEncryptionInTransit.evaluate(
      makeTransferContext({ transfer: { encryptionInTransit: "none" }, processor: { service: "analytics" }, categories: [ip, cookie] }),
    );
    expect(finding?.severity).toBe("critical");
  });
});

describe("transfer.no-encryption-at-rest", () => {
  it("fires medium on a storage transfer without encryption, high when sensitive", () => {
    expect(noEncryptionAtRest.evaluate(makeTransferContext({ transfer: { encryptionAtRest: "none" } }))?.severity).toBe(
      "medium",
    );
    expect(
      noEncryptionAtRest.evaluate(
        makeTransferContext({ transfer: { encryptionAtRest: "none" }, categories: [CATEGORIES.health] }),
      )?.severity,
    ).toBe("high");
  });

  it("does not fire for remote access or encrypted storage", () => {
    expect(
      noEncryptionAtRest.evaluate(makeTransferContext({ transfer: { encryptionAtRest: "none", accessType: "remote_access" } })),
    ).toBeNull();
    expect(noEncryptionAtRest.evaluate(makeTransferContext({ transfer: { encryptionAtRest: "provider_keys" } }))).toBeNull();
  });
});

describe("transfer.no-contract", () => {
  it("fires when no agreement exists", () => {
    expect(noContract.evaluate(makeTransferContext({ agreements: [] }))).toMatchObject({ severity: "high" });
  });

  it("does not fire with an active DPA covering all transfers", () => {
    expect(noContract.evaluate(makeTransferContext())).toBeNull();
  });

  it("ignores confidentiality agreements and agreements that list other transfers", () => {
    const ctx = makeTransferContext({
      agreements: [
        makeAgreement({ id: "nda", type: "confidentiality" }),
        makeAgreement({ id: "dpa-other", coversAllTransfers: false, transferIds: ["tr-9"] }),
      ],
    });
    expect(noContract.evaluate(ctx)).not.toBeNull();
  });

  it("accepts an agreement listing the transfer", () => {
    const ctx = makeTransferContext({ agreements: [makeAgreement({ coversAllTransfers: false, transferIds: ["tr-1"] })] });
    expect(noContract.evaluate(ctx)).toBeNull();
  });

  it("fires for an unsigned, a future-effective or an expired agreement", () => {
    for (const agreement of [
      makeAgreement({ signedDate: null }),
      makeAgreement({ effectiveDate: "2026-12-01" }),
      makeAgreement({ expiryDate: "2026-11-14" }),
    ]) {
      const finding = noContract.evaluate(makeTransferContext({ agreements: [agreement] }));
      expect(finding?.facts.inactiveAgreementIds).toEqual(["agr-1"]);
    }
  });

  it("an agreement expiring today still covers the transfer today", () => {
    expect(noContract.evaluate(makeTransferContext({ agreements: [makeAgreement({ expiryDate: "2026-11-15" })] }))).toBeNull();
  });

  it("a parent's agreement covers a sub-processor only with flow-down", () => {
    const parent = makeProcessor({ id: "proc-parent", name: "Parent Co" });
    const base = {
      processor: { id: "proc-sub", parentProcessorId: "proc-parent" },
      transfer: { processorId: "proc-sub" },
      processorChain: [parent],
    };
    const withFlowDown = makeTransferContext({ ...base, agreements: [makeAgreement({ processorId: "proc-parent" })] });
    const without = makeTransferContext({
      ...base,
      agreements: [makeAgreement({ processorId: "proc-parent", flowDown: false })],
    });
    expect(noContract.evaluate(withFlowDown)).toBeNull();
    expect(noContract.evaluate(without)).not.toBeNull();
  });

  it("accepts a GBA standard contract on a CN -> HK flow only", () => {
    const gba = [makeAgreement({ type: "gba_standard_contract" })];
    expect(
      noContract.evaluate(makeTransferContext({ agreements: gba, transfer: { originCountry: "CN", destinationCountry: "HK" } })),
    ).toBeNull();
    expect(
      noContract.evaluate(makeTransferContext({ agreements: gba, transfer: { originCountry: "US", destinationCountry: "HK" } })),
    ).not.toBeNull();
  });
});

describe("transfer.no-contract by the recipient's role", () => {
  const caSubjects = { subjectRegions: ["US-CA"] } as const;
  const euSubjects = { subjectRegions: ["EU"] } as const;

  it("a processor, a sub-processor and an affiliate acting as one need an Art. 28(3) processing agreement", () => {
    for (const role of ["processor", "sub_processor", "affiliate"] as const) {
      const finding = noContract.evaluate(makeTransferContext({ processor: { role }, agreements: [] }));
      expect(finding?.facts.requiredInstrument, role).toBe("processing agreement");
      expect(finding?.remediation, role).toContain("Art. 28(3)");
    }
    expect(noContract.evaluate(makeTransferContext({ agreements: [] }))?.message).toBe(
      "No active processing agreement covers the transfer to Acme Cloud (US), a processor",
    );
    expect(noContract.evaluate(makeTransferContext({ processor: { role: "affiliate" } }))).toBeNull();
  });

  it("an independent controller needs a contract only for California consumers' data (1798.100(d))", () => {
    const controller = { role: "controller" } as const;
    expect(noContract.evaluate(makeTransferContext({ processor: controller, transfer: euSubjects, agreements: [] }))).toBeNull();
    const finding = noContract.evaluate(makeTransferContext({ processor: controller, transfer: caSubjects, agreements: [] }));
    expect(finding?.message).toBe(
      "No active contract for California consumers' personal information covers the transfer to Acme Cloud (US), an independent controller",
    );
    expect(finding?.remediation).toContain("1798.100(d)");
    expect(finding?.remediation).not.toContain("Art. 28(3)");
    expect(noContract.evaluate(makeTransferContext({ processor: controller, transfer: caSubjects }))).toBeNull();
  });

  it("a joint controller needs an active joint-controller arrangement (Art. 26), which a DPA does not replace", () => {
    const joint = { role: "joint_controller" } as const;
    const withDpa = noContract.evaluate(makeTransferContext({ processor: joint }));
    expect(withDpa?.message).toBe(
      "No active joint-controller arrangement covers the transfer to Acme Cloud (US), a joint controller",
    );
    expect(withDpa?.remediation).toContain("Art. 26");
    const arrangement = makeAgreement({ type: "joint_controller_arrangement" });
    expect(noContract.evaluate(makeTransferContext({ processor: joint, agreements: [arrangement] }))).toBeNull();
    const expired = makeAgreement({ type: "joint_controller_arrangement", expiryDate: "2026-11-14" });
    expect(noContract.evaluate(makeTransferContext({ processor: joint, agreements: [expired] }))?.message).toContain(
      "not in force: the Joint-controller arrangement (expired 2026-11-14)",
    );
  });

  it("a joint-controller arrangement is not a processing agreement for a processor", () => {
    const arrangement = makeAgreement({ type: "joint_controller_arrangement" });
    expect(noContract.evaluate(makeTransferContext({ agreements: [arrangement] }))).not.toBeNull();
  });
});

describe("transfer.no-mechanism", () => {
  const toChina = { destinationCountry: "CN", mechanism: "none" } as const;

  it("fires critical for EU subjects' data to CN with no mechanism", () => {
    const finding = noMechanism.evaluate(makeTransferContext({ transfer: toChina }));
    expect(finding).toMatchObject({ severity: "critical" });
    expect(finding?.message).toBe("EU subjects' data to CN has no transfer mechanism and the destination is not adequate");
    expect(finding?.facts.notAdequateFor).toEqual(["EU"]);
  });

  it("fires for UK subjects to HK", () => {
    const ctx = makeTransferContext({ transfer: { ...toChina, destinationCountry: "HK", subjectRegions: ["UK"] } });
    expect(noMechanism.evaluate(ctx)?.facts.notAdequateFor).toEqual(["UK"]);
  });

  it("does not fire without EU/UK subjects, within the EEA, to an adequate country, or with SCCs", () => {
    expect(noMechanism.evaluate(makeTransferContext({ transfer: { ...toChina, subjectRegions: ["US-CA", "CN"] } }))).toBeNull();
    expect(noMechanism.evaluate(makeTransferContext({ transfer: { ...toChina, destinationCountry: "DE" } }))).toBeNull();
    expect(noMechanism.evaluate(makeTransferContext({ transfer: { ...toChina, destinationCountry: "JP" } }))).toBeNull();
    expect(noMechanism.evaluate(makeTransferContext({ transfer: { ...toChina, mechanism: "scc" } }))).toBeNull();
  });

  it("treats the US as adequate only with a valid DPF certification", () => {
    const usNone = { destinationCountry: "US", mechanism: "none" } as const;
    expect(noMechanism.evaluate(makeTransferContext({ transfer: usNone }))).toBeNull();
    expect(
      noMechanism.evaluate(makeTransferContext({ transfer: usNone, processor: { dpfCertified: false, dpfExpiry: null } })),
    ).not.toBeNull();
  });

  it("fires when the DPF is relied on but lapsed (yesterday), not when it expires today", () => {
    const lapsed = noMechanism.evaluate(makeTransferContext({ processor: { dpfExpiry: "2026-11-14" } }));
    expect(lapsed?.message).toContain("relies on the DPF but Acme Cloud's certification is not valid");
    expect(noMechanism.evaluate(makeTransferContext({ processor: { dpfExpiry: "2026-11-15" } }))).toBeNull();
  });

  it("fires when 'adequacy' is claimed for a country without it, or a PRC tool is used for EU data", () => {
    expect(noMechanism.evaluate(makeTransferContext({ transfer: { ...toChina, mechanism: "adequacy" } }))?.message).toContain(
      "relies on adequacy but CN is not adequate",
    );
    expect(
      noMechanism.evaluate(makeTransferContext({ transfer: { ...toChina, mechanism: "pipl_standard_contract" } }))?.message,
    ).toContain("not a GDPR Chapter V tool");
  });

  it("UK subjects' data to a US importer needs the DPF's UK Extension; EU subjects' data the DPF alone", () => {
    const noExtension = { processor: { dpfUkExtension: false } } as const;
    const uk = noMechanism.evaluate(makeTransferContext({ ...noExtension, transfer: { subjectRegions: ["UK"] } }));
    expect(uk?.message).toBe(
      "UK subjects' data to US relies on the DPF but Acme Cloud's certification does not include the UK Extension",
    );
    expect(uk?.facts).toMatchObject({ notAdequateFor: ["UK"], processorDpfValid: true, processorDpfUkExtension: false });
    expect(noMechanism.evaluate(makeTransferContext({ ...noExtension, transfer: { subjectRegions: ["EU"] } }))).toBeNull();
    expect(noMechanism.evaluate(makeTransferContext({ transfer: { subjectRegions: ["UK"] } }))).toBeNull();
  });

  it("the GBA standard contract is not a GDPR Chapter V tool", () => {
    const ctx = makeTransferContext({ transfer: { destinationCountry: "HK", mechanism: "gba_standard_contract" } });
    expect(noMechanism.evaluate(ctx)?.message).toContain("relies on the GBA standard contract, which is not a GDPR Chapter V tool");
  });

  it("UK subjects to Gibraltar need no mechanism, EU subjects do", () => {
    const gi = { destinationCountry: "GI", mechanism: "none" } as const;
    expect(noMechanism.evaluate(makeTransferContext({ transfer: { ...gi, subjectRegions: ["UK"] } }))).toBeNull();
    expect(noMechanism.evaluate(makeTransferContext({ transfer: { ...gi, subjectRegions: ["EU"] } }))).not.toBeNull();
  });
});

describe("transfer.mechanism-undocumented", () => {
  it("fires when SCCs are the mechanism but only a DPA is on file", () => {
    const finding = mechanismUndocumented.evaluate(
      makeTransferContext({ transfer: { mechanism: "scc", destinationCountry: "CN" } }),
    );
    expect(finding).toMatchObject({ severity: "high" });
    expect(finding?.message).toBe(
      "Transfer to Acme Cloud (CN) relies on SCCs but no active SCC agreement covers it",
    );
  });

  it("does not fire with an active SCC agreement", () => {
    const ctx = makeTransferContext({
      transfer: { mechanism: "scc", destinationCountry: "CN" },
      agreements: [makeAgreement({ type: "scc", sccModule: "module_2" })],
    });
    expect(mechanismUndocumented.evaluate(ctx)).toBeNull();
  });

  it("fires when the matching agreement has expired", () => {
    const ctx = makeTransferContext({
      transfer: { mechanism: "hk_model_clauses", destinationCountry: "HK" },
      agreements: [makeAgreement({ type: "hk_model_clauses", expiryDate: "2026-01-01" })],
    });
    expect(mechanismUndocumented.evaluate(ctx)?.facts.inactiveAgreementIds).toEqual(["agr-1"]);
  });

  it("does not apply to other mechanisms", () => {
    expect(mechanismUndocumented.evaluate(makeTransferContext({ transfer: { mechanism: "bcr" } }))).toBeNull();
  });

  it("accepts the GBA standard contract for a CN -> HK PIPL standard-contract flow", () => {
    const ctx = makeTransferContext({
      transfer: { mechanism: "pipl_standard_contract", originCountry: "CN", destinationCountry: "HK" },
      agreements: [makeAgreement({ type: "gba_standard_contract" })],
    });
    expect(mechanismUndocumented.evaluate(ctx)).toBeNull();
  });
});

describe("transfer.mechanism-undocumented for the GBA standard contract", () => {
  const gbaFlow = { mechanism: "gba_standard_contract", originCountry: "CN", destinationCountry: "HK" } as const;

  it("fires when the GBA standard contract is the mechanism but none is signed", () => {
    expect(mechanismUndocumented.evaluate(makeTransferContext({ transfer: gbaFlow }))?.message).toBe(
      "Transfer to Acme Cloud (HK) relies on the GBA standard contract but no active GBA standard contract covers it",
    );
  });

  it("does not fire with a signed GBA standard contract", () => {
    const ctx = makeTransferContext({ transfer: gbaFlow, agreements: [makeAgreement({ type: "gba_standard_contract" })] });
    expect(mechanismUndocumented.evaluate(ctx)).toBeNull();
  });
});

describe("transfer.tia-missing", () => {
  const scc = { mechanism: "scc", destinationCountry: "IN" } as const;

  it("fires medium for SCCs to a non-adequate country without a TIA", () => {
    const finding = tiaMissing.evaluate(makeTransferContext({ transfer: { ...scc, tiaDate: null } }));
    expect(finding).toMatchObject({ severity: "medium" });
    expect(finding?.facts.tiaPresent).toBe(false);
  });

  it("is high to a country of concern", () => {
    expect(
      tiaMissing.evaluate(makeTransferContext({ transfer: { ...scc, destinationCountry: "CN", tiaDate: null } }))?.severity,
    ).toBe("high");
  });

  it("fires for a TIA older than 12 months, not for one exactly 12 months old", () => {
    expect(tiaMissing.evaluate(makeTransferContext({ transfer: { ...scc, tiaDate: "2025-11-14" } }))).not.toBeNull();
    expect(tiaMissing.evaluate(makeTransferContext({ transfer: { ...scc, tiaDate: "2025-11-15" } }))).toBeNull();
  });

  it("does not fire to an adequate country or for a mechanism that is not an Art. 46 tool", () => {
    expect(tiaMissing.evaluate(makeTransferContext({ transfer: { ...scc, destinationCountry: "CH", tiaDate: null } }))).toBeNull();
    expect(tiaMissing.evaluate(makeTransferContext({ transfer: { ...scc, mechanism: "art49_consent", tiaDate: null } }))).toBeNull();
  });

  it("does not fire for SCCs to a DPF-certified US recipient (adequate)", () => {
    expect(tiaMissing.evaluate(makeTransferContext({ transfer: { mechanism: "scc", tiaDate: null } }))).toBeNull();
  });
});

describe("transfer.art49-systematic", () => {
  it("fires for an Art. 49 derogation on a periodic flow", () => {
    const finding = art49Systematic.evaluate(
      makeTransferContext({ transfer: { mechanism: "art49_consent", frequency: "periodic", destinationCountry: "CN" } }),
    );
    expect(finding).toMatchObject({ severity: "medium", facts: { mechanism: "art49_consent", frequency: "periodic" } });
  });

  it("does not fire for a one-off transfer", () => {
    expect(
      art49Systematic.evaluate(makeTransferContext({ transfer: { mechanism: "art49_contract", frequency: "one_off" } })),
    ).toBeNull();
  });
});

describe("transfer.doj-brokerage-prohibited", () => {
  it("fires when the activity sells data to a covered person", () => {
    const finding = dojBrokerageProhibited.evaluate(
      makeTransferContext({ activity: { disclosureType: "sale" }, processor: { coveredPerson: true } }),
    );
    expect(finding).toMatchObject({ severity: "critical", facts: { recipientReasons: ["covered person"] } });
  });

  it("fires for data brokerage to a recipient in Russia", () => {
    const ctx = makeTransferContext({ activity: { disclosureType: "data_brokerage" }, processor: { country: "RU" } });
    expect(dojBrokerageProhibited.evaluate(ctx)).not.toBeNull();
  });

  it("does not fire for a business-purpose disclosure or a recipient outside the countries of concern", () => {
    expect(dojBrokerageProhibited.evaluate(makeTransferContext({ processor: { coveredPerson: true } }))).toBeNull();
    expect(dojBrokerageProhibited.evaluate(makeTransferContext({ activity: { disclosureType: "sale" } }))).toBeNull();
  });
});

describe("transfer.pipl-export", () => {
  const fromChina = { originCountry: "CN", destinationCountry: "US" } as const;

  it("fires when 10,000 people's sensitive data leaves the mainland without a CAC assessment", () => {
    const finding = piplExport.evaluate(
      makeTransferContext({
        transfer: { ...fromChina, estimatedSubjects: 10_000, mechanism: "pipl_standard_contract" },
        categories: [CATEGORIES.face],
      }),
    );
    expect(finding).toMatchObject({ severity: "high", facts: { requirement: "cac_assessment", exporterSensitiveTier: "10000_or_more" } });
    expect(finding?.message).toBe(
      "Export from mainland China to US needs a CAC security assessment: GNCC Inc. has sent abroad sensitive personal information of 10,000 people or more since 2026-01-01, over all its recipients; the transfer uses the PIPL standard contract",
    );
  });

  it("does not fire below 10,000 sensitive with a standard contract", () => {
    const ctx = makeTransferContext({
      transfer: { ...fromChina, estimatedSubjects: 9_999, mechanism: "pipl_standard_contract" },
      categories: [CATEGORIES.face],
    });
    expect(piplExport.evaluate(ctx)).toBeNull();
  });

  it("requires a contract or certification from 100,000 non-sensitive; exempt below", () => {
    const at = makeTransferContext({ transfer: { ...fromChina, estimatedSubjects: 100_000, mechanism: "none" } });
    const below = makeTransferContext({ transfer: { ...fromChina, estimatedSubjects: 99_999, mechanism: "none" } });
    expect(piplExport.evaluate(at)?.facts.requirement).toBe("standard_contract_or_certification");
    expect(piplExport.evaluate(below)).toBeNull();
  });

  it("a CAC assessment satisfies the contract tier", () => {
    const ctx = makeTransferContext({ transfer: { ...fromChina, estimatedSubjects: 200_000, mechanism: "cac_assessment" } });
    expect(piplExport.evaluate(ctx)).toBeNull();
  });

  it("origin HK does not trigger PIPL, origin CN does", () => {
    const transfer = { destinationCountry: "US", estimatedSubjects: 2_000_000, mechanism: "none" } as const;
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...transfer, originCountry: "HK" } }))).toBeNull();
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...transfer, originCountry: "CN" } }))).not.toBeNull();
  });

  it("CN -> HK is an export; CN -> CN is not", () => {
    const transfer = { originCountry: "CN", estimatedSubjects: 2_000_000, mechanism: "none" } as const;
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...transfer, destinationCountry: "HK" } }))).not.toBeNull();
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...transfer, destinationCountry: "CN" } }))).toBeNull();
  });

  it("foreign data processed in China and sent back is exempt", () => {
    const ctx = makeTransferContext({
      transfer: { ...fromChina, estimatedSubjects: 2_000_000, mechanism: "none", reExportOfForeignData: true },
    });
    expect(piplExport.evaluate(ctx)).toBeNull();
  });
});

describe("transfer.pipl-export: cumulative counts, CIIO, important data, exemptions", () => {
  const fromChina = { originCountry: "CN", destinationCountry: "US" } as const;
  const shenzhen = { id: "ent-sz", name: "GNCC Shenzhen" } as const;
  const totals = (overrides: Partial<PiplExportTotals>): PiplExportTotals => ({
    since: "2026-01-01",
    sensitiveCount: 0,
    nonSensitiveCount: 0,
    transferCount: 2,
    recipientCount: 2,
    ...overrides,
  });

  it("applies the exporter's count over every recipient: 1 person here, 10,000 in all -> CAC assessment", () => {
    const finding = piplExport.evaluate(
      makeTransferContext({
        transfer: { ...fromChina, exporterEntityId: "ent-sz", estimatedSubjects: 1, mechanism: "pipl_standard_contract" },
        exporter: shenzhen,
        categories: [CATEGORIES.face],
        piplAggregate: totals({ sensitiveCount: 10_000 }),
      }),
    );
    expect(finding?.facts).toMatchObject({ requirement: "cac_assessment", exporterSensitiveTier: "10000_or_more", transferSubjects: 1 });
    expect(finding?.message).toBe(
      "Export from mainland China to US needs a CAC security assessment: GNCC Shenzhen has sent abroad sensitive personal information of 10,000 people or more since 2026-01-01, over all its recipients; the transfer uses the PIPL standard contract",
    );
  });

  it("9,999 in all stays in the standard-contract tier", () => {
    const ctx = makeTransferContext({
      transfer: { ...fromChina, estimatedSubjects: 1, mechanism: "pipl_standard_contract" },
      categories: [CATEGORIES.face],
      piplAggregate: totals({ sensitiveCount: 9_999 }),
    });
    expect(piplExport.evaluate(ctx)).toBeNull();
  });

  it("counts sensitive and non-sensitive apart: a non-sensitive flow is not pulled up by the sensitive count", () => {
    const nonSensitive = makeTransferContext({
      transfer: { ...fromChina, estimatedSubjects: 50_000, mechanism: "none" },
      categories: [CATEGORIES.usage],
      piplAggregate: totals({ sensitiveCount: 20_000, nonSensitiveCount: 99_999 }),
    });
    expect(piplExport.evaluate(nonSensitive)).toBeNull();
    const atContractTier = makeTransferContext({
      transfer: { ...fromChina, estimatedSubjects: 50_000, mechanism: "none" },
      categories: [CATEGORIES.usage],
      piplAggregate: totals({ sensitiveCount: 20_000, nonSensitiveCount: 100_000 }),
    });
    expect(piplExport.evaluate(atContractTier)?.facts).toMatchObject({
      requirement: "standard_contract_or_certification",
      exporterSensitiveTier: "not_carried",
      exporterNonSensitiveTier: "100000_to_999999",
    });
    expect(piplExport.evaluate(atContractTier)?.message).toContain("has sent abroad personal information of 100,000 to 999,999 people since");
  });

  it("a CIIO exporter needs a CAC assessment at any volume; another exporter of 10 people does not", () => {
    const small = { ...fromChina, estimatedSubjects: 10, mechanism: "pipl_standard_contract" } as const;
    const ciio = piplExport.evaluate(makeTransferContext({ transfer: small, exporter: { ...shenzhen, ciio: true } }));
    expect(ciio?.facts).toMatchObject({ requirement: "cac_assessment", exporterCiio: true });
    expect(ciio?.message).toBe(
      "Export from mainland China to US needs a CAC security assessment: GNCC Shenzhen is a critical information infrastructure operator; the transfer uses the PIPL standard contract",
    );
    expect(piplExport.evaluate(makeTransferContext({ transfer: small, exporter: shenzhen }))).toBeNull();
    expect(
      piplExport.evaluate(makeTransferContext({ transfer: { ...small, mechanism: "cac_assessment" }, exporter: { ...shenzhen, ciio: true } })),
    ).toBeNull();
  });

  it("important data needs a CAC assessment at any volume, even under an Art. 5 exemption or as a re-export", () => {
    const small = { ...fromChina, estimatedSubjects: 10, mechanism: "none", importantData: true } as const;
    expect(piplExport.evaluate(makeTransferContext({ transfer: small }))?.message).toContain("it contains important data");
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...small, piplExemption: "cross_border_hr" } }))).not.toBeNull();
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...small, reExportOfForeignData: true } }))).not.toBeNull();
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...small, importantData: false } }))).toBeNull();
  });

  it("an Art. 5 exemption lifts the route, for a CIIO too (Art. 7, last sentence)", () => {
    const big = { ...fromChina, estimatedSubjects: 2_000_000, mechanism: "none" } as const;
    expect(piplExport.evaluate(makeTransferContext({ transfer: big }))).not.toBeNull();
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...big, piplExemption: "contract_with_individual" } }))).toBeNull();
    expect(
      piplExport.evaluate(makeTransferContext({ transfer: { ...big, piplExemption: "emergency" }, exporter: { ciio: true } })),
    ).toBeNull();
  });
});

describe("transfer.pipl-export: the GBA standard contract", () => {
  const toHongKong = { originCountry: "CN", destinationCountry: "HK", mechanism: "gba_standard_contract" } as const;

  it("is accepted for a mainland -> Hong Kong flow in the standard-contract tier", () => {
    const ctx = makeTransferContext({ transfer: { ...toHongKong, estimatedSubjects: 9_999 }, categories: [CATEGORIES.face] });
    expect(piplExport.evaluate(ctx)).toBeNull();
  });

  it("does not replace a CAC assessment (10,000 sensitive, a CIIO, important data)", () => {
    const cacVolume = piplExport.evaluate(
      makeTransferContext({ transfer: { ...toHongKong, estimatedSubjects: 10_000 }, categories: [CATEGORIES.face] }),
    );
    expect(cacVolume?.message).toContain("(the GBA standard contract does not replace a CAC security assessment)");
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...toHongKong, estimatedSubjects: 500 }, exporter: { ciio: true } }))).not.toBeNull();
    expect(piplExport.evaluate(makeTransferContext({ transfer: { ...toHongKong, estimatedSubjects: 500, importantData: true } }))).not.toBeNull();
  });

  it("covers only Greater Bay Area flows: not mainland -> US", () => {
    const finding = piplExport.evaluate(
      makeTransferContext({ transfer: { ...toHongKong, destinationCountry: "US", estimatedSubjects: 5_000 }, categories: [CATEGORIES.face] }),
    );
    expect(finding?.message).toContain("covers only flows between the nine Guangdong cities and Hong Kong");
    expect(finding?.facts.acceptedMechanisms).toEqual(["pipl_standard_contract", "pipl_certification", "cac_assessment"]);
  });
});

describe("transfer.pipl-consent-or-pipia-missing", () => {
  const export_ = { originCountry: "CN", destinationCountry: "US", piplSeparateConsent: true, pipiaDate: "2026-03-01" } as const;

  it("fires medium without separate consent and without a PIPIA, naming both", () => {
    const finding = piplConsentOrPipiaMissing.evaluate(
      makeTransferContext({ transfer: { ...export_, piplSeparateConsent: false, pipiaDate: null } }),
    );
    expect(finding).toMatchObject({ ruleId: "transfer.pipl-consent-or-pipia-missing", severity: "medium" });
    expect(finding?.message).toBe(
      "Export from mainland China to Acme Cloud (US): no separate consent of the individuals is recorded and no personal-information protection impact assessment is recorded",
    );
  });

  it("does not fire with consent and a PIPIA exactly three years old; fires one day older", () => {
    expect(piplConsentOrPipiaMissing.evaluate(makeTransferContext({ transfer: { ...export_, pipiaDate: "2023-11-15" } }))).toBeNull();
    const stale = piplConsentOrPipiaMissing.evaluate(makeTransferContext({ transfer: { ...export_, pipiaDate: "2023-11-14" } }));
    expect(stale?.message).toContain("its personal-information protection impact assessment of 2023-11-14 is older than three years");
    expect(stale?.facts.oldestAcceptedPipiaDate).toBe("2023-11-15");
  });

  it("fires without consent alone", () => {
    expect(piplConsentOrPipiaMissing.evaluate(makeTransferContext({ transfer: { ...export_, piplSeparateConsent: false } }))?.facts).toMatchObject({
      consentRequired: true,
      piplSeparateConsent: false,
    });
  });

  it("under an Art. 5 exemption needs the PIPIA but no separate consent (PIPL Art. 13, second paragraph)", () => {
    const hr = { ...export_, piplExemption: "cross_border_hr", piplSeparateConsent: false } as const;
    expect(piplConsentOrPipiaMissing.evaluate(makeTransferContext({ transfer: hr }))).toBeNull();
    const noPipia = piplConsentOrPipiaMissing.evaluate(makeTransferContext({ transfer: { ...hr, pipiaDate: null } }));
    expect(noPipia?.message).toBe(
      "Export from mainland China to Acme Cloud (US) (exempt from the export route as cross-border HR management (Art. 5(2)), but not from the PIPIA): no personal-information protection impact assessment is recorded",
    );
    expect(noPipia?.facts).toMatchObject({ consentRequired: false, piplExemption: "cross_border_hr" });
  });

  it("does not fire for a re-export, a mainland-internal flow, data held in Hong Kong, or the US defaults", () => {
    const missing = { piplSeparateConsent: false, pipiaDate: null } as const;
    expect(piplConsentOrPipiaMissing.evaluate(makeTransferContext({ transfer: { ...export_, ...missing, reExportOfForeignData: true } }))).toBeNull();
    expect(piplConsentOrPipiaMissing.evaluate(makeTransferContext({ transfer: { ...export_, ...missing, destinationCountry: "CN" } }))).toBeNull();
    expect(piplConsentOrPipiaMissing.evaluate(makeTransferContext({ transfer: { ...export_, ...missing, originCountry: "HK" } }))).toBeNull();
    expect(piplConsentOrPipiaMissing.evaluate(makeTransferContext())).toBeNull();
  });
});

describe("transfer.scc-module-mismatch", () => {
  const viaScc = { mechanism: "scc", destinationCountry: "IN" } as const;
  const scc = (sccModule: "module_1" | "module_2" | "module_3" | "module_4" | null) => [makeAgreement({ type: "scc", sccModule })];

  it("fires when a controller's SCCs with its processor use Module 1, and names the module needed", () => {
    const finding = sccModuleMismatch.evaluate(makeTransferContext({ transfer: viaScc, agreements: scc("module_1") }));
    expect(finding).toMatchObject({ severity: "medium", facts: { expectedModule: "module_2", recordedModules: ["module_1"] } });
    expect(finding?.message).toBe(
      "The transfer from GNCC Inc. (controller) to Acme Cloud, a processor needs Module 2 (controller to processor); the SCC agreement uses Module 1 (controller to controller)",
    );
  });

  it.each([
    ["controller", "processor", ["module_2"]],
    ["controller", "affiliate", ["module_2"]],
    ["controller", "controller", ["module_1"]],
    ["controller", "joint_controller", ["module_1"]],
    ["processor", "processor", ["module_3"]],
    ["processor", "sub_processor", ["module_3"]],
    ["processor", "controller", ["module_4"]],
    // Signed by the controller with the sub-processor (2), or by the processor that engaged it (3).
    ["controller", "sub_processor", ["module_2", "module_3"]],
  ] as const)("%s -> %s fits %j, and no other module", (exporterRole, recipientRole, modules) => {
    const base = { transfer: viaScc, exporter: { role: exporterRole }, processor: { role: recipientRole } } as const;
    for (const module of ["module_1", "module_2", "module_3", "module_4"] as const) {
      const finding = sccModuleMismatch.evaluate(makeTransferContext({ ...base, agreements: scc(module) }));
      if ((modules as readonly string[]).includes(module)) expect(finding, module).toBeNull();
      else expect(finding, module).not.toBeNull();
    }
  });

  it("names both fitting modules for a sub-processor", () => {
    const finding = sccModuleMismatch.evaluate(
      makeTransferContext({ transfer: viaScc, processor: { role: "sub_processor" }, agreements: scc("module_4") }),
    );
    expect(finding?.message).toBe(
      "The transfer from GNCC Inc. (controller) to Acme Cloud, a sub-processor needs Module 2 (controller to processor) or Module 3 (processor to processor); the SCC agreement uses Module 4 (processor to controller)",
    );
  });

  it("says so when no module is recorded", () => {
    expect(sccModuleMismatch.evaluate(makeTransferContext({ transfer: viaScc, agreements: scc(null) }))?.message).toContain(
      "no module is recorded on the SCC agreement",
    );
  });

  it("does not fire when the transfer does not rely on SCCs, or no SCC agreement is in force", () => {
    expect(sccModuleMismatch.evaluate(makeTransferContext({ transfer: { ...viaScc, mechanism: "bcr" }, agreements: scc("module_1") }))).toBeNull();
    const expired = [makeAgreement({ type: "scc", sccModule: "module_1", expiryDate: "2026-11-14" })];
    expect(sccModuleMismatch.evaluate(makeTransferContext({ transfer: viaScc, agreements: expired }))).toBeNull();
  });
});

describe("transfer.special-category-no-condition", () => {
  it("fires for EU subjects' biometric data without an Art. 9 condition", () => {
    const finding = specialCategoryNoCondition.evaluate(makeTransferContext({ categories: [CATEGORIES.face] }));
    expect(finding).toMatchObject({ severity: "high", facts: { specialCategories: ["user.biometric.face"] } });
  });

  it("does not fire with a condition, without special categories, or outside GDPR reach", () => {
    expect(
      specialCategoryNoCondition.evaluate(
        makeTransferContext({ categories: [CATEGORIES.face], activity: { art9Condition: "explicit_consent" } }),
      ),
    ).toBeNull();
    expect(specialCategoryNoCondition.evaluate(makeTransferContext())).toBeNull();
    expect(
      specialCategoryNoCondition.evaluate(
        makeTransferContext({ categories: [CATEGORIES.face], transfer: { subjectRegions: ["US-CA"] } }),
      ),
    ).toBeNull();
  });
});

describe("transfer.retention-missing", () => {
  it("fires low when the activity has no (or a blank) retention period", () => {
    expect(retentionMissing.evaluate(makeTransferContext({ activity: { retentionPeriod: null } }))?.severity).toBe("low");
    expect(retentionMissing.evaluate(makeTransferContext({ activity: { retentionPeriod: "  " } }))).not.toBeNull();
  });

  it("does not fire when a retention period is set", () => {
    expect(retentionMissing.evaluate(makeTransferContext())).toBeNull();
  });
});
