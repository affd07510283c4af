import {
  ACCESS_TYPES,
  DOJ_EXEMPTIONS,
  ENCRYPTION_AT_REST,
  ENTITY_ROLES,
  ENCRYPTION_IN_TRANSIT,
  FREQUENCIES,
  PIPL_EXEMPTIONS,
  PROCESSOR_ROLES,
  PROCESSOR_SERVICES,
  TRANSFER_MECHANISMS,
  TRANSFER_STATUSES,
  VOLUME_UNITS,
} from "@/db/schema/enums";
import { DOJ_EXEMPTION_LABELS } from "@/lib/jurisdictions/doj-exemptions";
import { PIPL_EXEMPTION_LABELS } from "@/lib/jurisdictions/pipl-exemptions";
import type { CheckedEntity, CheckedProcessor, CheckedRow, CheckedTransfer } from "./rows";

/*
 * The layout of an import file: an "entities" sheet (the organisation's own legal entities), a "processors"
 * sheet and a "transfers" sheet (or one CSV of each kind), a header
 * row of DOMAIN.md §2 camelCase field names, one record per row. The header names ARE the API field names, so
 * a zod issue path maps to a column without a table. Lists (dataCategories, subjectRegions) hold several
 * values separated by LIST_SEPARATOR. An empty cell means "the default" (or null for optional text).
 *
 * Transfers name their references instead of carrying ids: the processor by processorExternalId (preferred)
 * or processorName (compared normalised, lib/processors/normalize-name.ts), the activity by activityName and
 * the exporter entity by exporterName. A transfer may reference a processor created by the same file.
 *
 * Idempotency keys: an entity by its name (unique; transfers name their exporter by it, so an exporter may be an
 * entity of the same file); a processor by externalId, else by its normalised name; a transfer by externalId,
 * which is therefore required in the import (a transfer has no natural key). Entities are the DPO's: another
 * role's file may only repeat them unchanged.
 */

