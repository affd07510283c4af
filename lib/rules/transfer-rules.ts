import type { AgreementType, TransferMechanism } from "@/db/schema/enums";
import { adequacyFor, type AdequacyRegion } from "@/lib/jurisdictions/adequacy";
import { isCountryOfConcern, isMainlandChina } from "@/lib/jurisdictions/countries-of-concern";
import { PIPL_ACCEPTED_MECHANISMS, requiredPiplMechanism } from "@/lib/jurisdictions/pipl";
import { defineTransferRule } from "./define-rule";
import { dojBrokerageProhibited, dojBulkRestricted, dojGovernmentRelated } from "./doj-rules";
import { formatCount, formatList, uniqueSorted } from "./format";
import { addMonths, isBefore } from "./iso-date";
import { AGREEMENT_TYPE_LABELS, MECHANISM_LABELS } from "./labels";
import {
  activeCoveringAgreements,
  agreementCoversTransfer,
  gdprRegions,
  isAgreementActive,
  isDpfValid,
  isGbaFlow,
  isProcessingAgreementFor,
  recipientOfConcern,
} from "./predicates";
import { sensitiveCategoryKeys } from "./sensitivity";
import type { FactValue, TransferContext, TransferRule } from "./types";

/*
 * Transfer rules (DOMAIN.md §4). Each is a pure function of one TransferContext. evaluateTransfer only
 * runs them on active transfers (see isTransferActive), so they do not re-check the status.
 */

function recipientLabel(ctx: TransferContext): string {
  return `${ctx.processor.name} (${ctx.transfer.destinationCountry})`;
}

export const noEncryptionInTransit = defineTransferRule(
  {
    id: "transfer.no-encryption-in-transit",
    title: "No encryption in transit",
    severities: ["high", "critical"],
    citation: "GDPR Art. 32(1)(a); CISA Security Requirements for Restricted Transactions, data-level requirements (28 CFR 202.248)",
    remediation: "Require TLS 1.2 or later (TLS 1.3 or end-to-end encryption preferred) on this flow and record it.",
  },
  (ctx) => {
    if (ctx.transfer.encryptionInTransit !== "none") return null;
    const sensitive = sensitiveCategoryKeys(ctx.categories);
    return {
      // DOMAIN.md §4: critical when the flow carries sensitive data.
      severity: sensitive.length > 0 ? "critical" : "high",
      message:
        `Data sent to ${recipientLabel(ctx)} without encryption in transit` +
        (sensitive.length > 0 ? `, including sensitive categories ${formatList(sensitive)}` : ""),
      facts: {
        encryptionInTransit: ctx.transfer.encryptionInTransit,
        sensitive: sensitive.length > 0,
        sensitiveCategories: sensitive,
        destinationCountry: ctx.transfer.destinationCountry,
      },
    };
  },
);

export const noEncryptionAtRest = defineTransferRule(
  {
    id: "transfer.no-encryption-at-rest",
    title: "No encryption at rest",
    severities: ["medium", "high"],
    citation: "GDPR Art. 32(1)(a)",
    remediation: "Have the recipient encrypt the stored data (customer-managed keys preferred) and record it.",
  },
  (ctx) => {
    // Remote access leaves the data where it is stored at home: at-rest encryption is the origin's matter.
    if (ctx.transfer.accessType !== "storage" || ctx.transfer.encryptionAtRest !== "none") return null;
    const sensitive = sensitiveCategoryKeys(ctx.categories);
    return {
      severity: sensitive.length > 0 ? "high" : "medium",
      message:
        `Data stored by ${recipientLabel(ctx)} without encryption at rest` +
        (sensitive.length > 0 ? `, including sensitive categories ${formatList(sensitive)}` : ""),
      facts: {
        accessType: ctx.transfer.accessType,
        encryptionAtRest: ctx.transfer.encryptionAtRest,
        sensitive: sensitive.length > 0,
        sensitiveCategories: sensitive,
      },
    };
  },
);

