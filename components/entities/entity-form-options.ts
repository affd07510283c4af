import { countryOptions } from "@/components/forms/transfer-form-options";
import type { Locale } from "@/lib/i18n/locales";
import { enumOptions } from "@/lib/labels";
import type { EntityFormOptions } from "./entity-form";

/** The entity form's choices in the reader's language: country names, roles as "Controller" / "Processor". */
export function entityFormOptions(locale: Locale): EntityFormOptions {
  return { countries: countryOptions(locale), roles: enumOptions("entityRole", locale) };
}
