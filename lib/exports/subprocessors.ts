import { z } from "zod";
import { iterateSubprocessors, type SubprocessorRow } from "@/db/queries/export-subprocessors";
import { SEVERITIES } from "@/db/schema/enums";
import { countryName } from "@/lib/jurisdictions/countries";
import type { ExportColumn, ReportDefinition } from "./report";

/*
 * The sub-processor list (GDPR Art. 28(2), 28(4); DOMAIN.md §2 "a sub-processor hangs under the processor
 * that engaged it"): every recipient in engagement order with its chain from the top, and, for a
 * sub-processor, whether its parent's active agreement allows sub-processing with the same obligations
 * flowed down: the fact processor.onward-uncovered checks.
 */

const yesNo = (value: boolean) => (value ? "Yes" : "No");

/** The parent's contract, as Art. 28(2) and 28(4) read it; null for a processor engaged by the company itself. */
function onwardTransfer(row: SubprocessorRow): string | null {
  if (row.parentId === null) return null;
  if (row.parentFlowDown) return "Permitted, obligations flowed down";
  if (row.parentPermitsSubprocessing) return "Permitted, but obligations NOT flowed down (Art. 28(4))";
  return "NOT permitted by an active agreement of the parent (Art. 28(2))";
}

function dpf(row: SubprocessorRow): string {
  if (!row.dpfCertified) return "No";
  return row.dpfExpiry ? `Yes, until ${row.dpfExpiry}` : "Yes";
}

const chainText = (row: SubprocessorRow) => row.chain.join(" › ");

export const SUBPROCESSOR_COLUMNS: readonly ExportColumn<SubprocessorRow>[] = [
  { header: "Processor ID", width: 38, value: (r) => r.id },
  { header: "Level", width: 7, value: (r) => r.level },
  { header: "Chain (engaged by › ... › this processor)", width: 50, value: chainText },
  { header: "Name", width: 30, value: (r) => r.name },
  { header: "Legal name", width: 30, value: (r) => r.legalName },
  { header: "Role", width: 14, value: (r) => r.role },
  { header: "Service", width: 18, value: (r) => r.service },
  { header: "Country", width: 9, value: (r) => r.country },
  { header: "Country name", width: 20, value: (r) => countryName(r.country) ?? r.country },
  { header: "Status", width: 11, value: (r) => r.status },
  { header: "Engaged by (parent)", width: 30, value: (r) => (r.parentName === null ? null : r.parentStatus === "approved" ? r.parentName : `${r.parentName} (${r.parentStatus})`) },
  { header: "Sub-processing under the parent's agreement", width: 40, value: onwardTransfer },
  { header: "EU-US DPF certified", width: 16, value: dpf },
  { header: "Covered person (28 CFR 202.211)", width: 12, value: (r) => yesNo(r.coveredPerson) },
  { header: "Agreements", width: 30, value: (r) => r.agreementTypes },
  { header: "Agreement expiry", width: 16, value: (r) => r.agreementExpiryDates },
  { header: "Agreement document", width: 30, value: (r) => r.agreementDocumentRefs },
  { header: "Transfers", width: 10, value: (r) => r.transferCount },
  { header: "Destinations", width: 16, value: (r) => r.destinations },
  { header: "Data categories", width: 40, value: (r) => r.categoryKeys },
  { header: "Open flags", width: 10, value: (r) => r.openFlagCount },
  { header: "Worst open severity", width: 12, value: (r) => r.worstOpenSeverity },
  { header: "Open flag rules", width: 40, value: (r) => r.openFlagRuleIds },
];