// The order of the template's sheets and of the problems: the entities first, as a company records them first.
export const IMPORT_KINDS = ["entities", "processors", "transfers"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const LIST_SEPARATOR = ";";

export type ColumnType = "text" | "boolean" | "integer" | "date" | "list" | "enum" | "country";

export interface ImportColumn {
  name: string;
  type: ColumnType;
  required: boolean;
  description: string;
  values?: readonly string[];
  /** What each allowed value means, for the template's "Read me" (a file carries the value, a person reads the label). */
  valueLabels?: Readonly<Record<string, string>>;
  example: string;
}

export const ENTITY_COLUMNS: readonly ImportColumn[] = [
  { name: "name", type: "text", required: true, description: "Short name of the entity, unique; re-imports match on it, and transfers name their exporter by it.", example: "Example Inc." },
  { name: "legalName", type: "text", required: false, description: "Registered legal name.", example: "Example Incorporated" },
  { name: "country", type: "country", required: true, description: "Country of the entity, ISO 3166-1 alpha-2.", example: "US" },
  { name: "role", type: "enum", required: true, values: ENTITY_ROLES, description: "controller (decides why and how) or processor (processes for another group company).", example: "controller" },
  { name: "address", type: "text", required: false, description: "Postal address.", example: "1 Main Street, Springfield, USA" },
  { name: "phone", type: "text", required: false, description: "Phone number.", example: "" },
  { name: "dpoContact", type: "text", required: false, description: "Data protection officer's name and contact (GDPR Art. 37(7)); named on the Art. 30 record.", example: "Jane Doe, dpo@example.com" },
  { name: "representativeContact", type: "text", required: false, description: "Representative in the EU (GDPR Art. 27), where designated.", example: "" },
  { name: "ukRepresentativeContact", type: "text", required: false, description: "Representative in the UK (UK GDPR Art. 27), where designated.", example: "" },
  { name: "ciio", type: "boolean", required: false, description: "Critical information infrastructure operator under PIPL Art. 40 (true/false). Default false.", example: "false" },
];

export const PROCESSOR_COLUMNS: readonly ImportColumn[] = [
  { name: "externalId", type: "text", required: false, description: "Key of the processor in your own tooling; re-imports match on it (else on the normalised name).", example: "vendor-acme" },
  { name: "name", type: "text", required: true, description: "Trading name; unique after normalisation (case, accents, legal form).", example: "Acme Cloud GmbH" },
  { name: "legalName", type: "text", required: false, description: "Registered legal name.", example: "Acme Cloud Europe GmbH" },
  { name: "website", type: "text", required: false, description: "http(s) address.", example: "https://acme.example" },
  { name: "role", type: "enum", required: true, values: PROCESSOR_ROLES, description: "Role of the recipient.", example: "processor" },
  { name: "service", type: "enum", required: true, values: PROCESSOR_SERVICES, description: "Service provided.", example: "hosting" },
  { name: "country", type: "country", required: true, description: "Country of establishment, ISO 3166-1 alpha-2.", example: "DE" },
  { name: "dpfCertified", type: "boolean", required: false, description: "EU-US Data Privacy Framework certified (true/false).", example: "false" },
  { name: "dpfExpiry", type: "date", required: false, description: "DPF certification expiry, YYYY-MM-DD.", example: "" },
  {
    name: "dpfUkExtension",
    type: "boolean",
    required: false,
    description: "The DPF certification includes the UK Extension (true/false): UK data to a US importer relies on it, not on the EU-US certification alone. Default false.",
    example: "false",
  },
  { name: "coveredPerson", type: "boolean", required: false, description: "28 CFR 202.211 covered person (true/false).", example: "false" },
  { name: "notes", type: "text", required: false, description: "Free text.", example: "Hosts the EU tenant." },
];

export const TRANSFER_COLUMNS: readonly ImportColumn[] = [
  { name: "externalId", type: "text", required: true, description: "Key of the transfer in your own tooling; re-imports match on it.", example: "flow-0001" },
  { name: "processorExternalId", type: "text", required: false, description: "The recipient's externalId (this file or the register). Give it or processorName.", example: "vendor-acme" },
  { name: "processorName", type: "text", required: false, description: "The recipient's name, used when processorExternalId is empty.", example: "Acme Cloud GmbH" },
  { name: "activityName", type: "text", required: true, description: "Name of an existing processing activity.", example: "Customer accounts" },
  { name: "exporterName", type: "text", required: true, description: "Name of an existing exporting entity.", example: "Example Inc." },
  { name: "originCountry", type: "country", required: true, description: "Where the data sits, ISO 3166-1 alpha-2.", example: "US" },
  { name: "destinationCountry", type: "country", required: true, description: "Where the recipient receives or reads it, ISO 3166-1 alpha-2.", example: "DE" },
  { name: "accessType", type: "enum", required: false, values: ACCESS_TYPES, description: "Default storage.", example: "storage" },
  { name: "dataCategories", type: "list", required: false, description: `Data category keys separated by "${LIST_SEPARATOR}".`, example: "user.contact.email;user.name" },
  { name: "subjectRegions", type: "list", required: false, description: `Regions of the data subjects (EU, UK, US-CA, CN...) separated by "${LIST_SEPARATOR}".`, example: "EU;US-CA" },
  { name: "estimatedSubjects", type: "integer", required: false, description: "People (or devices) per 12 months. Default 0.", example: "50000" },
  { name: "volumeUnit", type: "enum", required: false, values: VOLUME_UNITS, description: "Default people.", example: "people" },
  { name: "frequency", type: "enum", required: false, values: FREQUENCIES, description: "Default continuous.", example: "continuous" },
  { name: "encryptionInTransit", type: "enum", required: false, values: ENCRYPTION_IN_TRANSIT, description: "Default none.", example: "tls1_3" },
  { name: "encryptionAtRest", type: "enum", required: false, values: ENCRYPTION_AT_REST, description: "Default none.", example: "provider_keys" },
  { name: "mechanism", type: "enum", required: false, values: TRANSFER_MECHANISMS, description: "Transfer mechanism. Default none.", example: "scc" },
  { name: "tiaDate", type: "date", required: false, description: "Transfer impact assessment date, YYYY-MM-DD.", example: "2026-01-15" },
  { name: "cisaRequirementsMet", type: "boolean", required: false, description: "CISA security requirements met (true/false).", example: "false" },
  { name: "reExportOfForeignData", type: "boolean", required: false, description: "PIPL re-export of data collected abroad (true/false).", example: "false" },
  {
    name: "dojExemption",
    type: "enum",
    required: false,
    values: DOJ_EXEMPTIONS,
    valueLabels: DOJ_EXEMPTION_LABELS,
    description: "US DOJ exemption claimed (28 CFR 202.501-202.511): reported as exempt in the DOJ report, not flagged. Empty: none claimed. Needs dojExemptionJustification.",
    example: "",
  },
  { name: "dojExemptionJustification", type: "text", required: false, description: "Why the DOJ exemption applies; required when dojExemption is given.", example: "" },
  { name: "importantData", type: "boolean", required: false, description: "PIPL: the export contains important data (true/false): a CAC security assessment at any volume (PIPL Art. 40). Default false.", example: "false" },
  {
    name: "piplExemption",
    type: "enum",
    required: false,
    values: PIPL_EXEMPTIONS,
    valueLabels: PIPL_EXEMPTION_LABELS,
    description: "PIPL exemption claimed (2024 Provisions Art. 5): out of the counts and the PIPL routes. Empty: none claimed.",
    example: "",
  },
  { name: "piplSeparateConsent", type: "boolean", required: false, description: "PIPL Art. 39: the individuals gave separate consent to the export (true/false). Default false.", example: "false" },
  { name: "pipiaDate", type: "date", required: false, description: "PIPL Art. 55-56 personal-information protection impact assessment date, YYYY-MM-DD, not in the future.", example: "" },
  { name: "startDate", type: "date", required: false, description: "YYYY-MM-DD.", example: "" },
  { name: "endDate", type: "date", required: false, description: "YYYY-MM-DD.", example: "" },
  { name: "status", type: "enum", required: false, values: TRANSFER_STATUSES, description: "Default draft.", example: "draft" },
  { name: "notes", type: "text", required: false, description: "Free text.", example: "" },
];

export const COLUMNS: Record<ImportKind, readonly ImportColumn[]> = { entities: ENTITY_COLUMNS, processors: PROCESSOR_COLUMNS, transfers: TRANSFER_COLUMNS };

/** The reference columns of a transfer: resolved to ids, never passed to the schema. */
export const TRANSFER_REFERENCE_COLUMNS = ["processorExternalId", "processorName", "activityName", "exporterName"] as const;

/** One data row of a sheet as read: its 1-based spreadsheet row number (the header is row 1) and its cells by column. */
export interface RawRow {
  row: number;
  values: Record<string, string>;
}

/**
 * A file as read: for each sheet, one entry per row with data, in sheet order, holding what the row's own checks
 * made of it (./rows.ts), or null where they found a problem; and the problems found while reading (unknown
 * columns, each row's own), which the plan (./validate.ts) continues.
 */
export interface ImportRows {
  entities: CheckedRow<CheckedEntity>[];
  processors: CheckedRow<CheckedProcessor>[];
  transfers: CheckedRow<CheckedTransfer>[];
  /** The first MAX_REPORTED_PROBLEMS problems found while reading, in the order found. */
  problems: ImportProblem[];
  /** Every problem found while reading, listed or not. */
  problemCount: number;
}

export interface ImportProblem {
  sheet: ImportKind;
  /** 1-based spreadsheet row, the header being row 1. */
  row: number;
  column: string;
  message: string;
}
