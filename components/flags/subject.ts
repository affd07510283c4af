import type { FlagDetail } from "@/db/queries/flags";
import type { Locale } from "@/lib/i18n/locales";
import { enumLabel } from "@/lib/labels";

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

// i18n-namespace: flags
/** The "flags" namespace's translator (next-intl's useTranslations or getTranslations), as far as this module uses it. */
export type FlagsTranslator = (key: string, values?: Record<string, string | number>) => string;

/**
 * What a flag is about, as a label and the page that shows it: a transfer's own page, a processor's page,
 * and for an agreement its processor's page (agreements have no page of their own). No link when the
 * subject is gone (a flag outlives a deleted record).
 */
export function flagSubject(flag: FlagSubjectFields, t: FlagsTranslator, locale: Locale): { label: string; href: string | null } {
  const processor = flag.subjectProcessorName ?? t("subject.unknownProcessor");
  switch (flag.subjectType) {
    case "transfer":
      if (flag.transferOriginCountry === null || flag.transferDestinationCountry === null) {
        return { label: t("subject.transferGone"), href: null };
      }
      return {
        // Codes keep a table cell short; the transfer's page spells the countries out.
        label: t("subject.transfer", { processor, origin: flag.transferOriginCountry, destination: flag.transferDestinationCountry }),
        href: `/transfers/${flag.subjectId}`,
      };
    case "processor":
      return { label: flag.subjectProcessorName ?? t("subject.processorGone"), href: flag.subjectProcessorName ? `/processors/${flag.subjectId}` : null };
    case "agreement":
      if (flag.agreementType === null) return { label: t("subject.agreementGone"), href: null };
      return {
        label: t("subject.agreement", { type: enumLabel("agreementType", flag.agreementType, locale), processor }),
        href: flag.subjectProcessorId ? `/processors/${flag.subjectProcessorId}` : null,
      };
    case "activity":
      return { label: t("subject.activity"), href: `/activities/${flag.subjectId}` };
    case "notice":
      return { label: t("subject.notice"), href: "/notice" };
  }
}
