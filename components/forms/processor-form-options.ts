import { enumOptions } from "@/components/ui/filter-form";
import { PROCESSOR_ROLES, PROCESSOR_SERVICES } from "@/db/schema/enums";
import type { ProcessorFormOptions } from "./processor-form";
import { countryOptions } from "./transfer-form-options";

/** The processor form's choices; `excludeId` keeps a processor from being offered as its own parent. */
export function processorFormOptions({
  parents,
  owners,
  excludeId,
}: {
  parents: readonly { id: string; name: string }[];
  owners: readonly { id: string; name: string; email: string }[];
  excludeId?: string;
}): ProcessorFormOptions {
  return {
    roles: enumOptions(PROCESSOR_ROLES),
    services: enumOptions(PROCESSOR_SERVICES),
    countries: countryOptions(),
    parents: parents.filter((parent) => parent.id !== excludeId).map((parent) => ({ value: parent.id, label: parent.name })),
    owners: owners.map((owner) => ({ value: owner.id, label: `${owner.name} <${owner.email}>` })),
  };
}
