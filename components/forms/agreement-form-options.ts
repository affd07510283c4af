import type { AccessType } from "@/db/schema/enums";
import type { Locale } from "@/lib/i18n/locales";
import { countryName, enumLabel, enumOptions } from "@/lib/labels";
import type { AgreementFormOptions } from "./agreement-form";

/** The agreement form's choices, in the reader's language; the transfers are the processor's, named by purpose and destination. */
export function agreementFormOptions({
  transfers,
  locale,
}: {
  transfers: readonly { id: string; activityName: string; destinationCountry: string; accessType: AccessType }[];
  locale: Locale;
}): AgreementFormOptions {
  return {
    types: enumOptions("agreementType", locale),
    sccModules: enumOptions("sccModule", locale),
    transfers: transfers.map((transfer) => ({
      key: transfer.id,
      label: `${transfer.activityName} → ${countryName(transfer.destinationCountry, locale)} (${enumLabel("accessType", transfer.accessType, locale)})`,
    })),
  };
}
