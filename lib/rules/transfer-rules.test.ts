import { describe, expect, it } from "vitest";
import { dojBrokerageProhibited } from "./doj-rules";
import { CATEGORIES, makeAgreement, makeProcessor, makeTransferContext } from "./test-factories";
import {
  art49Systematic,
  mechanismUndocumented,
  noContract,
  noEncryptionAtRest,
  noEncryptionInTransit,
  noMechanism,
  piplExport,
  retentionMissing,
  specialCategoryNoCondition,
  tiaMissing,
} from "./transfer-rules";

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
    expect(finding).toMatchObject({ severity: "high", facts: { requirement: "cac_assessment", sensitiveCount: 10_000 } });
    expect(finding?.message).toBe(
      "Export from mainland China to US of 10,000 people's sensitive personal information needs a CAC security assessment; the transfer uses the PIPL standard contract",
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
