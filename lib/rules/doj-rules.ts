import { defineTransferRule } from "./define-rule";
import { assessDojBulk, effectiveDojCategories } from "./doj";
import { formatCount, formatList, uniqueSorted } from "./format";
import { recipientOfConcern } from "./predicates";
import type { FactValue } from "./types";

/*
 * The US DOJ Data Security Program rules (28 CFR part 202, DOMAIN.md §4): bulk restricted transactions,
 * prohibited data brokerage, government-related data. The counting lives in doj.ts.
 */

export const dojBulkRestricted = defineTransferRule(
  {
    id: "transfer.doj-bulk-restricted",
    title: "Bulk US sensitive data to a country of concern",
    severities: ["critical"],
    citation: "28 CFR 202.205, 202.206, 202.401, 202.248; 202.303 (human 'omic data)",
    remediation:
      "Stop the flow or bring it within the CISA security requirements (with the due-diligence, audit and recordkeeping duties for restricted transactions); human 'omic data above the threshold must stop.",
  },
  (ctx) => {
    // Cheap tests first: most transfers go to no country of concern, and summing the aggregate is not free.
    if (!recipientOfConcern(ctx.processor, ctx.transfer.destinationCountry).concern) return null;
    if (effectiveDojCategories(ctx.categories).length === 0) return null;
    const assessment = assessDojBulk(ctx);
    if (!assessment.recipient.concern || assessment.exceeding.length === 0) return null;
    // 202.303 prohibits bulk human 'omic transactions outright: meeting the CISA requirements does not cure.
    const prohibitedOmic = assessment.exceeding.some((c) => c.category === "omic");
    const cisaMet = ctx.transfer.cisaRequirementsMet;
    if (cisaMet && !prohibitedOmic) return null;

    const parts = assessment.exceeding.map(
      (c) =>
        `${c.label} to ${formatList(c.destinations)}: ${formatCount(c.count)} ${c.unit} in 12 months > ${formatCount(c.threshold)}` +
        (c.threshold !== c.ownThreshold ? " (combined data set, lowest threshold)" : ""),
    );
    const tail = cisaMet
      ? "bulk human 'omic data is prohibited (202.303) even with the CISA requirements met"
      : "CISA requirements not met";
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
    }
    return { severity: "critical", message: [...parts, tail].join("; "), facts };
  },
);

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
    // No volume test: PADFA has no threshold, and government-related data has none under 202.222 either.
    return {
      severity: "critical",
      message: `Activity "${ctx.activity.name}" discloses data by ${disclosureType === "sale" ? "sale" : "data brokerage"} to ${ctx.processor.name} (${formatList(recipient.reasons)}), which is prohibited`,
      facts: {
        disclosureType,
        recipientReasons: recipient.reasons,
        dojCategories: effectiveDojCategories(ctx.categories),
        destinationCountry: ctx.transfer.destinationCountry,
      },
    };
  },
);

/** 202.222: government-related data is covered at any volume. TODO(#15): implemented by the DOJ rules work. */
export const dojGovernmentRelated = defineTransferRule(
  {
    id: "transfer.doj-government-related",
    title: "Government-related data to a country of concern",
    severities: ["critical"],
    citation: "28 CFR 202.205, 202.222",
    remediation: "Stop the flow of government-related data to the recipient, whatever its volume.",
  },
  () => null,
);
