import { z } from "zod";
import { jsonExportSchema, JSON_SCHEMA_VERSION } from "./json";
import { reportDefinition } from "./reports";
import type { ExportReport } from "./request";

/*
 * The documented schema of every JSON export: the versioned envelope below (lib/exports/json.ts writes it),
 * then `rows`, each a record of the report's own schema (declared next to the report: ropaRecordSchema,
 * transferRecordSchema, ...). The same zod schemas type the writers, so the document and the code cannot
 * drift; GET /api/v1/exports/{report}/schema serves it as JSON Schema (draft 2020-12).
 *
 * Versioning: `schemaVersion` (and the URN in `schema`) changes only when a field is removed or changes
 * meaning; new fields may be added within a version, so consumers ignore fields they do not know.
 */

const controller = z.object({
  name: z.string(),
  legalName: z.string().nullable(),
  country: z.string().describe("ISO 3166-1 alpha-2"),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  dpoContact: z.string().nullable(),
  representativeContact: z.string().nullable().describe("GDPR Art. 27 representative in the Union"),
  ukRepresentativeContact: z.string().nullable().describe("UK GDPR Art. 27 representative in the United Kingdom"),
});

/** The zod schema of a report's whole JSON document. */
export function exportDocument(report: ExportReport) {
  const definition = reportDefinition(report);
  return z
    .object({
      schema: z.literal(jsonExportSchema(report)).describe("URN of this schema and version: check it before reading the rows"),
      schemaVersion: z.literal(JSON_SCHEMA_VERSION),
      report: z.literal(report),
      title: z.string(),
      template: z.string().describe("The layout: for ropa generic | ico | cnil (the JSON record is the same for all three)"),
      language: z.enum(["en", "fr"]).describe("The language of the title, notes and every ...Label field; codes, keys and ISO dates are the same in both"),
      generatedAt: z.string().describe("ISO 8601 timestamp, UTC"),
      generatedBy: z.string().nullable(),
      asOf: z.string().describe("YYYY-MM-DD: the day the register is described as of"),
      pointInTime: z.boolean().describe("True: the register rebuilt as it stood at the end of asOf, from the audit trail"),
      includePending: z.boolean().describe("False: approved records only; true: pending ones too, each record's `pending` saying what is unapproved"),
      period: z.object({ from: z.string(), to: z.string() }).nullable().describe("The audit trail's period (UTC days, inclusive); null for the other reports"),
      auditChainHead: z.string().nullable().describe("Hash of the latest audit event when the export ran"),
      controllers: z.array(controller).describe("The controllers (the organisation's entity records), with their address, DPO and EU and UK representative contacts"),
      notes: z.record(z.string(), z.string()).describe("Report-specific facts (window, statements, chain verification)"),
      rows: z.array(definition.jsonSchema),
    })
    .describe(`${definition.title}: JSON export, schema version ${JSON_SCHEMA_VERSION}`);
}

/** The JSON Schema (draft 2020-12) of a report's JSON export. */
export function exportJsonSchema(report: ExportReport): Record<string, unknown> {
  const json = z.toJSONSchema(exportDocument(report), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...json, $schema: "https://json-schema.org/draft/2020-12/schema", $id: jsonExportSchema(report) };
}
