import type { AgreementType, SccModule, TransferMechanism } from "@/db/schema/enums";
import { adequacyFor, type AdequacyRegion } from "@/lib/jurisdictions/adequacy";
import { isCountryOfConcern } from "@/lib/jurisdictions/countries-of-concern";
import { acceptedPiplMechanisms, PIPIA_VALIDITY, requiredPiplMechanism } from "@/lib/jurisdictions/pipl";
import { defineTransferRule } from "./define-rule";
import { dojBrokerageProhibited, dojBulkRestricted, dojGovernmentRelated } from "./doj-rules";
import { formatCategoryKeys, formatCountry, ofName, formatDay, formatList, quote, uniqueSorted } from "./format";
import { addMonths, isBefore } from "./iso-date";
import {
  AGREEMENT_TYPE_LABELS,
  AGREEMENT_TYPE_LABELS_FR,
  ENTITY_ROLE_LABELS_FR,
  FREQUENCY_LABELS_FR,
  lowerFirst,
  MECHANISM_LABELS,
  MECHANISM_LABELS_FR,
  PIPL_EXEMPTION_LABELS,
  PIPL_EXEMPTION_LABELS_FR,
  PIPL_NON_SENSITIVE_TIER_LABELS,
  PIPL_NON_SENSITIVE_TIER_LABELS_FR,
  PIPL_SENSITIVE_TIER_LABELS,
  PIPL_SENSITIVE_TIER_LABELS_FR,
  RECIPIENT_ROLE_LABELS,
  RECIPIENT_ROLE_LABELS_FR,
  SCC_MODULE_LABELS,
  SCC_MODULE_LABELS_FR,
  upperFirst,
} from "./labels";
import { tiaReviewCauseFr } from "./tia-review";
import { isMainlandExport, piplKinds, piplTiers, piplTotalsOf } from "./pipl";
import {
  activeCoveringAgreements,
  agreementCoversTransfer,
  gdprRegions,
  hasCaliforniaSubjects,
  isAgreementActive,
  isDpfValid,
  isGbaFlow,
  isProcessingAgreementFor,
  recipientActsAs,
} from "./predicates";
import { providesNetworkService } from "./doj";
import { sensitiveCategoryKeys } from "./sensitivity";
import type { AgreementFacts, FactValue, TransferContext, TransferRule } from "./types";

/*
 * Transfer rules (DOMAIN.md §4). Each is a pure function of one TransferContext. evaluateTransfer only
 * runs them on active transfers (see isTransferActive), so they do not re-check the status. Each words its
 * finding in English (message) and in French (messageFr): the same facts, the catalogue's French terms.
 */

function recipientLabel(ctx: TransferContext): string {
  return `${ctx.processor.name} (${ctx.transfer.destinationCountry})`;
}

/** The recipient in a French sentence: "Acme Cloud (Chine)". */
function recipientLabelFr(ctx: TransferContext): string {
  return `${ctx.processor.name} (${formatCountry(ctx.transfer.destinationCountry, "fr")})`;
}

/** Category keys of the flow as a French sentence names them (the taxonomy's French names). */
function categoryListFr(ctx: TransferContext, keys: readonly string[]): string {
  return formatCategoryKeys(ctx.categories, keys, "fr");
}

/**
 * The sensitive categories of the flow. Whether listed identifiers count depends on the recipient too:
 * network identifiers linked only to each other for a networking service are not covered (28 CFR 202.212(b)(2)).
 */
