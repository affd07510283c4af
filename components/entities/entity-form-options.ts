import { countryOptions } from "@/components/forms/transfer-form-options";
import { enumOptions } from "@/components/ui/filter-form";
import { ENTITY_ROLES } from "@/db/schema/enums";
import type { EntityFormOptions } from "./entity-form";
import { ENTITY_ROLE_LABELS } from "./labels";

/** The entity form's choices, in words: country names, roles as "Controller" / "Processor". */
export function entityFormOptions(): EntityFormOptions {
  return { countries: countryOptions(), roles: enumOptions(ENTITY_ROLES, ENTITY_ROLE_LABELS) };
}
