import type { VolumeUnit } from "@/db/schema/enums";
import { DOJ_EXEMPTION_LABELS, dojExemptionCoversBrokerage } from "@/lib/jurisdictions/doj-exemptions";
import { isBulkDojCategory } from "@/lib/jurisdictions/doj-thresholds";
import { isPadfaForeignAdversaryCountry } from "@/lib/jurisdictions/padfa";
import { defineTransferRule } from "./define-rule";
import { assessDojBulk, includesUsPersons, transferDojCategories } from "./doj";
import { isCountryOfConcern } from "@/lib/jurisdictions/countries-of-concern";
import { formatCategoryKeys, formatCount, formatCountry, formatList, uniqueSorted } from "./format";
import { DOJ_CATEGORY_LABELS_FR, DOJ_EXEMPTION_LABELS_FR, VOLUME_UNIT_LABELS_FR, lowerFirst } from "./labels";
import { recipientOfConcern } from "./predicates";
import type { FactValue, ProcessorFacts, TransferContext } from "./types";

/** Why the recipient is of concern, in French: the reasons of recipientOfConcern, worded for a French finding. */
function concernReasonsFr(processor: ProcessorFacts, destinationCountry: string): string {
  const reasons: string[] = [];
  if (isCountryOfConcern(processor.country)) reasons.push(`pays d'établissement\u00a0: ${formatCountry(processor.country, "fr")}`);
  if (isCountryOfConcern(destinationCountry)) reasons.push(`destination\u00a0: ${formatCountry(destinationCountry, "fr")}`);
  if (processor.coveredPerson) reasons.push("personne couverte");
  return formatList(reasons, "fr");
}

/*
 * The US DOJ Data Security Program rules (28 CFR part 202, DOMAIN.md §4): bulk restricted transactions,
 * prohibited data brokerage, government-related data. The counting lives in doj.ts.
 *
 * Two conditions are shared by the three rules:
 * - U.S. persons (202.256): part 202 protects U.S. persons' sensitive data; a flow whose subject regions hold
 *   no U.S. region is no covered data transaction of bulk U.S. sensitive personal data (includesUsPersons).
 *   Government-related data is the exception: 202.222 defines it by the place or the US Government link.
 * - Exemptions (subpart E, 202.501-202.511): an exempt transaction is neither prohibited (subpart C) nor
 *   restricted (subpart D), so neither the bulk nor the government-related rule flags it; it is listed as
 *   exempt in the DOJ report instead. Data brokerage is different: see dojBrokerageProhibited.
 */

export const dojBulkRestricted = defineTransferRule(
  {
    id: "transfer.doj-bulk-restricted",
    title: "Bulk US sensitive data to a country of concern",
    severities: ["critical"],
    citation: "28 CFR 202.205, 202.206, 202.256, 202.401, 202.248; 202.303 (human 'omic data)",
    remediation:
      "Stop the flow or bring it within the CISA security requirements (with the due-diligence, audit and recordkeeping duties for restricted transactions); human genomic or other 'omic data above the threshold must stop.",
  },
  (ctx) => {
    // Cheap tests first: most transfers go to no country of concern, and summing the aggregate is not free.
    if (!recipientOfConcern(ctx.processor, ctx.transfer.destinationCountry).concern) return null;
    if (ctx.transfer.dojExemption !== null) return null;
    if (!includesUsPersons(ctx.transfer.subjectRegions)) return null;
    if (!transferDojCategories(ctx).some(isBulkDojCategory)) return null;
    const assessment = assessDojBulk(ctx);
    if (!assessment.recipient.concern || assessment.exceeding.length === 0) return null;
    // 202.303 prohibits bulk human 'omic data (genomic data included, 202.224(a)(1)) outright: meeting the
    // CISA requirements does not cure it.
    const prohibitedOmic = assessment.exceeding.some((c) => c.category === "genomic" || c.category === "omic");
    const cisaMet = ctx.transfer.cisaRequirementsMet;
    if (cisaMet && !prohibitedOmic) return null;

    const parts = assessment.exceeding.map(
      (c) =>
        `${c.label} to ${formatList(c.destinations)}: ${formatCount(c.count)} ${c.unit} in 12 months > ${formatCount(c.threshold)}` +
        (c.threshold !== c.ownThreshold ? " (combined data set, lowest threshold)" : ""),
    );
    const tail = prohibitedOmic
      ? `bulk human 'omic data is prohibited (202.303)${cisaMet ? " even with the CISA requirements met" : ""}`
      : "CISA requirements not met";
    const partsFr = assessment.exceeding.map(
      (c) =>
        `${DOJ_CATEGORY_LABELS_FR[c.category]} (destination\u00a0: ${formatList(c.destinations.map((d) => formatCountry(d, "fr")), "fr")})\u00a0: ` +
        `${formatCount(c.count, "fr")} ${lowerFirst(VOLUME_UNIT_LABELS_FR[c.unit])} sur 12 mois > ${formatCount(c.threshold, "fr")}` +
        (c.threshold !== c.ownThreshold ? " (jeu de données combiné, seuil le plus bas)" : ""),
    );
    const tailFr = prohibitedOmic
      ? `les données «\u00a0omiques\u00a0» humaines en volume sont interdites (202.303)${cisaMet ? ", même lorsque les exigences de sécurité de la CISA sont respectées" : ""}`
      : "exigences de sécurité de la CISA non respectées";
    const first = assessment.exceeding[0]!;
    const facts: Record<string, FactValue> = {
      categories: assessment.exceeding.map((c) => c.category),
      destinations: uniqueSorted(assessment.exceeding.flatMap((c) => c.destinations)),
      count: first.count,
      threshold: first.threshold,
      combined: assessment.combined,
      transferIds: uniqueSorted(assessment.exceeding.flatMap((c) => c.transferIds)),
      recipientReasons: assessment.recipient.reasons,
      cisaRequirementsMet: cisaMet,
      prohibited: prohibitedOmic,
      windowStart: assessment.windowStart,
    };
    for (const c of assessment.exceeding) {
      facts[`count.${c.category}`] = c.count;
      facts[`threshold.${c.category}`] = c.threshold;
      facts[`unit.${c.category}`] = c.unit;
      facts[`recordedUnits.${c.category}`] = c.recordedUnits;
      // Transfers of the pair left out of the count: no U.S. persons, or exempt (the DOJ report names them).
      if (c.leftOut.length > 0) facts[`leftOut.${c.category}`] = c.leftOut.map((l) => `${l.transferId}: ${l.reason}`);
    }
    return { severity: "critical", message: [...parts, tail].join("; "), messageFr: [...partsFr, tailFr].join("\u00a0; "), facts };
  },
);

