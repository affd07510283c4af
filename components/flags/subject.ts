import type { FlagDetail } from "@/db/queries/flags";
import { AGREEMENT_TYPE_LABELS } from "@/lib/rules/labels";

export type FlagSubjectFields = Pick<
  FlagDetail,
  | "subjectType"
  | "subjectId"
  | "subjectProcessorId"
  | "subjectProcessorName"
  | "transferOriginCountry"
  | "transferDestinationCountry"
  | "agreementType"
>;

/**
 * What a flag is about, as a label and the page that shows it: a transfer's own page, a processor's page,
 * and for an agreement its processor's page (agreements have no page of their own). No link when the
 * subject is gone (a flag outlives a deleted record).
 */
export function flagSubject(flag: FlagSubjectFields): { label: string; href: string | null } {
  const processor = flag.subjectProcessorName ?? "an unknown processor";
  switch (flag.subjectType) {
    case "transfer":
      if (flag.transferOriginCountry === null || flag.transferDestinationCountry === null) {
        return { label: "A transfer no longer in the register", href: null };
      }
      return {
        // Codes keep a table cell short; the transfer's page spells the countries out.
        label: `Transfer to ${processor} (${flag.transferOriginCountry} → ${flag.transferDestinationCountry})`,
        href: `/transfers/${flag.subjectId}`,
      };
    case "processor":
      return { label: flag.subjectProcessorName ?? "A processor no longer in the register", href: flag.subjectProcessorName ? `/processors/${flag.subjectId}` : null };
    case "agreement":
      if (flag.agreementType === null) return { label: "An agreement no longer in the register", href: null };
      return {
        label: `${AGREEMENT_TYPE_LABELS[flag.agreementType]} with ${processor}`,
        href: flag.subjectProcessorId ? `/processors/${flag.subjectProcessorId}` : null,
      };
  }
}
