import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import type { AgreementType, FlagSubjectType, RecordStatus, SccModule, Severity, TransferStatus } from "../schema";
import { flagInPopulation } from "./population";

/*
 * The accepted risks (lib/exports/risks.ts): every flag the DPO accepted and that is still accepted, with who
 * accepted it, why and until when, and what a reader needs to name its subject (the transfer's exporter,
 * importer, destination and activity; the processor; the agreement's type and processor), not its id alone.
 *
 * Unqualified table names, so that a point-in-time export reads the tables lib/exports/as-of.ts shadows
 * (its flags are re-evaluated on that day's register from the risks accepted by then). Keyset-paged on
 * (accepted until, id): the ones ending first come first, and memory holds one batch.
 */

export interface AcceptedRiskRow {
  id: string;
  ruleId: string;
  severity: Severity;
  /** The severity when the risk was accepted (a worse one reopens the flag). */
  acceptedSeverity: Severity | null;
  subjectType: FlagSubjectType;
  subjectId: string;
  message: string;
  /** The finding in French; empty for a flag not re-evaluated since findings were worded in French. */
  messageFr: string;
  facts: Record<string, unknown>;
  citation: string;
  firstSeenAt: Date;
  acceptedByName: string | null;
  acceptedAt: Date | null;
  justification: string | null;
  /** YYYY-MM-DD; the last day the acceptance holds. */
  acceptedUntil: string | null;
  /** The processor the flag concerns (its own, its transfer's or its agreement's). */
  processorName: string | null;
  processorStatus: RecordStatus | null;
  transfer: {
    exporterName: string;
    importerName: string;
    originCountry: string;
    destinationCountry: string;
    activityName: string;
    status: TransferStatus;
  } | null;
  agreement: { type: AgreementType; sccModule: SccModule | null } | null;
}

interface RawRiskRow {
  id: string;
  rule_id: string;
  severity: Severity;
  accepted_severity: Severity | null;
  subject_type: FlagSubjectType;
  subject_id: string;
  message: string;
  message_fr: string | null;
  facts: Record<string, unknown> | string | null;
  citation: string;
  first_seen_at: string | Date;
  accepted_by_name: string | null;
  accepted_at: string | Date | null;
  acceptance_justification: string | null;
  accepted_until: string | null;
  processor_name: string | null;
  processor_status: RecordStatus | null;
  exporter_name: string | null;
  importer_name: string | null;
  origin_country: string | null;
  destination_country: string | null;
  activity_name: string | null;
  transfer_status: TransferStatus | null;
  agreement_type: AgreementType | null;
  scc_module: SccModule | null;
  sort_until: string;
}

export interface IterateAcceptedRisksInput {
  db: Executor;
  /** false: flags whose subject is of record (approved); true: pending subjects too (db/queries/population.ts). */
  includePending: boolean;
  batchSize?: number;
}

// A flag accepted before acceptances carried an end (none today: the service requires one) sorts last.
const SORT_UNTIL = sql.raw(`coalesce(f.accepted_until::text, '9999-12-31')`);

async function selectBatch(db: Executor, { includePending, after, limit }: { includePending: boolean; after: { until: string; id: string } | null; limit: number }) {
  const from = after === null ? sql`true` : sql`(${SORT_UNTIL}, f.id) > (${after.until}, ${after.id}::uuid)`;
  const result = await db.execute(sql`
    select f.id, f.rule_id, f.severity, f.accepted_severity, f.subject_type, f.subject_id, f.message, f.message_fr, f.facts, f.citation,
      f.first_seen_at, u.name as accepted_by_name, f.accepted_at, f.acceptance_justification, f.accepted_until::text as accepted_until,
      p.name as processor_name, p.status as processor_status,
      e.name as exporter_name, ti.name as importer_name, t.origin_country, t.destination_country, a.name as activity_name,
      t.status as transfer_status, sa.type as agreement_type, sa.scc_module, ${SORT_UNTIL} as sort_until
    from flags f
      left join users u on u.id = f.accepted_by_user_id
      left join transfers t on f.subject_type = 'transfer' and t.id = f.subject_id
      left join entities e on e.id = t.exporter_entity_id
      left join processors ti on ti.id = t.processor_id
      left join processing_activities a on a.id = t.activity_id
      left join safeguard_agreements sa on f.subject_type = 'agreement' and sa.id = f.subject_id
      left join processors p on p.id = coalesce(f.processor_id, t.processor_id, sa.processor_id)
    where f.status = 'accepted'
      and ${flagInPopulation(includePending ? "include" : "exclude", sql`f.subject_type`, sql`f.subject_id`)}
      and ${from}
    order by ${SORT_UNTIL}, f.id
    limit ${limit}`);
  return (result as unknown as { rows: RawRiskRow[] }).rows;
}

const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

function toRow(raw: RawRiskRow): AcceptedRiskRow {
  return {
    id: raw.id,
    ruleId: raw.rule_id,
    severity: raw.severity,
    acceptedSeverity: raw.accepted_severity,
    subjectType: raw.subject_type,
    subjectId: raw.subject_id,
    message: raw.message,
    messageFr: raw.message_fr ?? "",
    // PGlite parses jsonb; node-postgres too, but a driver may hand it over as text.
    facts: typeof raw.facts === "string" ? (JSON.parse(raw.facts) as Record<string, unknown>) : (raw.facts ?? {}),
    citation: raw.citation,
    firstSeenAt: asDate(raw.first_seen_at),
    acceptedByName: raw.accepted_by_name,
    acceptedAt: raw.accepted_at === null ? null : asDate(raw.accepted_at),
    justification: raw.acceptance_justification,
    acceptedUntil: raw.accepted_until,
    processorName: raw.processor_name,
    processorStatus: raw.processor_status,
    transfer:
      raw.subject_type === "transfer" && raw.importer_name !== null
        ? {
            exporterName: raw.exporter_name ?? "",
            importerName: raw.importer_name,
            originCountry: raw.origin_country ?? "",
            destinationCountry: raw.destination_country ?? "",
            activityName: raw.activity_name ?? "",
            status: raw.transfer_status!,
          }
        : null,
    agreement: raw.subject_type === "agreement" && raw.agreement_type !== null ? { type: raw.agreement_type, sccModule: raw.scc_module } : null,
  };
}

/** Every accepted flag in the population, the acceptances ending first first, in keyset batches. */
export async function* iterateAcceptedRisks({ db, includePending, batchSize = 500 }: IterateAcceptedRisksInput): AsyncGenerator<AcceptedRiskRow, void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  let after: { until: string; id: string } | null = null;
  for (;;) {
    const batch = await selectBatch(db, { includePending, after, limit: batchSize });
    for (const raw of batch) yield toRow(raw);
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1]!;
    after = { until: last.sort_until, id: last.id };
  }
}