const SUBPROCESSOR_PDF_COLUMNS: readonly ExportColumn<SubprocessorRow>[] = [
  { header: "Chain", width: 16, value: chainText },
  { header: "Legal name", width: 12, value: (r) => r.legalName },
  { header: "Role / service", width: 9, value: (r) => `${r.role} / ${r.service}` },
  { header: "Country", width: 7, value: (r) => `${r.country} ${countryName(r.country) ?? ""}`.trim() },
  { header: "Under the parent's agreement", width: 11, value: (r) => onwardTransfer(r) ?? "—" },
  { header: "DPF", width: 6, value: dpf },
  { header: "Covered person", width: 5, value: (r) => yesNo(r.coveredPerson) },
  { header: "Agreements (expiry)", width: 12, value: (r) => (r.agreementTypes ? `${r.agreementTypes} (${r.agreementExpiryDates})` : "none") },
  { header: "Transfers (destinations)", width: 8, value: (r) => (r.transferCount > 0 ? `${r.transferCount} (${r.destinations})` : "0") },
  { header: "Open flags", width: 12, value: (r) => (r.openFlagCount > 0 ? `${r.openFlagCount} (worst ${r.worstOpenSeverity}): ${r.openFlagRuleIds}` : "none") },
];

function pendingMark(row: SubprocessorRow): string | null {
  return row.status === "approved" ? null : `processor ${row.status}`;
}

const split = (value: string | null, separator = "; ") => (value ? value.split(separator) : []);

export const subprocessorRecordSchema = z
  .object({
    id: z.string(),
    level: z.number().int().describe("0: engaged by the company; 1: a sub-processor of a level-0 processor; ..."),
    chain: z.array(z.string()).describe("Names from the top-level processor down to this one"),
    name: z.string(),
    legalName: z.string().nullable(),
    role: z.string(),
    service: z.string(),
    country: z.string(),
    status: z.string(),
    pending: z.string().nullable(),
    parent: z
      .object({
        id: z.string(),
        name: z.string(),
        status: z.string(),
        permitsSubprocessing: z.boolean().describe("An active agreement of the parent permits sub-processing (Art. 28(2))"),
        flowDown: z.boolean().describe("... and flows the same obligations down (Art. 28(4))"),
      })
      .nullable(),
    dpf: z.object({ certified: z.boolean(), expiry: z.string().nullable() }),
    coveredPerson: z.boolean(),
    agreements: z.object({ types: z.array(z.string()), expiryDates: z.array(z.string()), documentRefs: z.array(z.string()) }),
    transfers: z.object({ count: z.number().int(), destinations: z.array(z.string()), dataCategories: z.array(z.string()) }),
    openFlags: z.object({ count: z.number().int(), worstSeverity: z.enum(SEVERITIES).nullable(), ruleIds: z.array(z.string()) }),
  })
  .describe("One recipient of the sub-processor list, in engagement order");

export function subprocessorJsonRecord(row: SubprocessorRow): z.input<typeof subprocessorRecordSchema> {
  return {
    id: row.id,
    level: row.level,
    chain: row.chain,
    name: row.name,
    legalName: row.legalName,
    role: row.role,
    service: row.service,
    country: row.country,
    status: row.status,
    pending: pendingMark(row),
    parent:
      row.parentId === null
        ? null
        : {
            id: row.parentId,
            name: row.parentName ?? "",
            status: row.parentStatus ?? "",
            permitsSubprocessing: row.parentPermitsSubprocessing ?? false,
            flowDown: row.parentFlowDown ?? false,
          },
    dpf: { certified: row.dpfCertified, expiry: row.dpfExpiry },
    coveredPerson: row.coveredPerson,
    agreements: { types: split(row.agreementTypes), expiryDates: split(row.agreementExpiryDates), documentRefs: split(row.agreementDocumentRefs) },
    transfers: { count: row.transferCount, destinations: split(row.destinations, ", "), dataCategories: split(row.categoryKeys) },
    openFlags: { count: row.openFlagCount, worstSeverity: row.worstOpenSeverity, ruleIds: split(row.openFlagRuleIds) },
  };
}

export const SUBPROCESSOR_REPORT: ReportDefinition<SubprocessorRow> = {
  report: "subprocessors",
  template: "art-28",
  title: "Sub-processor list (GDPR Art. 28(2), 28(4))",
  language: "en",
  sheetName: "Sub-processors",
  fileName: "subprocessors",
  columns: SUBPROCESSOR_COLUMNS,
  pdfColumns: SUBPROCESSOR_PDF_COLUMNS,
  rows: ({ db, includePending, today }) => iterateSubprocessors({ db, includePending, today }),
  pendingMark,
  jsonRecord: subprocessorJsonRecord,
  jsonSchema: subprocessorRecordSchema,
};