function sensitiveKeysOf(ctx: TransferContext): string[] {
  return sensitiveCategoryKeys(ctx.categories, { networkService: providesNetworkService(ctx.processor.service) });
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
    const sensitive = sensitiveKeysOf(ctx);
    return {
      // DOMAIN.md §4: critical when the flow carries sensitive data.
      severity: sensitive.length > 0 ? "critical" : "high",
      message:
        `Data sent to ${recipientLabel(ctx)} without encryption in transit` +
        (sensitive.length > 0 ? `, including sensitive categories ${formatList(sensitive)}` : ""),
      messageFr:
        `Données envoyées à ${recipientLabelFr(ctx)} sans chiffrement en transit` +
        (sensitive.length > 0 ? `, dont des catégories sensibles\u00a0: ${categoryListFr(ctx, sensitive)}` : ""),
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
    const sensitive = sensitiveKeysOf(ctx);
    return {
      severity: sensitive.length > 0 ? "high" : "medium",
      message:
        `Data stored by ${recipientLabel(ctx)} without encryption at rest` +
        (sensitive.length > 0 ? `, including sensitive categories ${formatList(sensitive)}` : ""),
      messageFr:
        `Données stockées par ${recipientLabelFr(ctx)} sans chiffrement au repos` +
        (sensitive.length > 0 ? `, dont des catégories sensibles\u00a0: ${categoryListFr(ctx, sensitive)}` : ""),
      facts: {
        accessType: ctx.transfer.accessType,
        encryptionAtRest: ctx.transfer.encryptionAtRest,
        sensitive: sensitive.length > 0,
        sensitiveCategories: sensitive,
      },
    };
  },
);

/**
 * What each kind of recipient must have signed (DOMAIN.md §4): a processor, a sub-processor and an affiliate
 * acting as one need the Art. 28(3) terms (a DPA or a transfer tool that carries them); an independent
 * controller needs a contract only for California consumers' data (Cal. Civ. Code 1798.100(d): a business
 * that sells, shares or discloses personal information to a third party); a joint controller needs the
 * arrangement of Art. 26.
 */
interface ContractDuty {
  /** Whether an agreement is of a kind that discharges the duty on this transfer. */
  accepts: (agreement: AgreementFacts, ctx: TransferContext) => boolean;
  /** The instrument, as the message names it. */
  instrument: string;
  /** The same in French, a masculine noun ("Aucun … en vigueur"). */
  instrumentFr: string;
  citation: string;
  remediation: string;
}

const PROCESSOR_CONTRACT: ContractDuty = {
  accepts: (agreement, ctx) => isProcessingAgreementFor(agreement, ctx.transfer),
  instrument: "processing agreement",
  instrumentFr: "contrat de sous-traitance",
  citation: "GDPR Art. 28(3)",
  remediation:
    "Sign a processing agreement with the Art. 28(3) terms (a DPA, SCCs, the PIPL standard contract, HK model clauses, CCPA service-provider terms or BCRs) covering this transfer, or renew the expired one.",
};

const CALIFORNIA_CONTRACT: ContractDuty = {
  accepts: (agreement, ctx) => isProcessingAgreementFor(agreement, ctx.transfer),
  instrument: "contract for California consumers' personal information",
  instrumentFr: "contrat encadrant les informations personnelles des consommateurs californiens",
  citation: "Cal. Civ. Code 1798.100(d); 11 CCR 7053",
  remediation:
    "Sign a contract with this third party that limits its use of California consumers' personal information to the specified purposes and binds it to the CCPA (Cal. Civ. Code 1798.100(d); 11 CCR 7053), and link it to this transfer.",
};

const JOINT_CONTROLLER_ARRANGEMENT: ContractDuty = {
  accepts: (agreement) => agreement.type === "joint_controller_arrangement",
  instrument: "joint-controller arrangement",
  instrumentFr: "accord entre responsables conjoints du traitement",
  citation: "GDPR Art. 26",
  remediation:
    "Record the arrangement with the joint controller that sets out each party's responsibilities, in particular for the data subjects' rights and the information of Art. 13-14 (GDPR Art. 26(1)), and make its essence available to the data subjects (Art. 26(2)).",
};

/** The duty of this transfer's recipient, or null when none applies (an independent controller, no California subjects). */
function contractDutyOf(ctx: TransferContext): ContractDuty | null {
  const { role } = ctx.processor;
  if (role === "joint_controller") return JOINT_CONTROLLER_ARRANGEMENT;
  if (role === "controller") return hasCaliforniaSubjects(ctx.transfer.subjectRegions) ? CALIFORNIA_CONTRACT : null;
  return PROCESSOR_CONTRACT;
}

