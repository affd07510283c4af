import { z } from "zod";
import { iterateAuditTrail, summarizeAuditPeriod, type AuditTrailRow } from "@/db/queries/export-audit";
import { chainBreakReason } from "@/lib/audit/chain-break";
import { readSignedAuditHead } from "@/lib/audit/current-head";
import { headTime } from "@/lib/audit/head";
import { verifyAuditChain } from "@/lib/audit/verify";
import { canonicalJson } from "@/lib/canonical-json";
import { auditActionLabel, auditActorText, auditFieldLabel, auditRecordText, auditRecordTypeLabel, auditValueText } from "./audit-words";
import type { ExportColumn, ReportDefinition, ReportLanguage } from "./report";
import { colon, instant, period } from "./words";

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

const TEXT = {
  en: {
    title: "Audit trail",
    sheet: "Audit trail",
    headers: {
      event: "Event",
      occurredAt: "Occurred at (UTC)",
      actor: "Actor",
      action: "Action",
      recordType: "Record type",
      recordId: "Record ID",
      changedFields: "Changed fields",
      changes: "Changes (before → after)",
      prevHash: "Previous hash",
      hash: "Hash (SHA-256)",
    },
    pdf: { changes: "Changes (values shortened; in full in CSV/XLSX, exact in JSON)", hash: "Hash" },
    notes: {
      period: "Period (UTC days, inclusive)",
      events: "Events in the period",
      eventsValue: (count: number, first: number, last: number) => `${count} (events ${first} to ${last})`,
      lastHash: "Last hash in the period",
      head: "Chain head at export",
      headValue: (hash: string, id: number) => `${hash} (event ${id})`,
      emptyTrail: "— (empty trail)",
      verification: "Chain verification at export",
      intact: (checked: number, keyed: number) => `Intact: ${checked} events re-hashed from the first to the head, ${keyed} MACs verified with the audit key`,
      unkeyed: (count: number) => ` (${count} events from before the key carry none)`,
      broken: (at: number | string, reason: string) => `BROKEN at event ${at}: ${reason}`,
      signedHead: "Signed head at export",
      signedHeadValue: (count: number, last: number | string, at: string, signature: string) => `${count} events up to event ${last}, signed ${at}; HMAC-SHA-256 ${signature}`,
      content: "Event content",
      contentValue: "Each event's exact before and after, which its hash covers, are in the JSON export of this period (npm run audit:verify)",
    },
  },
  fr: {
    title: "Piste d'audit",
    sheet: "Piste d'audit",
    headers: {
      event: "Événement",
      occurredAt: "Date et heure (UTC)",
      actor: "Auteur",
      action: "Action",
      recordType: "Type d'enregistrement",
      recordId: "Identifiant de l'enregistrement",
      changedFields: "Champs modifiés",
      changes: "Modifications (avant → après)",
      prevHash: "Empreinte précédente",
      hash: "Empreinte (SHA-256)",
    },
    pdf: { changes: "Modifications (valeurs abrégées ; complètes en CSV/XLSX, exactes en JSON)", hash: "Empreinte" },
    notes: {
      period: "Période (jours UTC, bornes incluses)",
      events: "Événements de la période",
      eventsValue: (count: number, first: number, last: number) => `${count} (événements ${first} à ${last})`,
      lastHash: "Dernière empreinte de la période",
      head: "Tête de la chaîne à l'export",
      headValue: (hash: string, id: number) => `${hash} (événement ${id})`,
      emptyTrail: "— (piste vide)",
      verification: "Vérification de la chaîne à l'export",
      intact: (checked: number, keyed: number) =>
        `Intacte : ${checked} événements recalculés du premier à la tête, ${keyed} MAC vérifiés avec la clé d'audit`,
      unkeyed: (count: number) => ` (${count} événements antérieurs à la clé n'en portent pas)`,
      broken: (at: number | string, reason: string) => `ROMPUE à l'événement ${at} : ${reason}`,
      signedHead: "Tête signée à l'export",
      signedHeadValue: (count: number, last: number | string, at: string, signature: string) =>
        `${count} événements jusqu'à l'événement ${last}, signée le ${at} ; HMAC-SHA-256 ${signature}`,
      content: "Contenu des événements",
      contentValue: "L'état exact avant et après de chaque événement, que couvre son empreinte, figure dans l'export JSON de cette période (npm run audit:verify)",
    },
  },
} as const satisfies Record<ReportLanguage, unknown>;