/**
 * Whether the 28 CFR 202.301 prohibition reaches a data brokerage transfer: a country of concern or covered
 * person, bulk U.S. sensitive personal data or government-related data (202.210), and no subpart E exemption
 * that covers brokerage (202.509 does not).
 */
function cfr202301Applies(ctx: TransferContext): boolean {
  const exemption = ctx.transfer.dojExemption;
  if (exemption !== null && dojExemptionCoversBrokerage(exemption)) return false;
  if (!recipientOfConcern(ctx.processor, ctx.transfer.destinationCountry).concern) return false;
  if (transferDojCategories(ctx).includes("government_related")) return true;
  // An exemption that does not cover brokerage leaves the brokerage flow a covered data transaction: its
  // volume counts.
  const counted = exemption === null ? ctx : { ...ctx, transfer: { ...ctx.transfer, dojExemption: null } };
  return assessDojBulk(counted).exceeding.length > 0;
}

/**
 * PADFA (15 U.S.C. 9901) reaches a foreign adversary country (10 U.S.C. 4872(d)(2)) or an entity controlled by
 * a foreign adversary; the covered-person mark (202.211) stands for the latter, as the register records no
 * finer ownership fact.
 */
function padfaApplies(ctx: TransferContext): boolean {
  return (
    isPadfaForeignAdversaryCountry(ctx.processor.country) ||
    isPadfaForeignAdversaryCountry(ctx.transfer.destinationCountry) ||
    ctx.processor.coveredPerson
  );
}