const noContractRule = defineTransferRule(
  {
    id: "transfer.no-contract",
    title: "No processing agreement",
    severities: ["high"],
    citation: "GDPR Art. 26, 28(3); Cal. Civ. Code 1798.100(d); 11 CCR 7051, 7053",
    remediation:
      "Sign the contract the recipient's role requires: with a processor, sub-processor or affiliate acting as one, a processing agreement (GDPR Art. 28(3)); with a joint controller, a joint-controller arrangement (Art. 26); with an independent controller receiving California consumers' data, a CCPA contract (1798.100(d)).",
  },
  (ctx) => {
    const duty = contractDutyOf(ctx);
    if (duty === null) return null;
    const covering = ctx.agreements.filter(
      (a) => agreementCoversTransfer(a, ctx.transfer, ctx.processorChain) && duty.accepts(a, ctx),
    );
    if (covering.some((a) => isAgreementActive(a, ctx.today))) return null;
    // Name agreements as a DPO knows them (type and dates), never by their database id.
    const inactive = covering.map((a) => {
      const label = AGREEMENT_TYPE_LABELS[a.type];
      if (a.signedDate === null) return `the ${label} (not signed)`;
      if (a.expiryDate !== null && a.expiryDate < ctx.today) return `the ${label} (expired ${a.expiryDate})`;
      return `the ${label} (effective ${a.effectiveDate ?? a.signedDate})`;
    });
    // Gender-neutral wording after each label: "contrat" and "règles" take different agreements of "signé".
    const inactiveFr = covering.map((a) => {
      const label = lowerFirst(AGREEMENT_TYPE_LABELS_FR[a.type]);
      if (a.signedDate === null) return `${label} (pas de signature)`;
      if (a.expiryDate !== null && a.expiryDate < ctx.today) return `${label} (date d'expiration\u00a0: ${formatDay(a.expiryDate, "fr")})`;
      return `${label} (date d'effet\u00a0: ${formatDay((a.effectiveDate ?? a.signedDate)!, "fr")})`;
    });
    return {
      severity: "high",
      message:
        `No active ${duty.instrument} covers the transfer to ${recipientLabel(ctx)}, ${RECIPIENT_ROLE_LABELS[ctx.processor.role]}` +
        (inactive.length > 0 ? `; not in force: ${formatList(inactive)}` : ""),
      messageFr:
        `Aucun ${duty.instrumentFr} en vigueur ne couvre le transfert vers ${recipientLabelFr(ctx)}, ${RECIPIENT_ROLE_LABELS_FR[ctx.processor.role]}` +
        (inactiveFr.length > 0 ? `\u00a0; pas en vigueur\u00a0: ${formatList(inactiveFr, "fr")}` : ""),
      facts: {
        processorId: ctx.processor.id,
        recipientRole: ctx.processor.role,
        requiredInstrument: duty.instrument,
        requiredBy: duty.citation,
        inactiveAgreementIds: covering.map((a) => a.id),
        agreementTypesConsidered: uniqueSorted(ctx.agreements.map((a) => a.type)),
      },
    };
  },
);

/** The catalog's rule, with a finding's remediation naming the one instrument this recipient needs. */
export const noContract: TransferRule = {
  ...noContractRule,
  evaluate(ctx) {
    const finding = noContractRule.evaluate(ctx);
    const duty = finding === null ? null : contractDutyOf(ctx);
    return finding === null || duty === null ? finding : { ...finding, remediation: duty.remediation };
  },
};

