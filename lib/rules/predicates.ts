import type { AgreementType, ProcessorRole } from "@/db/schema/enums";
import type { AdequacyRegion } from "@/lib/jurisdictions/adequacy";
import { isCountryOfConcern } from "@/lib/jurisdictions/countries-of-concern";
import { isEea } from "@/lib/jurisdictions/eea";
import { addMonths, type IsoDate, isAfter, isBefore } from "./iso-date";
import type { AgreementFacts, ProcessorFacts, TransferFacts } from "./types";

/* Shared definitions the rules (and the DB layer, through snapshot.ts) must agree on. */

/**
 * A transfer counts as active unless it was rejected, is marked ended, or its end date has passed.
 * Drafts, submissions and planned flows (start date ahead) are active on purpose: the register describes
 * flows as engineers declare them, and a problem should show before the DPO approves, not after.
 */
export function isTransferActive(transfer: Pick<TransferFacts, "status" | "endDate">, today: IsoDate): boolean {
  if (transfer.status === "rejected" || transfer.status === "ended") return false;
  return transfer.endDate === null || !isBefore(transfer.endDate, today);
}

/**
 * Signed on or before today, effective (no date or on/before today) and not expired. An agreement whose
 * expiry date is today is still active today; it is expired from the next day.
 */
export function isAgreementActive(agreement: AgreementFacts, today: IsoDate): boolean {
  if (agreement.signedDate === null || isAfter(agreement.signedDate, today)) return false;
  if (agreement.effectiveDate !== null && isAfter(agreement.effectiveDate, today)) return false;
  return agreement.expiryDate === null || !isBefore(agreement.expiryDate, today);
}

export function isAgreementExpired(agreement: AgreementFacts, today: IsoDate): boolean {
  return agreement.expiryDate !== null && isBefore(agreement.expiryDate, today);
}

/**
 * Agreements that bind the recipient to process on the exporter's behalf or under its terms (GDPR 28(3),
 * Cal. Civ. Code 1798.100(d), PIPL Art. 21 and 38): the DPA itself, or a transfer tool that contains the
 * same obligations. Excluded: confidentiality agreements (no processing terms) and "other".
 * The GBA standard contract counts too, but only for the flows it can govern (see isGbaFlow).
 */
export const PROCESSING_AGREEMENT_TYPES = [
  "dpa",
  "scc",
  "pipl_standard_contract",
  "hk_model_clauses",
  "ccpa_service_provider",
  "bcr",
] as const satisfies readonly AgreementType[];

/**
 * The Mainland-Hong Kong GBA standard contract (CAC/ITIB 2023) governs flows between Hong Kong and the
 * nine Guangdong cities of the Greater Bay Area only. City-level location is not recorded, so any CN <-> HK
 * flow is accepted.
 */
export function isGbaFlow(origin: string, destination: string): boolean {
  const from = origin.toUpperCase();
  const to = destination.toUpperCase();
  return (from === "CN" && to === "HK") || (from === "HK" && to === "CN");
}

export function isProcessingAgreementFor(agreement: AgreementFacts, transfer: TransferFacts): boolean {
  if ((PROCESSING_AGREEMENT_TYPES as readonly AgreementType[]).includes(agreement.type)) return true;
  return agreement.type === "gba_standard_contract" && isGbaFlow(transfer.originCountry, transfer.destinationCountry);
}

/**
 * The recipient's own agreement covers the transfer when it covers all its transfers or lists this one.
 * A parent's agreement (the processor that engaged the recipient) covers it only when it permits
 * sub-processing with flow-down of the same obligations (GDPR 28(2), 28(4)).
 */
export function agreementCoversTransfer(
  agreement: AgreementFacts,
  transfer: TransferFacts,
  processorChain: readonly ProcessorFacts[],
): boolean {
  const listed = agreement.coversAllTransfers || agreement.transferIds.includes(transfer.id);
  if (agreement.processorId === transfer.processorId) return listed;
  if (processorChain.some((p) => p.id === agreement.processorId)) {
    return listed && agreement.permitsSubprocessing && agreement.flowDown;
  }
  return false;
}

