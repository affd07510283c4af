import { enumOptions } from "@/components/ui/filter-form";
import {
  ACCESS_TYPE_LABELS,
  DOJ_EXEMPTION_LABELS,
  ENCRYPTION_AT_REST_LABELS,
  ENCRYPTION_IN_TRANSIT_LABELS,
  FREQUENCY_LABELS,
  MECHANISM_LABELS,
  PIPL_EXEMPTION_LABELS,
} from "@/components/transfers/labels";
import {
  ACCESS_TYPES,
  DOJ_EXEMPTIONS,
  ENCRYPTION_AT_REST,
  ENCRYPTION_IN_TRANSIT,
  FREQUENCIES,
  PIPL_EXEMPTIONS,
  TRANSFER_MECHANISMS,
  VOLUME_UNITS,
} from "@/db/schema/enums";
import { listCountries } from "@/lib/jurisdictions/countries";
import type { TransferFormOptions } from "./transfer-form";

/** ISO 3166-1 countries by name, for every country select of the forms. */
export function countryOptions() {
  return listCountries().map((country) => ({ value: country.code, label: country.name }));
}

/**
 * The choices of the transfer form, labelled as the register shows them. `today` bounds the PIPIA date, which
 * records an assessment already made (the server checks it against its own today as well).
 */
export function transferFormOptions({ today }: { today: string }): TransferFormOptions {
  return {
    today,
    countries: countryOptions(),
    accessTypes: enumOptions(ACCESS_TYPES, ACCESS_TYPE_LABELS),
    volumeUnits: enumOptions(VOLUME_UNITS),
    frequencies: enumOptions(FREQUENCIES, FREQUENCY_LABELS),
    encryptionInTransit: enumOptions(ENCRYPTION_IN_TRANSIT, ENCRYPTION_IN_TRANSIT_LABELS),
    encryptionAtRest: enumOptions(ENCRYPTION_AT_REST, ENCRYPTION_AT_REST_LABELS),
    mechanisms: enumOptions(TRANSFER_MECHANISMS, MECHANISM_LABELS),
    dojExemptions: enumOptions(DOJ_EXEMPTIONS, DOJ_EXEMPTION_LABELS),
    piplExemptions: enumOptions(PIPL_EXEMPTIONS, PIPL_EXEMPTION_LABELS),
  };
}

/** Where the people whose data flows live: the regions the rules read (EU/UK for Chapter V, US-CA, CN). */
export const SUBJECT_REGION_OPTIONS = [
  { key: "EU", label: "European Union" },
  { key: "EEA", label: "European Economic Area (outside the EU)" },
  { key: "UK", label: "United Kingdom" },
  { key: "US", label: "United States" },
  { key: "US-CA", label: "California" },
  { key: "CN", label: "Mainland China" },
  { key: "HK", label: "Hong Kong" },
];