/** The GDPR regions in a French sentence: "Les données de personnes de l'UE et du Royaume-Uni". */
const REGION_FR: Readonly<Record<AdequacyRegion, string>> = { EU: "de l'UE", UK: "du Royaume-Uni" };

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
    else if (mechanism === "dpf") {
      // UK data to a US importer relies on the UK Extension: a valid EU-US certification alone is not enough.
      reason = isDpfValid(ctx.processor, ctx.today)
        ? `relies on the DPF but ${ctx.processor.name}'s certification does not include the UK Extension`
        : `relies on the DPF but ${ctx.processor.name}'s certification is not valid`;
    }
    else if (mechanism === "adequacy") reason = `relies on adequacy but ${destinationCountry} is not adequate`;
    else reason = `relies on ${MECHANISM_LABELS[mechanism]}, which is not a GDPR Chapter V tool`;
    const whoFr = `Les données de personnes ${formatList(missing.map((region) => REGION_FR[region]), "fr")} (destination\u00a0: ${formatCountry(destinationCountry, "fr")})`;
    let reasonFr: string;
    if (mechanism === "none") reasonFr = "ne reposent sur aucun outil de transfert et la destination ne bénéficie d'aucune décision d'adéquation";
    else if (mechanism === "dpf") {
      reasonFr = isDpfValid(ctx.processor, ctx.today)
        ? `reposent sur le DPF, mais la certification ${ofName(ctx.processor.name)} n'inclut pas l'extension britannique`
        : `reposent sur le DPF, mais la certification ${ofName(ctx.processor.name)} n'est pas valide`;
    }
    else if (mechanism === "adequacy") reasonFr = "reposent sur une décision d'adéquation, mais la destination ne bénéficie d'aucune décision d'adéquation";
    else reasonFr = `reposent sur ${MECHANISM_LABELS_FR[mechanism]}, un outil que le chapitre V du RGPD ne prévoit pas`;
    return {
      severity: "critical",
      message: `${who} ${reason}`,
      messageFr: `${whoFr} ${reasonFr}`,
      facts: {
        subjectRegions: [...ctx.transfer.subjectRegions],
        notAdequateFor: missing,
        destinationCountry,
        mechanism,
        processorDpfValid: isDpfValid(ctx.processor, ctx.today),
        processorDpfUkExtension: ctx.processor.dpfUkExtension,
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
  // Guidelines Art. 4: the parties sign the GBA standard contract as published (and file it) before the data moves.
  gba_standard_contract: ["gba_standard_contract"],
};

const FR_OR = new Intl.ListFormat("fr", { style: "long", type: "disjunction" });

export const mechanismUndocumented = defineTransferRule(
  {
    id: "transfer.mechanism-undocumented",
    title: "Transfer mechanism not documented",
    severities: ["high"],
    citation:
      "GDPR Art. 46(2)(c); PIPL Art. 38(1)(3); PCPD Recommended Model Contractual Clauses (2022); GBA standard contract Implementation Guidelines (2023) Art. 4",
    remediation: "Record the signed agreement of the mechanism's type (with its dates) and link it to this transfer.",
  },
  (ctx) => {
    const { mechanism } = ctx.transfer;
    const required = DOCUMENTING_AGREEMENTS[mechanism];
    if (required === undefined) return null;
    const accepted: AgreementType[] = [...required];
    if (mechanism !== "scc" && mechanism !== "gba_standard_contract" && isGbaFlow(ctx.transfer.originCountry, ctx.transfer.destinationCountry)) {
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
      // Every documenting agreement is a « contrat » (masculine): "aucun … en vigueur".
      messageFr:
        `Le transfert vers ${recipientLabelFr(ctx)} repose sur ${MECHANISM_LABELS_FR[mechanism]}, mais aucun ` +
        `${FR_OR.format(accepted.map((t) => lowerFirst(AGREEMENT_TYPE_LABELS_FR[t])))} en vigueur ne le couvre`,
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
    const { mechanism, tiaDate, destinationCountry, tiaReviewReason } = ctx.transfer;
    if (!ART46_TOOLS.includes(mechanism)) return null;
    // SCCs and BCRs are GDPR tools: without EU/UK subjects recorded, assess against the EU list.
    const regions = gdprRegions(ctx.transfer.subjectRegions);
    const missing = nonAdequateRegions(ctx, regions.length > 0 ? regions : ["EU"]);
    if (missing.length === 0) return null;
    const oldestAccepted = addMonths(ctx.today, -12);
    const stale = tiaDate !== null && isBefore(tiaDate, oldestAccepted);
    // EDPB Recommendations 01/2020, step 6: a material change of the transfer calls the completed TIA into review
    // (lib/tia records why); until it is completed again the transfer has no current assessment.
    const review = tiaDate !== null && tiaReviewReason !== null && tiaReviewReason.trim() !== "" ? tiaReviewReason.trim() : null;
    if (tiaDate !== null && !stale && review === null) return null;
    const concern = isCountryOfConcern(destinationCountry);
    const facts: Record<string, FactValue> = {
      mechanism,
      destinationCountry,
      countryOfConcern: concern,
      tiaPresent: tiaDate !== null,
      oldestAcceptedTiaDate: oldestAccepted,
    };
    if (tiaDate !== null) facts.tiaDate = tiaDate;
    if (review !== null) facts.tiaReviewReason = review;
    const recipient = recipientLabel(ctx);
    const recipientFr = recipientLabelFr(ctx);
    let message: string;
    let messageFr: string;
    if (tiaDate === null) {
      message = `${MECHANISM_LABELS[mechanism]} transfer to ${recipient} has no transfer impact assessment`;
      messageFr = `Le transfert vers ${recipientFr} fondé sur ${MECHANISM_LABELS_FR[mechanism]} n'a fait l'objet d'aucune analyse d'impact des transferts`;
    } else if (review !== null) {
      message =
        `Transfer impact assessment of ${tiaDate} for the transfer to ${recipient} is under review: ${review.replace(/\.$/, "")}` +
        (stale ? "; it is also older than 12 months" : "");
      messageFr =
        `L'analyse d'impact des transferts du ${formatDay(tiaDate, "fr")} pour le transfert vers ${recipientFr} doit être réexaminée après ${tiaReviewCauseFr(review)}` +
        (stale ? "\u00a0; elle date en outre de plus de 12 mois" : "");
    } else {
      message = `Transfer impact assessment of ${tiaDate} for the transfer to ${recipient} is older than 12 months`;
      messageFr = `L'analyse d'impact des transferts du ${formatDay(tiaDate, "fr")} pour le transfert vers ${recipientFr} date de plus de 12 mois`;
    }
    return { severity: concern ? "high" : "medium", message, messageFr, facts };
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
      // Every Art. 49 derogation is « une dérogation » (feminine): "est utilisée".
      messageFr: `${upperFirst(MECHANISM_LABELS_FR[mechanism])} est utilisée pour un flux ${lowerFirst(FREQUENCY_LABELS_FR[frequency])} vers ${recipientLabelFr(ctx)}\u00a0; les dérogations ne couvrent que les transferts occasionnels`,
      facts: { mechanism, frequency },
    };
  },
);

export const piplExport = defineTransferRule(
  {
    id: "transfer.pipl-export",
    title: "PIPL export route does not match the volume",
    severities: ["high"],
    citation:
      "PIPL Art. 38-40; Provisions on Promoting and Regulating Cross-Border Data Flows (2024) Art. 4, 5, 7, 8; GBA standard contract Implementation Guidelines (2023) Art. 2",
    remediation:
      "Use the route the exporter's volume since 1 January requires (counted over all its recipients): a CAC security assessment, or the PIPL standard contract (filed) or certification (the GBA standard contract for a Guangdong-Hong Kong flow in that tier); separate consent and a PIPIA are needed in every case.",
  },
  (ctx) => {
    const { transfer, exporter } = ctx;
    const { destinationCountry, mechanism } = transfer;
    // PIPL reaches data held in mainland China only; Hong Kong and Macau are outside (and are "abroad").
    if (!isMainlandExport(transfer)) return null;
    // 2024 Provisions Art. 4 (foreign data processed in China and sent back, nothing domestic added) and Art. 5
    // (contract with the individual, cross-border HR, emergency) lift the route for personal information. Important
    // data is not personal information: Art. 5 does not reach it, and a re-export that carries it has had domestic
    // important data added (Art. 4), so it still needs a CAC assessment (Art. 7(1), 7(2)).
    if (!transfer.importantData && (transfer.reExportOfForeignData || transfer.piplExemption !== null)) return null;

    // The exporter's counts since 1 January over every recipient (Art. 7-8), in the tiers this flow carries.
    const totals = piplTotalsOf(ctx);
    const kinds = piplKinds(ctx.categories);
    const sensitiveCount = kinds.sensitive ? totals.sensitiveCount : 0;
    const nonSensitiveCount = kinds.nonSensitive ? totals.nonSensitiveCount : 0;
    const requirement = requiredPiplMechanism({
      nonSensitiveCount,
      sensitiveCount,
      isCiio: exporter.ciio,
      importantData: transfer.importantData,
    });
    const gbaFlow = isGbaFlow(transfer.originCountry, destinationCountry);
    const accepted = acceptedPiplMechanisms(requirement, { gbaFlow });
    if (accepted === null || accepted.includes(mechanism)) return null;

    const needs =
      requirement === "cac_assessment"
        ? "a CAC security assessment"
        : gbaFlow
          ? "the PIPL standard contract, certification or the GBA standard contract"
          : "the PIPL standard contract or certification";
    // The exporter's counts as tiers, never as running totals: another flow's edit then changes this finding
    // only when it moves a tier (see piplTiers).
    const tiers = piplTiers({ sensitiveCount, nonSensitiveCount });
    const needsFr =
      requirement === "cac_assessment"
        ? "une évaluation de sécurité de la CAC"
        : gbaFlow
          ? "le contrat type PIPL, la certification PIPL ou le contrat type de la Grande Baie"
          : "le contrat type PIPL ou la certification PIPL";
    const reasons: string[] = [];
    const reasonsFr: string[] = [];
    if (transfer.importantData) {
      reasons.push("it contains important data");
      reasonsFr.push("elle contient des données importantes");
    }
    if (exporter.ciio) {
      reasons.push(`${exporter.name} is a critical information infrastructure operator`);
      reasonsFr.push(`${exporter.name} est un opérateur d'infrastructure d'information critique`);
    }
    const volumes: string[] = [];
    const volumesFr: string[] = [];
    if (tiers.sensitive !== "none") {
      volumes.push(PIPL_SENSITIVE_TIER_LABELS[tiers.sensitive]);
      volumesFr.push(PIPL_SENSITIVE_TIER_LABELS_FR[tiers.sensitive]);
    }
    if (tiers.nonSensitive !== "under_100000") {
      volumes.push(PIPL_NON_SENSITIVE_TIER_LABELS[tiers.nonSensitive]);
      volumesFr.push(PIPL_NON_SENSITIVE_TIER_LABELS_FR[tiers.nonSensitive]);
    }
    if (volumes.length > 0) {
      reasons.push(`${exporter.name} has sent abroad ${formatList(volumes)} since ${totals.since}, over all its recipients`);
      reasonsFr.push(`${exporter.name} a envoyé à l'étranger ${formatList(volumesFr, "fr")} depuis le ${formatDay(totals.since, "fr")}, tous destinataires confondus`);
    }
    const gbaNote =
      mechanism === "gba_standard_contract" && !gbaFlow
        ? " (the GBA standard contract covers only flows between the nine Guangdong cities and Hong Kong)"
        : mechanism === "gba_standard_contract"
          ? " (the GBA standard contract does not replace a CAC security assessment)"
          : "";
    const gbaNoteFr =
      mechanism === "gba_standard_contract" && !gbaFlow
        ? " (le contrat type de la Grande Baie ne couvre que les flux entre les neuf villes du Guangdong et Hong Kong)"
        : mechanism === "gba_standard_contract"
          ? " (le contrat type de la Grande Baie ne remplace pas une évaluation de sécurité de la CAC)"
          : "";
    const sensitive = ctx.categories.filter((c) => c.piplSensitive).map((c) => c.key);
    return {
      severity: "high",
      message: `Export from mainland China to ${destinationCountry} needs ${needs}: ${formatList(reasons)}; the transfer uses ${MECHANISM_LABELS[mechanism]}${gbaNote}`,
      messageFr:
        `L'exportation depuis la Chine continentale (destination\u00a0: ${formatCountry(destinationCountry, "fr")}) exige ${needsFr}\u00a0: ` +
        `${formatList(reasonsFr, "fr")}\u00a0; ${mechanism === "none" ? "le transfert ne repose sur aucun outil de transfert" : `le transfert repose sur ${MECHANISM_LABELS_FR[mechanism]}`}${gbaNoteFr}`,
      facts: {
        requirement,
        mechanism,
        acceptedMechanisms: [...accepted],
        exporterSensitiveTier: kinds.sensitive ? tiers.sensitive : "not_carried",
        exporterNonSensitiveTier: kinds.nonSensitive ? tiers.nonSensitive : "not_carried",
        countedSince: totals.since,
        transferSubjects: transfer.estimatedSubjects,
        exporterCiio: exporter.ciio,
        importantData: transfer.importantData,
        piplSensitiveCategories: sensitive,
      },
    };
  },
);

export const piplConsentOrPipiaMissing = defineTransferRule(
  {
    id: "transfer.pipl-consent-or-pipia-missing",
    title: "PIPL separate consent or impact assessment missing",
    severities: ["medium"],
    citation: "PIPL Art. 13, 39, 55(4), 56; Provisions on Promoting and Regulating Cross-Border Data Flows (2024) Art. 5, 13",
    remediation:
      "Tell the individuals the foreign recipient's name and contact, the purposes, methods and categories, and obtain their separate consent to the export (PIPL Art. 39); carry out the personal-information protection impact assessment before the data moves and renew it at least every three years (Art. 55-56); record both on the transfer.",
  },
  (ctx) => {
    const { transfer, today } = ctx;
    if (!isMainlandExport(transfer)) return null;
    // Data collected abroad and sent back (2024 Provisions Art. 4) is not mainland personal information leaving.
    if (transfer.reExportOfForeignData) return null;
    /*
     * An Art. 5 exemption removes the export route only (assessment, contract, certification): Art. 13 of the
     * Provisions keeps the notice, separate consent and PIPIA duties "按照法律、行政法规的规定", i.e. as the PIPL
     * sets them. The PIPL's PIPIA duty for exports (Art. 55(4)) has no exception, so it stays. Its consent duties,
     * separate consent of Art. 39 included, fall away where processing rests on Art. 13(1)(2)-(7) (Art. 13, second
     * paragraph), and the three Art. 5 grounds are exactly Art. 13(1)(2) (a contract with the individual; HR
     * management under labour rules and collective contracts) and 13(1)(4) (an emergency for life, health or
     * property). So an exempt flow needs its PIPIA but no separate consent.
     */
    const consentRequired = transfer.piplExemption === null;
    const oldestAccepted = addMonths(today, -PIPIA_VALIDITY.months);
    const missing: string[] = [];
    const missingFr: string[] = [];
    if (consentRequired && !transfer.piplSeparateConsent) {
      missing.push("no separate consent of the individuals is recorded");
      missingFr.push("aucun consentement distinct des personnes n'est consigné");
    }
    if (transfer.pipiaDate === null) {
      missing.push("no personal-information protection impact assessment is recorded");
      missingFr.push("aucune analyse d'impact relative à la protection des informations personnelles n'est consignée");
    } else if (isBefore(transfer.pipiaDate, oldestAccepted)) {
      missing.push(`its personal-information protection impact assessment of ${transfer.pipiaDate} is older than three years`);
      missingFr.push(`son analyse d'impact relative à la protection des informations personnelles du ${formatDay(transfer.pipiaDate, "fr")} date de plus de trois ans`);
    }
    if (missing.length === 0) return null;
    const exempt =
      transfer.piplExemption === null ? "" : ` (exempt from the export route as ${PIPL_EXEMPTION_LABELS[transfer.piplExemption]}, but not from the PIPIA)`;
    const exemptFr =
      transfer.piplExemption === null
        ? ""
        : ` (exemption de la voie d'exportation invoquée\u00a0: ${PIPL_EXEMPTION_LABELS_FR[transfer.piplExemption]}\u00a0; la PIPIA reste due)`;
    const facts: Record<string, FactValue> = {
      consentRequired,
      piplSeparateConsent: transfer.piplSeparateConsent,
      pipiaPresent: transfer.pipiaDate !== null,
      oldestAcceptedPipiaDate: oldestAccepted,
    };
    if (transfer.pipiaDate !== null) facts.pipiaDate = transfer.pipiaDate;
    if (transfer.piplExemption !== null) facts.piplExemption = transfer.piplExemption;
    return {
      severity: "medium",
      message: `Export from mainland China to ${recipientLabel(ctx)}${exempt}: ${formatList(missing)}`,
      messageFr: `Exportation depuis la Chine continentale vers ${recipientLabelFr(ctx)}${exemptFr}\u00a0: ${formatList(missingFr, "fr")}`,
      facts,
    };
  },
);

/** Decision (EU) 2021/914, Clause 1 and the Annex: the module follows the exporter's and the importer's roles. */
const SCC_MODULE_BY_ROLES: Readonly<Record<"controller" | "processor", Readonly<Record<"controller" | "processor", SccModule>>>> = {
  controller: { controller: "module_1", processor: "module_2" },
  processor: { processor: "module_3", controller: "module_4" },
};

export const sccModuleMismatch = defineTransferRule(
  {
    id: "transfer.scc-module-mismatch",
    title: "SCC module does not fit the parties' roles",
    severities: ["medium"],
    citation: "Commission Implementing Decision (EU) 2021/914, Annex, Clause 1 and Section I (Modules One to Four)",
    remediation:
      "Sign (or record) the SCCs with the module that matches the roles: Module 1 controller to controller, 2 controller to processor, 3 processor to processor, 4 processor to controller; or correct the exporter's or the recipient's role if it is the record that is wrong.",
  },
  (ctx) => {
    if (ctx.transfer.mechanism !== "scc") return null;
    const sccs = activeCoveringAgreements(ctx).filter((a) => a.type === "scc");
    // No SCCs in force: transfer.mechanism-undocumented says so.
    if (sccs.length === 0) return null;
    const recipientRole = recipientActsAs(ctx.processor.role);
    const expected = SCC_MODULE_BY_ROLES[ctx.exporter.role][recipientRole];
    // A sub-processor's SCCs are usually signed by the processor that engaged it, which exports to it as a
    // processor: Module Three (processor to processor) is then the right module whatever the exporter's role.
    const fitting: readonly SccModule[] = ctx.processor.role === "sub_processor" ? [expected, "module_3"] : [expected];
    if (sccs.some((a) => a.sccModule !== null && fitting.includes(a.sccModule))) return null;
    const recorded = uniqueSorted(sccs.flatMap((a) => (a.sccModule === null ? [] : [a.sccModule])));
    const roles = `${ctx.exporter.name} (${ctx.exporter.role}) to ${ctx.processor.name}, ${RECIPIENT_ROLE_LABELS[ctx.processor.role]}`;
    const found =
      recorded.length === 0
        ? "no module is recorded on the SCC agreement"
        : `the SCC agreement uses ${formatList(recorded.map((m) => SCC_MODULE_LABELS[m as SccModule]))}`;
    const rolesFr = `${ctx.exporter.name} (${lowerFirst(ENTITY_ROLE_LABELS_FR[ctx.exporter.role])}) vers ${ctx.processor.name}, ${RECIPIENT_ROLE_LABELS_FR[ctx.processor.role]},`;
    const foundFr =
      recorded.length === 0
        ? "aucun module n'est consigné sur le contrat de CCT"
        : `le contrat de CCT utilise le ${formatList(recorded.map((m) => lowerFirst(SCC_MODULE_LABELS_FR[m as SccModule])), "fr")}`;
    return {
      severity: "medium",
      message: `The transfer from ${roles} needs ${fitting.map((m) => SCC_MODULE_LABELS[m]).join(" or ")}; ${found}`,
      messageFr: `Le transfert de ${rolesFr} exige le ${fitting.map((m) => lowerFirst(SCC_MODULE_LABELS_FR[m])).join(" ou le ")}\u00a0; ${foundFr}`,
      facts: {
        exporterRole: ctx.exporter.role,
        recipientRole: ctx.processor.role,
        expectedModule: expected,
        fittingModules: [...fitting],
        recordedModules: recorded,
        sccAgreementIds: sccs.map((a) => a.id),
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
      messageFr: `L'activité ${quote(ctx.activity.name, "fr")} traite des catégories particulières de données (${categoryListFr(ctx, special)}) sans condition de l'art. 9`,
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
      messageFr: `Aucune durée de conservation n'est fixée pour l'activité ${quote(ctx.activity.name, "fr")}`,
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
  piplConsentOrPipiaMissing,
  sccModuleMismatch,
  specialCategoryNoCondition,
  retentionMissing,
];