export function activeCoveringAgreements(
  ctx: {
    today: IsoDate;
    transfer: TransferFacts;
    processorChain: readonly ProcessorFacts[];
    agreements: readonly AgreementFacts[];
  },
): AgreementFacts[] {
  return ctx.agreements.filter(
    (a) => agreementCoversTransfer(a, ctx.transfer, ctx.processorChain) && isAgreementActive(a, ctx.today),
  );
}

/**
 * DPF certification valid today: certified, and the re-certification date not passed (a certification due
 * today is still valid today). Certified with no recorded date counts as valid: the DPF list shows the
 * organisation as active and the date is simply not recorded. For UK subjects the UK Extension is needed.
 */
export function isDpfValid(processor: ProcessorFacts, today: IsoDate, region: AdequacyRegion = "EU"): boolean {
  if (!processor.dpfCertified) return false;
  if (region === "UK" && processor.dpfUkExtension === false) return false;
  return processor.dpfExpiry === null || !isBefore(processor.dpfExpiry, today);
}

/**
 * Which GDPR regimes reach the transfer: "EU"/"EEA" or an EEA country code -> EU GDPR; "UK"/"GB" -> UK GDPR.
 * Other regions ("US-CA", "CN") bring no GDPR Chapter V duty.
 */
export function gdprRegions(subjectRegions: readonly string[]): readonly AdequacyRegion[] {
  // Several rules ask for every transfer, and a register holds few distinct lists: derive each once.
  const key = subjectRegions.join("\u0000");
  let regions = GDPR_REGIONS.get(key);
  if (regions === undefined) {
    regions = Object.freeze(deriveGdprRegions(subjectRegions));
    if (GDPR_REGIONS.size >= 10_000) GDPR_REGIONS.clear();
    GDPR_REGIONS.set(key, regions);
  }
  return regions;
}

const GDPR_REGIONS = new Map<string, readonly AdequacyRegion[]>();

function deriveGdprRegions(subjectRegions: readonly string[]): AdequacyRegion[] {
  const regions = new Set<AdequacyRegion>();
  for (const raw of subjectRegions) {
    const region = raw.trim().toUpperCase();
    if (region === "EU" || region === "EEA" || isEea(region)) regions.add("EU");
    else if (region === "UK" || region === "GB") regions.add("UK");
  }
  return [...regions].sort();
}

/** California consumers among the subjects (region "US-CA"): the CCPA's contract duties apply (1798.100(d)). */
export function hasCaliforniaSubjects(subjectRegions: readonly string[]): boolean {
  return subjectRegions.some((region) => region.trim().toUpperCase() === "US-CA");
}

/**
 * Whether the recipient processes on the exporter's behalf or decides for itself. A sub-processor and an
 * affiliate (recorded as a group company acting on instructions) process for the exporter, as a processor
 * does (GDPR Art. 28(3), 28(4)); an independent or joint controller decides purposes and means (Art. 4(7), 26).
 */
export function recipientActsAs(role: ProcessorRole): "processor" | "controller" {
  return role === "controller" || role === "joint_controller" ? "controller" : "processor";
}

export interface RecipientConcern {
  concern: boolean;
  /** e.g. ["processor country CN", "destination HK", "covered person"]. */
  reasons: string[];
}

/**
 * 28 CFR 202.401 / 202.301 reach a transaction with a country of concern (202.601, China incl. HK and MO)
 * or a covered person (202.211). The recipient's country of establishment, the destination where the data
 * is accessed, and the covered-person mark each suffice.
 */
export function recipientOfConcern(processor: ProcessorFacts, destinationCountry: string): RecipientConcern {
  const reasons: string[] = [];
  if (isCountryOfConcern(processor.country)) reasons.push(`processor country ${processor.country}`);
  if (isCountryOfConcern(destinationCountry)) reasons.push(`destination ${destinationCountry}`);
  if (processor.coveredPerson) reasons.push("covered person");
  return { concern: reasons.length > 0, reasons };
}

/** Start of the DOJ look-back: 202.205 counts "at any point in the preceding 12 months". */
export function twelveMonthsBefore(today: IsoDate): IsoDate {
  // Asked once per assessed transfer, nearly always for the same day.
  if (lastWindow?.today !== today) lastWindow = { today, start: addMonths(today, -12) };
  return lastWindow.start;
}

let lastWindow: { today: IsoDate; start: IsoDate } | null = null;