export const noContract = defineTransferRule(
  {
    id: "transfer.no-contract",
    title: "No processing agreement",
    severities: ["high"],
    citation: "GDPR Art. 28(3); Cal. Civ. Code 1798.100(d); 11 CCR 7051",
    remediation:
      "Sign a processing agreement (DPA, SCCs, PIPL standard contract, HK model clauses, CCPA service-provider terms or BCRs) covering this transfer, or renew the expired one.",
  },
  (ctx) => {
    const covering = ctx.agreements.filter(
      (a) => agreementCoversTransfer(a, ctx.transfer, ctx.processorChain) && isProcessingAgreementFor(a, ctx.transfer),
    );
    if (covering.some((a) => isAgreementActive(a, ctx.today))) return null;
    // Name agreements as a DPO knows them (type and dates), never by their database id.
    const inactive = covering.map((a) => {
      const label = AGREEMENT_TYPE_LABELS[a.type];
      if (a.signedDate === null) return `the ${label} (not signed)`;
      if (a.expiryDate !== null && a.expiryDate < ctx.today) return `the ${label} (expired ${a.expiryDate})`;
      return `the ${label} (effective ${a.effectiveDate ?? a.signedDate})`;
    });
    return {
      severity: "high",
      message:
        `No active processing agreement covers the transfer to ${recipientLabel(ctx)}` +
        (inactive.length > 0 ? `; not in force: ${formatList(inactive)}` : ""),
      facts: {
        processorId: ctx.processor.id,
        inactiveAgreementIds: covering.map((a) => a.id),
        agreementTypesConsidered: uniqueSorted(ctx.agreements.map((a) => a.type)),
      },
    };
  },
);

/** GDPR Chapter V tools that work without adequacy: Art. 46 safeguards and Art. 49 derogations. */
const CHAPTER_V_TOOLS: readonly TransferMechanism[] = ["scc", "bcr", "art49_consent", "art49_contract", "art49_other"];

function nonAdequateRegions(ctx: TransferContext, regions: readonly AdequacyRegion[]): AdequacyRegion[] {
  return regions.filter(
    (region) => !isAdequate(region, ctx.transfer.destinationCountry, isDpfValid(ctx.processor, ctx.today, region), ctx.today),
  );
}

// Two rules ask for every transfer, and a register holds few distinct (region, destination, DPF, day)
// questions: each is answered once (adequacyFor reads only its arguments and the fixed decision lists).
const ADEQUATE = new Map<string, boolean>();

function isAdequate(region: AdequacyRegion, destination: string, processorDpfValid: boolean, today: string): boolean {
  const key = `${region}|${destination}|${processorDpfValid}|${today}`;
  let adequate = ADEQUATE.get(key);
  if (adequate === undefined) {
    adequate = adequacyFor({ subjectRegion: region, destination, processorDpfValid, today }).adequate;
    if (ADEQUATE.size >= 10_000) ADEQUATE.clear();
    ADEQUATE.set(key, adequate);
  }
  return adequate;
}

export const noMechanism = defineTransferRule(
  {
    id: "transfer.no-mechanism",
    title: "No transfer mechanism",
    severities: ["critical"],
    citation: "GDPR Art. 44, 45, 46; UK GDPR Art. 44-46",
    remediation:
      "Put SCCs (or BCRs) in place with a transfer impact assessment, or renew the recipient's DPF certification, before the data moves.",
  },
  (ctx) => {
    const regions = gdprRegions(ctx.transfer.subjectRegions);
    if (regions.length === 0) return null;
    const missing = nonAdequateRegions(ctx, regions);
    if (missing.length === 0) return null;
    const { mechanism, destinationCountry } = ctx.transfer;
    if (CHAPTER_V_TOOLS.includes(mechanism)) return null;

    // A claimed mechanism that does not hold (DPF lapsed, "adequacy" to a country without it, a PRC or HK
    // tool) leaves the transfer without a Chapter V basis: it is flagged here as well as where the cause is.
    const who = `${formatList(missing)} subjects' data to ${destinationCountry}`;
    let reason: string;
    if (mechanism === "none") reason = "has no transfer mechanism and the destination is not adequate";
    else if (mechanism === "dpf") reason = `relies on the DPF but ${ctx.processor.name}'s certification is not valid`;
    else if (mechanism === "adequacy") reason = `relies on adequacy but ${destinationCountry} is not adequate`;
    else reason = `relies on ${MECHANISM_LABELS[mechanism]}, which is not a GDPR Chapter V tool`;
    return {
      severity: "critical",
      message: `${who} ${reason}`,
      facts: {
        subjectRegions: [...ctx.transfer.subjectRegions],
        notAdequateFor: missing,
        destinationCountry,
        mechanism,
        processorDpfValid: isDpfValid(ctx.processor, ctx.today),
      },
    };
  },
);

/**
 * Agreement types that document each contractual mechanism. The GBA standard contract stands in for the
 * PIPL standard contract (CN -> HK) and for the HK model clauses (HK -> CN) on Greater Bay Area flows.
 */
const DOCUMENTING_AGREEMENTS: Partial<Record<TransferMechanism, readonly AgreementType[]>> = {
  scc: ["scc"],
  pipl_standard_contract: ["pipl_standard_contract"],
  hk_model_clauses: ["hk_model_clauses"],
};

