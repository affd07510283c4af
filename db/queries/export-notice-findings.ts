import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rowsOf } from "./register";
import type { FlagStatus, FlagSubjectType, Severity } from "../schema";

/*
 * The notice findings (lib/exports/notice-findings.ts): every notice.* flag that is not resolved, with what a reader
 * needs to name its subject (the transfer's recipient and route, the processor, the activity), worst first.
 * Notices have tens of findings per register, not thousands: one read.
 */

export interface NoticeFindingExportRow {
  id: string;
  ruleId: string;
  severity: Severity;
  status: FlagStatus;
  subjectType: FlagSubjectType;
  subjectId: string;
  message: string;
  messageFr: string;
  facts: Record<string, unknown>;
  citation: string;
  remediation: string;
  firstSeenAt: Date;
  acceptedUntil: string | null;
  processorName: string | null;
  originCountry: string | null;
  destinationCountry: string | null;
  activityName: string | null;
}

export async function listNoticeFindingsForExport({ db }: { db: Executor }): Promise<NoticeFindingExportRow[]> {
  const rows = rowsOf<{
    id: string;
    rule_id: string;
    severity: Severity;
    status: FlagStatus;
    subject_type: FlagSubjectType;
    subject_id: string;
    message: string;
    message_fr: string;
    facts: Record<string, unknown>;
    citation: string;
    remediation: string;
    first_seen_at: Date | string;
    accepted_until: string | null;
    processor_name: string | null;
    origin_country: string | null;
    destination_country: string | null;
    activity_name: string | null;
  }>(
    await db.execute(sql`
      select f.id, f.rule_id, f.severity, f.status, f.subject_type, f.subject_id, f.message, f.message_fr, f.facts, f.citation,
        f.remediation, f.first_seen_at, f.accepted_until::text as accepted_until, p.name as processor_name,
        t.origin_country, t.destination_country, a.name as activity_name
      from flags f
        left join processors p on p.id = f.processor_id
        left join transfers t on f.subject_type = 'transfer' and t.id = f.subject_id
        left join processing_activities a on f.subject_type = 'activity' and a.id = f.subject_id
      where f.rule_id like 'notice.%' and f.status <> 'resolved'
      order by case f.severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, f.rule_id, p.name, f.subject_id`),
  );
  return rows.map((row) => ({
    id: row.id,
    ruleId: row.rule_id,
    severity: row.severity,
    status: row.status,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    message: row.message,
    messageFr: row.message_fr,
    facts: typeof row.facts === "string" ? JSON.parse(row.facts) : row.facts,
    citation: row.citation,
    remediation: row.remediation,
    firstSeenAt: new Date(row.first_seen_at),
    acceptedUntil: row.accepted_until,
    processorName: row.processor_name,
    originCountry: row.origin_country,
    destinationCountry: row.destination_country,
    activityName: row.activity_name,
  }));
}