/** A value as the PDF prints it: short, the full text being in the CSV and XLSX exports. */
function brief(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One line per changed field: "Encryption in transit: None → TLS 1.3" (a creation: "— → …"). */
function changesText(row: AuditTrailRow, language: ReportLanguage, shorten = false): string | null {
  const keys = changedKeys(row.before, row.after);
  if (keys.length === 0) return null;
  const value = (side: Record<string, unknown> | null, key: string) => {
    const text = auditValueText(row.recordType, key, side?.[key], language);
    return shorten ? brief(text) : text;
  };
  return keys.map((key) => `${auditFieldLabel(row.recordType, key, language)}${colon(language)}${value(row.before, key)} → ${value(row.after, key)}`).join("\n");
}

const changedFieldLabels = (row: AuditTrailRow, language: ReportLanguage) =>
  changedKeys(row.before, row.after)
    .map((key) => auditFieldLabel(row.recordType, key, language))
    .join("; ") || null;

function auditColumns(language: ReportLanguage) {
  const { headers: h, pdf: p } = TEXT[language];
  const columns: ExportColumn<AuditTrailRow>[] = [
    { header: h.event, width: 9, value: (r) => r.id },
    { header: h.occurredAt, width: 24, value: (r) => instant(r.occurredAt, language) },
    { header: h.actor, width: 36, value: (r) => auditActorText(r.actorLabel, language) },
    { header: h.action, width: 16, value: (r) => auditActionLabel(r.action, language) },
    { header: h.recordType, width: 16, value: (r) => auditRecordTypeLabel(r.recordType, language) },
    { header: h.recordId, width: 38, value: (r) => auditRecordText(r.recordType, r.recordId, language) },
    { header: h.changedFields, width: 30, value: (r) => changedFieldLabels(r, language) },
    { header: h.changes, width: 80, value: (r) => changesText(r, language) },
    { header: h.prevHash, width: 66, value: (r) => r.prevHash },
    { header: h.hash, width: 66, value: (r) => r.hash },
  ];
  const pdfColumns: ExportColumn<AuditTrailRow>[] = [
    { header: h.event, width: 4, value: (r) => r.id },
    { header: h.occurredAt, width: 9, value: (r) => instant(r.occurredAt, language) },
    { header: h.actor, width: 12, value: (r) => auditActorText(r.actorLabel, language) },
    { header: h.action, width: 7, value: (r) => `${auditActionLabel(r.action, language)} (${auditRecordTypeLabel(r.recordType, language).toLocaleLowerCase(language)})` },
    { header: h.recordId, width: 10, value: (r) => auditRecordText(r.recordType, r.recordId, language) },
    { header: p.changes, width: 36, value: (r) => changesText(r, language, true) ?? "—" },
    { header: p.hash, width: 12, value: (r) => r.hash },
  ];
  return { columns, pdfColumns };
}

export const auditRecordSchema = z
  .object({
    id: z.number().int().describe("Event id: the chain's order"),
    occurredAt: z.string().describe("ISO 8601, UTC"),
    actor: z.string(),
    action: z.string(),
    actionLabel: z.string().describe("The action in the export's language"),
    recordType: z.string(),
    recordTypeLabel: z.string(),
    recordId: z.string().nullable(),
    changedFields: z.array(z.string()),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    prevHash: z.string().describe("Hash of the event before it (the genesis hash for the first)"),
    hash: z.string().describe("SHA-256 over prevHash and the event's canonical content (npm run audit:verify)"),
  })
  .describe("One audit event");

export function auditJsonRecord(row: AuditTrailRow, language: ReportLanguage = "en"): z.input<typeof auditRecordSchema> {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actorLabel,
    action: row.action,
    actionLabel: auditActionLabel(row.action, language),
    recordType: row.recordType,
    recordTypeLabel: auditRecordTypeLabel(row.recordType, language),
    recordId: row.recordId,
    changedFields: changedKeys(row.before, row.after),
    before: row.before,
    after: row.after,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

function auditTrailDefinition(language: ReportLanguage): ReportDefinition<AuditTrailRow> {
  const text = TEXT[language];
  const { columns, pdfColumns } = auditColumns(language);
  return {
    report: "audit",
    template: "audit-trail",
    title: text.title,
    language,
    sheetName: text.sheet,
    fileName: "audit-trail",
    columns,
    pdfColumns,
    rows: ({ db, period: days }) => iterateAuditTrail({ db, from: days.from, to: days.to }),
    pendingMark: () => null,
    jsonRecord: (row) => auditJsonRecord(row, language),
    jsonSchema: auditRecordSchema,
    async notes({ db, period: days }) {
      const n = text.notes;
      const summary = await summarizeAuditPeriod({ db, from: days.from, to: days.to });
      // The whole chain is re-hashed from its start (in batches), MACs included: the period is only as good as
      // the chain before it.
      const verification = await verifyAuditChain({ db });
      const signed = await readSignedAuditHead({ db });
      return [
        [n.period, period(days.from, days.to, language)],
        [n.events, summary.events === 0 ? "0" : n.eventsValue(summary.events, summary.firstId!, summary.lastId!)],
        [n.lastHash, summary.lastHash ?? "—"],
        [n.head, summary.head ? n.headValue(summary.head.hash, summary.head.id) : n.emptyTrail],
        [
          n.verification,
          verification.ok
            ? n.intact(verification.checked, verification.keyed) + (verification.unkeyed > 0 ? n.unkeyed(verification.unkeyed) : "")
            : n.broken(verification.brokenAt, chainBreakReason(verification.reasonCode, language)),
        ],
        // The head as signed with the audit key: this file keeps it out of the database's reach, so that
        // `npm run audit:verify` with the manifest detects events removed after the export.
        [n.signedHead, n.signedHeadValue(signed.eventCount, signed.lastEventId, instant(new Date(headTime(signed)), language), signed.signature)],
        [n.content, n.contentValue],
      ];
    },
  };
}

const DEFINITIONS: Readonly<Record<ReportLanguage, ReportDefinition<AuditTrailRow>>> = {
  en: auditTrailDefinition("en"),
  fr: auditTrailDefinition("fr"),
};

export function auditTrailReport(language: ReportLanguage = "en"): ReportDefinition<AuditTrailRow> {
  return DEFINITIONS[language];
}

export const AUDIT_TRAIL_REPORT = DEFINITIONS.en;
export const AUDIT_TRAIL_COLUMNS: readonly ExportColumn<AuditTrailRow>[] = DEFINITIONS.en.columns;
