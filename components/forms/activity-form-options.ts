import { COMMON_SUBJECT_CATEGORIES } from "@/components/activities/subject-categories";
import type { Locale } from "@/lib/i18n/locales";
import { enumOptions } from "@/lib/labels";
import type { ActivityFormOptions } from "./activity-form";

/**
 * The choices of the activity form, in the reader's language. The categories of data subjects are values as
 * stored (the organisation's words); the form names the common ones in the reader's language.
 */
export function activityFormOptions({
  controllers,
  current = [],
  locale,
}: {
  controllers: readonly { id: string; name: string; country: string }[];
  /** The activity's own categories, kept as choices even when not in the common list. */
  current?: readonly string[];
  locale: Locale;
}): ActivityFormOptions {
  const subjects = [...new Set([...COMMON_SUBJECT_CATEGORIES.map((subject) => subject.value), ...current])];
  return {
    // "Acme Cameras GmbH (DE)": the e2e journeys choose the controller by this label.
    controllers: controllers.map((entity) => ({ value: entity.id, label: `${entity.name} (${entity.country})` })),
    legalBases: enumOptions("legalBasis", locale),
    art9Conditions: enumOptions("art9Condition", locale),
    disclosureTypes: enumOptions("disclosureType", locale),
    securityMeasures: enumOptions("securityMeasure", locale),
    dataSubjectCategories: subjects,
  };
}