export const mechanismUndocumented = defineTransferRule(
  {
    id: "transfer.mechanism-undocumented",
    title: "Transfer mechanism not documented",
    severities: ["high"],
    citation: "GDPR Art. 46(2)(c); PIPL Art. 38(1)(3); PCPD Recommended Model Contractual Clauses (2022)",
    remediation: "Record the signed agreement of the mechanism's type (with its dates) and link it to this transfer.",
  },
  (ctx) => {
    const { mechanism } = ctx.transfer;
    const required = DOCUMENTING_AGREEMENTS[mechanism];
    if (required === undefined) return null;
    const accepted: AgreementType[] = [...required];
    if (mechanism !== "scc" && isGbaFlow(ctx.transfer.originCountry, ctx.transfer.destinationCountry)) {
      accepted.push("gba_standard_contract");
    }
    const active = activeCoveringAgreements(ctx);
    if (active.some((a) => accepted.includes(a.type))) return null;
    const inactiveOfType = ctx.agreements.filter(
      (a) => accepted.includes(a.type) && agreementCoversTransfer(a, ctx.transfer, ctx.processorChain),
    );
    return {
      severity: "high",
      message:
        `Transfer to ${recipientLabel(ctx)} relies on ${MECHANISM_LABELS[mechanism]} but no active ` +
        `${formatList(accepted.map((t) => AGREEMENT_TYPE_LABELS[t]))} covers it`,
      facts: {
        mechanism,
        acceptedAgreementTypes: accepted,
        inactiveAgreementIds: inactiveOfType.map((a) => a.id),
      },
    };
  },
);

/** GDPR Art. 46 tools that need a transfer impact assessment (Schrems II): SCCs and BCRs. */
const ART46_TOOLS: readonly TransferMechanism[] = ["scc", "bcr"];

export const tiaMissing = defineTransferRule(
  {
    id: "transfer.tia-missing",
    title: "Transfer impact assessment missing or stale",
    severities: ["medium", "high"],
    citation: "CJEU C-311/18 (Schrems II); EDPB Recommendations 01/2020; UK ICO transfer risk assessment guidance",
    remediation: "Carry out (or review) the transfer impact assessment and record its date; review it every 12 months.",
  },
  (ctx) => {
    const { mechanism, tiaDate, destinationCountry } = ctx.transfer;
    if (!ART46_TOOLS.includes(mechanism)) return null;
    // SCCs and BCRs are GDPR tools: without EU/UK subjects recorded, assess against the EU list.
    const regions = gdprRegions(ctx.transfer.subjectRegions);
    const missing = nonAdequateRegions(ctx, regions.length > 0 ? regions : ["EU"]);
    if (missing.length === 0) return null;
    const oldestAccepted = addMonths(ctx.today, -12);
    if (tiaDate !== null && !isBefore(tiaDate, oldestAccepted)) return null;
    const concern = isCountryOfConcern(destinationCountry);
    const facts: Record<string, FactValue> = {
      mechanism,
      destinationCountry,
      countryOfConcern: concern,
      tiaPresent: tiaDate !== null,
      oldestAcceptedTiaDate: oldestAccepted,
    };
    if (tiaDate !== null) facts.tiaDate = tiaDate;
    return {
      severity: concern ? "high" : "medium",
      message:
        tiaDate === null
          ? `${MECHANISM_LABELS[mechanism]} transfer to ${recipientLabel(ctx)} has no transfer impact assessment`
          : `Transfer impact assessment of ${tiaDate} for the transfer to ${recipientLabel(ctx)} is older than 12 months`,
      facts,
    };
  },
);

export const art49Systematic = defineTransferRule(
  {
    id: "transfer.art49-systematic",
    title: "Art. 49 derogation used for a repeated flow",
    severities: ["medium"],
    citation: "GDPR Art. 49; EDPB Guidelines 2/2018 on derogations",
    remediation: "Replace the derogation with an Art. 46 safeguard (SCCs or BCRs) or DPF certification of the recipient.",
  },
  (ctx) => {
    const { mechanism, frequency } = ctx.transfer;
    if (!mechanism.startsWith("art49_")) return null;
    // EDPB 2/2018: derogations are exceptions for occasional, non-repetitive transfers.
    if (frequency !== "continuous" && frequency !== "periodic") return null;
    return {
      severity: "medium",
      message: `${MECHANISM_LABELS[mechanism]} is used for a ${frequency} flow to ${recipientLabel(ctx)}; derogations only cover occasional transfers`,
      facts: { mechanism, frequency },
    };
  },
);

