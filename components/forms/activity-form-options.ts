import { enumOptions } from "@/components/ui/filter-form";
import { ART9_CONDITIONS, DISCLOSURE_TYPES, LEGAL_BASES } from "@/db/schema/enums";
import type { ActivityFormOptions } from "./activity-form";

/** The kinds of people the register usually names (DOMAIN.md §2); an activity may keep others it already lists. */
const COMMON_SUBJECT_CATEGORIES = [
  "App users (account holders)",
  "Children",
  "Bystanders caught on camera",
  "Customers",
  "Employees",
  "EU residents",
  "UK residents",
  "California residents",
  "Mainland China residents",
];

export function activityFormOptions({
  controllers,
  current = [],
}: {
  controllers: readonly { id: string; name: string; country: string }[];
  /** The activity's own categories, kept as choices even when not in the common list. */
  current?: readonly string[];
}): ActivityFormOptions {
  const subjects = [...new Set([...COMMON_SUBJECT_CATEGORIES, ...current])];
  return {
    controllers: controllers.map((entity) => ({ value: entity.id, label: `${entity.name} (${entity.country})` })),
    legalBases: enumOptions(LEGAL_BASES),
    art9Conditions: enumOptions(ART9_CONDITIONS),
    disclosureTypes: enumOptions(DISCLOSURE_TYPES),
    dataSubjectCategories: subjects.map((subject) => ({ key: subject, label: subject })),
  };
}
