import type { VolumeUnit } from "@/db/schema/enums";
import { countryName, enumLabels } from "@/lib/labels";

/*
 * The register's enum labels, as this module has always exported them: thin views of the label catalogue
 * (lib/labels), the one source of every label in English and French. New code calls enumLabel(kind, value,
 * locale) directly; these English maps stay so that existing callers keep working.
 */

// The DOJ exemptions' labels carry their section: "Corporate group transaction (28 CFR 202.506)".
export { DOJ_EXEMPTION_LABELS } from "@/lib/jurisdictions/doj-exemptions";
// The PIPL Art. 5 exemptions' labels carry their article: "Emergency: ... (2024 Provisions Art. 5(3))".
export { PIPL_EXEMPTION_LABELS } from "@/lib/jurisdictions/pipl-exemptions";

export const MECHANISM_LABELS = enumLabels("transferMechanism");
export const ENCRYPTION_IN_TRANSIT_LABELS = enumLabels("encryptionInTransit");
export const ENCRYPTION_AT_REST_LABELS = enumLabels("encryptionAtRest");
export const ACCESS_TYPE_LABELS = enumLabels("accessType");
export const FREQUENCY_LABELS = enumLabels("frequency");
/** EU SCCs 2021/914 modules. */
export const SCC_MODULE_LABELS = enumLabels("sccModule");
/** 28 CFR 202.249 kinds of sensitive personal data. */
export const DOJ_CATEGORY_LABELS = enumLabels("dojCategory");
/** 28 CFR 202.234 kinds of listed identifier, with the paragraph that lists each. */
export const DOJ_IDENTIFIER_KIND_LABELS = enumLabels("dojIdentifierKind");

/**
 * "snake_case" -> "snake case". Every enum value now has a label (enumLabel): this is for text that is not an
 * enum value, and for callers not yet moved to the catalogue.
 */
export function humanize(value: string): string {
  return value.replace(/_/g, " ");
}

/** English country name, or the code itself when the code is unknown (countryName(code, locale) for French). */
export function countryLabel(code: string): string {
  return countryName(code);
}

/** 1240 people -> "1,240 people"; one device -> "1 device". The number in the reader's locale when the caller has one. */
export function formatVolume(
  count: number,
  unit: VolumeUnit,
  formatNumber: (value: number) => string = (value) => value.toLocaleString("en-US"),
): string {
  const noun = count === 1 ? unit.replace(/s$/, "") : unit;
  return `${formatNumber(count)} ${noun}`;
}
