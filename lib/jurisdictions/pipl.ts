import type { TransferMechanism } from "@/db/schema/enums";
import { FACTS_AS_OF } from "./fact";

/*
 * Mainland China export routes, PIPL Art. 38-40 as adjusted by the Provisions on Promoting and Regulating
 * Cross-Border Data Flows (CAC, in force 2024-03-22), Art. 5, 7, 8. Counts run from 1 January of the
 * current year; in PRC drafting "以上" (or more) includes the number and "不满" (under) excludes it.
 */
export const PIPL_EXPORT_THRESHOLDS = {
  /** Art. 7: 1,000,000 or more people's personal information (non-sensitive) -> CAC assessment. */
  cacNonSensitive: 1_000_000,
  /** Art. 7: 10,000 or more people's sensitive personal information -> CAC assessment. */
  cacSensitive: 10_000,
  /** Art. 8: 100,000 to under 1,000,000 non-sensitive, or under 10,000 sensitive -> contract or certification. */
  contractNonSensitive: 100_000,
  source:
    "PIPL Art. 38-40; Provisions on Promoting and Regulating Cross-Border Data Flows (2024-03-22) Art. 4, 5, 7, 8",
  asOf: FACTS_AS_OF,
} as const;

export type PiplRequirement = "cac_assessment" | "standard_contract_or_certification" | "exempt";

export interface PiplVolume {
  /** People whose non-sensitive personal information is exported since 1 January. */
  nonSensitiveCount: number;
  /** People whose sensitive personal information is exported since 1 January. */
  sensitiveCount: number;
  /** Critical information infrastructure operator: always a CAC assessment (PIPL Art. 40; 2024 Art. 7). */
  isCiio?: boolean;
  /** Important data is exported: always a CAC assessment (DSL Art. 31; 2024 Art. 7). */
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
  // 2024 Art. 5: under 100,000 people's non-sensitive personal information, no sensitive -> exempt.
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
