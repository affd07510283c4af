import type { TransferMechanism } from "@/db/schema/enums";
import { FACTS_AS_OF } from "./fact";

/*
 * Mainland China export routes, PIPL Art. 38-40 as adjusted by the Provisions on Promoting and Regulating
 * Cross-Border Data Flows (CAC, in force 2024-03-22), Art. 4, 5, 7, 8. Counts run from 1 January of the
 * current year and add up everything the same data handler has sent abroad ("自当年1月1日起累计"); in PRC
 * drafting "以上" (or more) includes the number and "不满" (under) excludes it.
 */
export const PIPL_EXPORT_THRESHOLDS = {
  /** Art. 7(2): 1,000,000 or more people's personal information (non-sensitive) -> CAC assessment. */
  cacNonSensitive: 1_000_000,
  /** Art. 7(2): 10,000 or more people's sensitive personal information -> CAC assessment. */
  cacSensitive: 10_000,
  /** Art. 8: 100,000 to under 1,000,000 non-sensitive, or under 10,000 sensitive -> contract or certification. */
  contractNonSensitive: 100_000,
  source:
    "PIPL Art. 38-40; Provisions on Promoting and Regulating Cross-Border Data Flows (2024-03-22) Art. 4, 5, 7, 8",
  asOf: FACTS_AS_OF,
} as const;

/**
 * PIPL Art. 55(4), 56: a personal-information protection impact assessment precedes every export, and its
 * report is kept for at least three years; the register treats an older one as due for renewal (DOMAIN.md §4).
 */
export const PIPIA_VALIDITY = {
  months: 36,
  source: "PIPL Art. 55(4), 56",
  asOf: FACTS_AS_OF,
} as const;

export type PiplRequirement = "cac_assessment" | "standard_contract_or_certification" | "exempt";

export interface PiplVolume {
  /** People whose non-sensitive personal information the exporter has sent abroad since 1 January. */
  nonSensitiveCount: number;
  /** People whose sensitive personal information the exporter has sent abroad since 1 January. */
  sensitiveCount: number;
  /** Critical information infrastructure operator: always a CAC assessment (PIPL Art. 40; 2024 Art. 7(1)). */
  isCiio?: boolean;
  /** Important data is exported: always a CAC assessment (DSL Art. 31; 2024 Art. 7(1), 7(2)). */
  importantData?: boolean;
}

function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number, got ${value}`);
}

/** The route a mainland export needs under the 2024 Provisions. Boundaries are inclusive ("以上"). */
export function requiredPiplMechanism(volume: PiplVolume): PiplRequirement {
  assertCount("nonSensitiveCount", volume.nonSensitiveCount);
  assertCount("sensitiveCount", volume.sensitiveCount);
  if (volume.isCiio || volume.importantData) return "cac_assessment";
  if (
    volume.nonSensitiveCount >= PIPL_EXPORT_THRESHOLDS.cacNonSensitive ||
    volume.sensitiveCount >= PIPL_EXPORT_THRESHOLDS.cacSensitive
  ) {
    return "cac_assessment";
  }
  if (volume.nonSensitiveCount >= PIPL_EXPORT_THRESHOLDS.contractNonSensitive || volume.sensitiveCount > 0) {
    return "standard_contract_or_certification";
  }
  // 2024 Art. 5(4): under 100,000 people's non-sensitive personal information, no sensitive -> exempt.
  return "exempt";
}

/**
 * Mechanisms that satisfy each requirement. A CAC assessment is the stricter route, so it also satisfies
 * the contract/certification tier; `null` means any mechanism (or none) will do.
 */
export const PIPL_ACCEPTED_MECHANISMS: Readonly<Record<PiplRequirement, readonly TransferMechanism[] | null>> = {
  cac_assessment: ["cac_assessment"],
  standard_contract_or_certification: ["pipl_standard_contract", "pipl_certification", "cac_assessment"],
  exempt: null,
};

/**
 * The Mainland-Hong Kong GBA standard contract: Implementation Guidelines of the CAC and the HKSAR Innovation,
 * Technology and Industry Bureau (2023-12-10, in force on publication), for processors and recipients
 * registered in the nine Guangdong cities of the Greater Bay Area or in Hong Kong.
 * - Art. 2 of the Guidelines excludes personal information that has been notified or published as important data.
 * - The Guidelines set no volume threshold of their own, but they cannot lift a duty of the PIPL itself: Art. 40
 *   requires a CAC security assessment of a CIIO and of a handler above the volumes the CAC sets (2024
 *   Provisions Art. 7). The register therefore accepts the GBA contract in place of the national standard
 *   contract only where a standard contract would do, never where a CAC assessment is required: the
 *   conservative reading, which a DPO with advice to the contrary can record as an accepted risk.
 */
export const GBA_STANDARD_CONTRACT = {
  replaces: "standard_contract_or_certification" as PiplRequirement,
  excludesImportantData: true,
  source:
    "Implementation Guidelines on the Standard Contract for the Cross-boundary Flow of Personal Information Within the Guangdong-Hong Kong-Macao Greater Bay Area (Mainland, Hong Kong), CAC and ITIB, 2023-12-10, Art. 2-5; PIPL Art. 40",
  asOf: FACTS_AS_OF,
} as const;

/**
 * The mechanisms a mainland export may rely on: those of its requirement, and on a Greater Bay Area flow
 * (`gbaFlow`: mainland <-> Hong Kong) the GBA standard contract wherever the national standard contract would do.
 */
export function acceptedPiplMechanisms(requirement: PiplRequirement, { gbaFlow }: { gbaFlow: boolean }): readonly TransferMechanism[] | null {
  const accepted = PIPL_ACCEPTED_MECHANISMS[requirement];
  if (accepted === null || !gbaFlow || requirement !== GBA_STANDARD_CONTRACT.replaces) return accepted;
  return [...accepted, "gba_standard_contract"];
}