export const piplExport = defineTransferRule(
  {
    id: "transfer.pipl-export",
    title: "PIPL export route does not match the volume",
    severities: ["high"],
    citation: "PIPL Art. 38-40; Provisions on Promoting and Regulating Cross-Border Data Flows (2024) Art. 4, 5, 7, 8",
    remediation:
      "Use the route the volume requires: a CAC security assessment, or the PIPL standard contract (filed) or certification; separate consent and a PIPIA are needed in every case.",
  },
  (ctx) => {
    const { originCountry, destinationCountry, mechanism, estimatedSubjects } = ctx.transfer;
    // PIPL reaches data held in mainland China only; Hong Kong and Macau are outside (and are "abroad").
    if (!isMainlandChina(originCountry) || isMainlandChina(destinationCountry)) return null;
    // 2024 Provisions Art. 4: foreign data processed in China and sent back needs no route.
    if (ctx.transfer.reExportOfForeignData === true) return null;

    // The same people are counted in both tiers when the flow carries both kinds of information.
    // estimatedSubjects (per 12 months) stands in for the count since 1 January.
    const sensitive = ctx.categories.filter((c) => c.piplSensitive).map((c) => c.key);
    const hasNonSensitive = ctx.categories.length === 0 || ctx.categories.some((c) => !c.piplSensitive);
    const count = Math.max(0, estimatedSubjects);
    const sensitiveCount = sensitive.length > 0 ? count : 0;
    const nonSensitiveCount = hasNonSensitive ? count : 0;
    const requirement = requiredPiplMechanism({ nonSensitiveCount, sensitiveCount });
    const accepted = PIPL_ACCEPTED_MECHANISMS[requirement];
    if (accepted === null || accepted.includes(mechanism)) return null;

    const needs =
      requirement === "cac_assessment" ? "a CAC security assessment" : "the PIPL standard contract or certification";
    const volume =
      sensitiveCount > 0
        ? `${formatCount(sensitiveCount)} people's sensitive personal information`
        : `${formatCount(nonSensitiveCount)} people's personal information`;
    return {
      severity: "high",
      message: `Export from mainland China to ${destinationCountry} of ${volume} needs ${needs}; the transfer uses ${MECHANISM_LABELS[mechanism]}`,
      facts: {
        requirement,
        mechanism,
        acceptedMechanisms: [...accepted],
        nonSensitiveCount,
        sensitiveCount,
        piplSensitiveCategories: sensitive,
      },
    };
  },
);

export const specialCategoryNoCondition = defineTransferRule(
  {
    id: "transfer.special-category-no-condition",
    title: "Special-category data without an Art. 9 condition",
    severities: ["high"],
    citation: "GDPR Art. 9(1), 9(2)",
    remediation: "Record the Art. 9(2) condition the activity relies on (often explicit consent), or stop processing the category.",
  },
  (ctx) => {
    if (ctx.activity.art9Condition !== null) return null;
    // Art. 9 binds only where the GDPR (or UK GDPR) applies; a flow with no regions recorded is assumed in scope.
    if (ctx.transfer.subjectRegions.length > 0 && gdprRegions(ctx.transfer.subjectRegions).length === 0) return null;
    const special = ctx.categories.filter((c) => c.gdprSpecial).map((c) => c.key);
    if (special.length === 0) return null;
    return {
      severity: "high",
      message: `Activity "${ctx.activity.name}" processes special-category data (${formatList(special)}) without an Art. 9 condition`,
      facts: { activityId: ctx.activity.id, specialCategories: special, subjectRegions: [...ctx.transfer.subjectRegions] },
    };
  },
);

export const retentionMissing = defineTransferRule(
  {
    id: "transfer.retention-missing",
    title: "No retention period",
    severities: ["low"],
    citation: "GDPR Art. 30(1)(f), 5(1)(e); Cal. Civ. Code 1798.100(a)(3)",
    remediation: "Record how long the activity keeps the data (or the criteria that set it).",
  },
  (ctx) => {
    const retention = ctx.activity.retentionPeriod;
    if (retention !== null && retention.trim() !== "") return null;
    return {
      severity: "low",
      message: `Activity "${ctx.activity.name}" has no retention period`,
      facts: { activityId: ctx.activity.id },
    };
  },
);

/** In the order of DOMAIN.md §4. */
export const TRANSFER_RULES: readonly TransferRule[] = [
  noEncryptionInTransit,
  noEncryptionAtRest,
  noContract,
  noMechanism,
  mechanismUndocumented,
  tiaMissing,
  art49Systematic,
  dojBulkRestricted,
  dojBrokerageProhibited,
  dojGovernmentRelated,
  piplExport,
  specialCategoryNoCondition,
  retentionMissing,
];
