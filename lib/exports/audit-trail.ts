import { z } from "zod";
import { iterateAuditTrail, summarizeAuditPeriod, type AuditTrailRow } from "@/db/queries/export-audit";
import { readSignedAuditHead } from "@/lib/audit/current-head";
import { headTime } from "@/lib/audit/head";
import { verifyAuditChain } from "@/lib/audit/verify";
import { canonicalJson } from "@/lib/canonical-json";
import type { ExportColumn, ReportDefinition } from "./report";

/*
 * The audit trail for a period: every event, with its before and after, and its place in the hash chain
 * (previous hash, hash), so that a regulator can check that no event of the period was removed or altered
 * against the chain's head, which the cover and the manifest carry. The trail is append-only and holds no
 * pending state: `pending` does not apply to it.
 */

/** The keys whose values differ between before and after (all keys of a creation or a deletion). */
export function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => canonicalJson(before?.[key]) !== canonicalJson(after?.[key])).sort();
}

const json = (value: Record<string, unknown> | null) => (value === null ? null : canonicalJson(value));

/** A value as the PDF prints it: short, the full JSON being in the CSV, XLSX and JSON exports. */
function brief(value: unknown, max = 120): string {
  const text = value === undefined ? "—" : typeof value === "string" ? value : canonicalJson(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function changesText(row: AuditTrailRow): string {
  const keys = changedKeys(row.before, row.after);
  if (keys.length === 0) return "—";
  return keys.map((key) => `${key}: ${brief(row.before?.[key])} → ${brief(row.after?.[key])}`).join("\n");
}

export const AUDIT_TRAIL_COLUMNS: readonly ExportColumn<AuditTrailRow>[] = [
  { header: "Event", width: 9, value: (r) => r.id },
  { header: "Occurred at (UTC)", width: 24, value: (r) => r.occurredAt.toISOString() },
  { header: "Actor", width: 36, value: (r) => r.actorLabel },
  { header: "Action", width: 16, value: (r) => r.action },
  { header: "Record type", width: 16, value: (r) => r.recordType },
  { header: "Record ID", width: 38, value: (r) => r.recordId },
  { header: "Changed fields", width: 30, value: (r) => changedKeys(r.before, r.after).join("; ") || null },
  { header: "Before (JSON)", width: 60, value: (r) => json(r.before) },
  { header: "After (JSON)", width: 60, value: (r) => json(r.after) },
  { header: "Previous hash", width: 66, value: (r) => r.prevHash },
  { header: "Hash (SHA-256)", width: 66, value: (r) => r.hash },
];

const AUDIT_TRAIL_PDF_COLUMNS: readonly ExportColumn<AuditTrailRow>[] = [
  { header: "Event", width: 4, value: (r) => r.id },
  { header: "Occurred at (UTC)", width: 9, value: (r) => r.occurredAt.toISOString().replace("T", " ").slice(0, 19) },
  { header: "Actor", width: 12, value: (r) => r.actorLabel },
  { header: "Action", width: 7, value: (r) => `${r.action} ${r.recordType}` },
  { header: "Record ID", width: 10, value: (r) => r.recordId },
  { header: "Changes (values shortened; full in CSV/XLSX/JSON)", width: 36, value: changesText },
  { header: "Hash", width: 12, value: (r) => r.hash },
];

export const auditRecordSchema = z
  .object({
    id: z.number().int().describe("Event id: the chain's order"),
    occurredAt: z.string().describe("ISO 8601, UTC"),
    actor: z.string(),
    action: z.string(),
    recordType: z.string(),
    recordId: z.string().nullable(),
    changedFields: z.array(z.string()),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    prevHash: z.string().describe("Hash of the event before it (the genesis hash for the first)"),
    hash: z.string().describe("SHA-256 over prevHash and the event's canonical content (npm run audit:verify)"),
  })
  .describe("One audit event");

export function auditJsonRecord(row: AuditTrailRow): z.input<typeof auditRecordSchema> {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actorLabel,
    action: row.action,
    recordType: row.recordType,
    recordId: row.recordId,
    changedFields: changedKeys(row.before, row.after),
    before: row.before,
    after: row.after,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export const AUDIT_TRAIL_REPORT: ReportDefinition<AuditTrailRow> = {
  report: "audit",
  template: "audit-trail",
  title: "Audit trail",
  language: "en",
  sheetName: "Audit trail",
  fileName: "audit-trail",
  columns: AUDIT_TRAIL_COLUMNS,
  pdfColumns: AUDIT_TRAIL_PDF_COLUMNS,
  rows: ({ db, period }) => iterateAuditTrail({ db, from: period.from, to: period.to }),
  pendingMark: () => null,
  jsonRecord: auditJsonRecord,
  jsonSchema: auditRecordSchema,
  async notes({ db, period }) {
    const summary = await summarizeAuditPeriod({ db, from: period.from, to: period.to });
    // The whole chain is re-hashed from its start (in batches), MACs included: the period is only as good as
    // the chain before it.
    const verification = await verifyAuditChain({ db });
    const signed = await readSignedAuditHead({ db });
    return [
      ["Period (UTC days, inclusive)", `${period.from} to ${period.to}`],
      ["Events in the period", summary.events === 0 ? "0" : `${summary.events} (events ${summary.firstId} to ${summary.lastId})`],
      ["Last hash in the period", summary.lastHash ?? "—"],
      ["Chain head at export", summary.head ? `${summary.head.hash} (event ${summary.head.id})` : "— (empty trail)"],
      [
        "Chain verification at export",
        verification.ok
          ? `Intact: ${verification.checked} events re-hashed from the first to the head, ${verification.keyed} MACs verified with the audit key` +
            (verification.unkeyed > 0 ? ` (${verification.unkeyed} events from before the key carry none)` : "")
          : `BROKEN at event ${verification.brokenAt}: ${verification.reason}`,
      ],
      // The head as signed with the audit key: this file keeps it out of the database's reach, so that
      // `npm run audit:verify` with the manifest detects events removed after the export.
      ["Signed head at export", `${signed.eventCount} events up to event ${signed.lastEventId}, signed ${headTime(signed)}; HMAC-SHA-256 ${signed.signature}`],
    ];
  },
};
