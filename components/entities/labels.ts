import type { EntityRole } from "@/db/schema/enums";
import { enumLabel, enumLabels, type Locale } from "@/lib/labels";

/** The entity roles in words (an entity is the controller of its processing, or processes for another group company); from the label catalogue. */
export const ENTITY_ROLE_LABELS = enumLabels("entityRole");

export function entityRoleLabel(role: EntityRole, locale: Locale = "en"): string {
  return enumLabel("entityRole", role, locale);
}

/** Why the form asks about critical information infrastructure (PIPL Art. 40), in the reader's words. */
export const CIIO_EXPLANATION =
  "A critical information infrastructure operator (PIPL Art. 40) must store personal information collected in China inside China; any export needs a CAC security assessment, whatever the volume.";

/** Why the form asks for the representatives (GDPR and UK GDPR Art. 27). */
export const REPRESENTATIVE_EXPLANATION =
  "An entity established outside the EU (or the UK) that offers goods or services to people there, or monitors them, designates a representative in the Union (GDPR Art. 27) and one in the United Kingdom (UK GDPR Art. 27). Leave empty where none is designated.";
