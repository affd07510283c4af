import type { Locale } from "@/lib/i18n/locales";
import { enumOptions } from "@/lib/labels";
import type { ProcessorFormOptions } from "./processor-form";
import { countryOptions } from "./transfer-form-options";

/** The processor form's choices, in the reader's language; `excludeId` keeps a processor from being offered as its own parent. */
export function processorFormOptions({
  parents,
  owners,
  excludeId,
  locale,
}: {
  parents: readonly { id: string; name: string }[];
  owners: readonly { id: string; name: string; email: string }[];
  excludeId?: string;
  locale: Locale;
}): ProcessorFormOptions {
  return {
    roles: enumOptions("processorRole", locale),
    services: enumOptions("processorService", locale),
    countries: countryOptions(locale),
    parents: parents.filter((parent) => parent.id !== excludeId).map((parent) => ({ value: parent.id, label: parent.name })),
    owners: owners.map((owner) => ({ value: owner.id, label: `${owner.name} <${owner.email}>` })),
  };
}
