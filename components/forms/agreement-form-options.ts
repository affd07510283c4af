import { enumOptions } from "@/components/ui/filter-form";
import { ACCESS_TYPE_LABELS, SCC_MODULE_LABELS, countryLabel } from "@/components/transfers/labels";
import { AGREEMENT_TYPES, SCC_MODULES, type AccessType } from "@/db/schema/enums";
import { AGREEMENT_TYPE_LABELS } from "@/lib/rules/labels";
import type { AgreementFormOptions } from "./agreement-form";

/** The agreement form's choices; the transfers are the processor's, named by purpose and destination. */
export function agreementFormOptions({
  transfers,
}: {
  transfers: readonly { id: string; activityName: string; destinationCountry: string; accessType: AccessType }[];
}): AgreementFormOptions {
  return {
    types: enumOptions(AGREEMENT_TYPES, AGREEMENT_TYPE_LABELS),
    sccModules: enumOptions(SCC_MODULES, SCC_MODULE_LABELS),
    transfers: transfers.map((transfer) => ({
      key: transfer.id,
      label: `${transfer.activityName} → ${countryLabel(transfer.destinationCountry)} (${ACCESS_TYPE_LABELS[transfer.accessType]})`,
    })),
  };
}
