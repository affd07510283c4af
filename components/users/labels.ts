import type { UserRole } from "@/db/schema/enums";
import type { Locale } from "@/lib/i18n/locales";
import { enumLabel, enumOptions } from "@/lib/labels";

/** A role's name in the reader's language, from the label catalogue (its userRole kind names every role). */
export function roleLabel(role: UserRole, locale: Locale): string {
  return enumLabel("userRole", role, locale);
}

// Client components list the roles from here: importing the schema's enums would ship drizzle to the browser.
export const ROLE_OPTIONS: readonly UserRole[] = enumOptions("userRole").map((option) => option.value);