export const dojBrokerageProhibited = defineTransferRule(
  {
    id: "transfer.doj-brokerage-prohibited",
    title: "Data brokerage to a country of concern",
    severities: ["critical"],
    citation: "28 CFR 202.301, 202.214; Protecting Americans' Data from Foreign Adversaries Act of 2024 (15 U.S.C. 9901)",
    remediation: "Stop selling or brokering this data to the recipient; end the flow and document it.",
  },
  (ctx) => {
    const { disclosureType } = ctx.activity;
    if (disclosureType !== "sale" && disclosureType !== "data_brokerage") return null;
    const recipient = recipientOfConcern(ctx.processor, ctx.transfer.destinationCountry);
    if (!recipient.concern) return null;
    // Both laws protect people in the US only: PADFA "United States individuals", part 202 U.S. persons.
    if (!includesUsPersons(ctx.transfer.subjectRegions)) return null;
    // A subpart E exemption lifts 202.301 (subpart C) but not PADFA, a separate statute with no such
    // exemption: a brokerage flow that claims one is still flagged wherever PADFA reaches the recipient. PADFA
    // has no volume threshold; 202.301 needs bulk data or government-related data (at any volume).
    const padfa = padfaApplies(ctx);
    const cfr = cfr202301Applies(ctx);
    if (!padfa && !cfr) return null;
    const laws = [padfa ? "PADFA" : null, cfr ? "28 CFR 202.301" : null].filter((law) => law !== null);
    const exemption = ctx.transfer.dojExemption;
    const exemptionNote =
      exemption === null
        ? ""
        : dojExemptionCoversBrokerage(exemption)
          ? `; the exemption claimed (${DOJ_EXEMPTION_LABELS[exemption]}) lifts 28 CFR 202.301 but not PADFA`
          : `; the exemption claimed (${DOJ_EXEMPTION_LABELS[exemption]}) does not extend to data brokerage`;
    const exemptionNoteFr =
      exemption === null
        ? ""
        : dojExemptionCoversBrokerage(exemption)
          ? `\u00a0; l'exemption invoquée (${DOJ_EXEMPTION_LABELS_FR[exemption]}) écarte le 28 CFR 202.301, mais pas la PADFA`
          : `\u00a0; l'exemption invoquée (${DOJ_EXEMPTION_LABELS_FR[exemption]}) ne s'étend pas au courtage de données`;
    const facts: Record<string, FactValue> = {
      disclosureType,
      recipientReasons: recipient.reasons,
      dojCategories: transferDojCategories(ctx),
      destinationCountry: ctx.transfer.destinationCountry,
      padfa,
      cfr202301: cfr,
    };
    if (exemption !== null) facts.dojExemption = exemption;
    return {
      severity: "critical",
      message:
        `Activity "${ctx.activity.name}" discloses data by ${disclosureType === "sale" ? "sale" : "data brokerage"} to ${ctx.processor.name} ` +
        `(${formatList(recipient.reasons)}), which is prohibited (${formatList(laws)})${exemptionNote}`,
      messageFr:
        `L'activité «\u00a0${ctx.activity.name}\u00a0» communique des données par ${disclosureType === "sale" ? "vente" : "courtage de données"} à ${ctx.processor.name} ` +
        `(${concernReasonsFr(ctx.processor, ctx.transfer.destinationCountry)}), ce qui est interdit (${formatList(laws, "fr")})${exemptionNoteFr}`,
      facts,
    };
  },
);

/** "1 person", "3 people", "1 device". */
function unitWord(count: number, unit: VolumeUnit): string {
  if (unit === "devices") return count === 1 ? "device" : "devices";
  return count === 1 ? "person" : "people";
}

/** "1 personne", "3 personnes", "1 terminal", "2 terminaux". */
function unitWordFr(count: number, unit: VolumeUnit): string {
  if (unit === "devices") return count <= 1 ? "terminal" : "terminaux";
  return count <= 1 ? "personne" : "personnes";
}

/**
 * 202.222: government-related data (precise geolocation of a listed government location, or sensitive data
 * marketed as linked to US Government personnel) is covered "regardless of volume". In a vendor, employment or
 * investment agreement it is a restricted transaction (202.210, 202.401): permitted only with the CISA security
 * requirements (202.248), like bulk data; sold or brokered, dojBrokerageProhibited flags it.
 */
export const dojGovernmentRelated = defineTransferRule(
  {
    id: "transfer.doj-government-related",
    title: "Government-related data to a country of concern",
    severities: ["critical"],
    citation: "28 CFR 202.205, 202.222, 202.401, 202.248",
    remediation:
      "Stop the flow of government-related data to the recipient, whatever its volume, or bring it within the CISA security requirements with the due-diligence, audit and recordkeeping duties of restricted transactions.",
  },
  (ctx) => {
    const { transfer } = ctx;
    const recipient = recipientOfConcern(ctx.processor, transfer.destinationCountry);
    if (!recipient.concern) return null;
    if (transfer.dojExemption !== null) return null;
    // "Any volume" still means some data: a flow recorded with no one in it carries none.
    if (transfer.estimatedSubjects <= 0) return null;
    if (!transferDojCategories(ctx).includes("government_related")) return null;
    if (transfer.cisaRequirementsMet) return null;
    const keys = uniqueSorted(ctx.categories.filter((c) => c.dojCategory === "government_related").map((c) => c.key));
    return {
      severity: "critical",
      message:
        `Government-related data (${formatList(keys)}) to ${ctx.processor.name} (${formatList(recipient.reasons)}): ` +
        `${formatCount(transfer.estimatedSubjects)} ${unitWord(transfer.estimatedSubjects, transfer.volumeUnit)}, covered at any volume; CISA requirements not met`,
      messageFr:
        `Données liées au gouvernement des États-Unis (${formatCategoryKeys(ctx.categories, keys, "fr")}) envoyées à ${ctx.processor.name} ` +
        `(${concernReasonsFr(ctx.processor, transfer.destinationCountry)})\u00a0: ${formatCount(transfer.estimatedSubjects, "fr")} ` +
        `${unitWordFr(transfer.estimatedSubjects, transfer.volumeUnit)}, couvertes quel que soit le volume\u00a0; exigences de sécurité de la CISA non respectées`,
      facts: {
        categoryKeys: keys,
        count: transfer.estimatedSubjects,
        unit: transfer.volumeUnit,
        recipientReasons: recipient.reasons,
        destinationCountry: transfer.destinationCountry,
        cisaRequirementsMet: false,
      },
    };
  },
);
