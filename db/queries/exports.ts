import "server-only";
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  appState,
  flags,
  processors,
  transfers,
  type AccessType,
  type AgreementType,
  type DojExemption,
  type EncryptionAtRest,
  type EncryptionInTransit,
  type RecordStatus,
  type SccModule,
  type Severity,
  type TransferMechanism,
  type TransferStatus,
  type VolumeUnit,
} from "../schema";

/** Flags raised on the transfer itself (not on its processor or agreements), still open. */
const openTransferFlags = sql`${flags.subjectType} = 'transfer' and ${flags.subjectId} = ${transfers.id} and ${flags.status} = 'open'`;

export interface IterateTransferRegisterInput {
  db: Executor;
  /** Rows per batch; the table is never read whole. */
  batchSize?: number;
  /**
   * false: the register of record, approved transfers to approved processors only. true: every transfer,
   * whatever its status or its processor's (the status columns tell them apart).
   */
  includePending: boolean;
}

/** One covering agreement, as the JSON export lists it. */
export interface CoveringAgreement {
  type: AgreementType;
  sccModule: SccModule | null;
  signedDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  documentRef: string | null;
}

export interface TransferRegisterRow {
  id: string;
  status: TransferStatus;
  exporterName: string;
  exporterCountry: string;
  importerName: string;
  importerLegalName: string | null;
  importerCountry: string;
  importerStatus: RecordStatus;
  activityName: string;
  originCountry: string;
  destinationCountry: string;
  accessType: AccessType;
  mechanism: TransferMechanism;
  tiaDate: string | null;
  encryptionInTransit: EncryptionInTransit;
  encryptionAtRest: EncryptionAtRest;
  estimatedSubjects: number;
  volumeUnit: VolumeUnit;
  startDate: string | null;
  endDate: string | null;
  /** 28 CFR 202.501-202.511: the DOJ exemption claimed, or null. */
  dojExemption: DojExemption | null;
  /** PIPL Art. 39 separate consent, and the PIPIA date (Art. 55-56). */
  piplSeparateConsent: boolean;
  pipiaDate: string | null;
  /** Types of the covering agreements ("scc module_2"), "; "-separated; null when none. */
  agreementTypes: string | null;
  agreementSignedDates: string | null;
  agreementEffectiveDates: string | null;
  agreementExpiryDates: string | null;
  agreementDocumentRefs: string | null;
  /** The same agreements as records. */
  agreements: CoveringAgreement[];
  categoryKeys: string | null;
  openFlagCount: number;
  worstOpenSeverity: Severity | null;
  openFlagRuleIds: string | null;
}


/*
 * Two statements per batch, each returning its whole result as ONE json value: the embedded database's
 * cost is per field returned far more than per row scanned (30 fields a row made the register slow there),
 * and correlated sub-queries per column cost several times more again.
 *  1. The batch: transfers after the keyset, joined to their exporter, importer and activity.
 *  2. Its aggregates over the batch's id interval, now known to the planner as two bounds, so that each is
 *     an index range scan: categories, open flags, and the covering agreements.
 *
 * The covering agreements are the processor's agreements that cover all its transfers or list this one (the
 * definition of listAgreementsCoveringTransfer), in the order type (enum order), expiry (latest first, none
 * last), id; each agreement column lists them in that same order, so that the n-th item of each describes
 * the same agreement.
 */
async function selectBase(db: Executor, { includePending, after, limit }: { includePending: boolean; after: string | null; limit: number }): Promise<BaseRow[]> {
  // The population of db/queries/population.ts, so that the export equals the dashboard's figures: pending
  // records join the approved ones, but what the DPO turned away (a rejected or offboarded vendor, a rejected or
  // ended transfer) is in neither.
  const scope = includePending
    ? sql`t.status not in ('rejected', 'ended') and p.status not in ('rejected', 'offboarded')`
    : sql`t.status = 'approved' and p.status = 'approved'`;
  const from = after === null ? sql`true` : sql`t.id > ${after}::uuid`;
  const base = await db.execute(sql`
    select json_agg(json_build_array(b.id, b.status, b.exporter_name, b.exporter_country, b.importer_name, b.importer_legal_name,
      b.importer_country, b.importer_status, b.activity_name, b.origin_country, b.destination_country, b.access_type, b.mechanism,
      b.tia_date, b.encryption_in_transit, b.encryption_at_rest, b.estimated_subjects, b.volume_unit, b.start_date, b.end_date,
      b.doj_exemption, b.pipl_separate_consent, b.pipia_date) order by b.id) as rows
    from (
      select t.id, t.status, e.name as exporter_name, e.country as exporter_country,
        p.name as importer_name, p.legal_name as importer_legal_name, p.country as importer_country, p.status as importer_status,
        act.name as activity_name, t.origin_country, t.destination_country, t.access_type, t.mechanism, t.tia_date,
        t.encryption_in_transit, t.encryption_at_rest, t.estimated_subjects, t.volume_unit, t.start_date, t.end_date,
        t.doj_exemption, t.pipl_separate_consent, t.pipia_date
      from transfers t
        join entities e on e.id = t.exporter_entity_id
        join processors p on p.id = t.processor_id
        join processing_activities act on act.id = t.activity_id
      where ${scope} and ${from}
      order by t.id
      limit ${limit}
    ) b`);
  return jsonValue<BaseRow[]>(base) ?? [];
}

async function selectAggregates(db: Executor, batch: readonly BaseRow[], after: string | null): Promise<TransferRegisterRow[]> {
  if (batch.length === 0) return [];
  const upper = batch[batch.length - 1]![0];
  const range = (column: string) =>
    after === null ? sql`${sql.raw(column)} <= ${upper}::uuid` : sql`${sql.raw(column)} > ${after}::uuid and ${sql.raw(column)} <= ${upper}::uuid`;
  const aggregates = await db.execute(sql`
    select json_build_array(
      (select json_agg(json_build_array(c.transfer_id, c.keys)) from (
        select transfer_id, string_agg(category_key, '; ' order by category_key) as keys
        from transfer_data_categories where ${range("transfer_id")} group by transfer_id) c),
      (select json_agg(json_build_array(f.subject_id, f.n, f.worst, f.rules)) from (
        -- The status in the aggregates, not in the where clause: as an index condition the planner would
        -- read every open flag of the register (its status index) for each batch.
        select subject_id, count(*) filter (where status = 'open')::int as n, max(severity) filter (where status = 'open') as worst,
          string_agg(rule_id, '; ' order by rule_id) filter (where status = 'open') as rules
        from flags where subject_type = 'transfer' and ${range("subject_id")}
        group by subject_id having count(*) filter (where status = 'open') > 0) f),
      (select json_agg(json_build_array(c.id, c.list)) from (
        -- One join for the batch, not a lookup per transfer: each of those starts a scan, and on PGlite every
        -- scan start asks its file layer for the relation's size (measured: 110,000 fstat calls per export,
        -- 10,000 with the join; the CSV 0.5 s faster there, the same on PostgreSQL).
        -- Without the agreement's id, which the register does not show: a sixth less JSON to build per batch.
        select t.id, json_agg(json_build_array(a.type, a.scc_module, a.signed_date, a.effective_date, a.expiry_date, a.document_ref)
            order by a.type, a.expiry_date desc nulls last, a.id) as list
        from transfers t
          join safeguard_agreements a on a.processor_id = t.processor_id
        where ${range("t.id")}
          and (a.covers_all_transfers or exists (select 1 from agreement_transfers x where x.agreement_id = a.id and x.transfer_id = t.id))
        group by t.id) c)
    ) as aggregates`);
  const [categories, openFlags, agreements] = jsonValue<AggregateRows>(aggregates) ?? [null, null, null];
  const categoriesOf = new Map((categories ?? []).map(([id, keys]) => [id, keys]));
  const flagsOf = new Map((openFlags ?? []).map(([id, count, worst, rules]) => [id, { count, worst, rules }]));
  const agreementsOf = new Map((agreements ?? []).map(([id, list]) => [id, list]));
  return batch.map((row) => toRow(row, categoriesOf.get(row[0]) ?? null, flagsOf.get(row[0]) ?? null, agreementsOf.get(row[0]) ?? []));
}


type BaseRow = [
  id: string,
  status: TransferStatus,
  exporterName: string,
  exporterCountry: string,
  importerName: string,
  importerLegalName: string | null,
  importerCountry: string,
  importerStatus: RecordStatus,
  activityName: string,
  originCountry: string,
  destinationCountry: string,
  accessType: AccessType,
  mechanism: TransferMechanism,
  tiaDate: string | null,
  encryptionInTransit: EncryptionInTransit,
  encryptionAtRest: EncryptionAtRest,
  estimatedSubjects: number,
  volumeUnit: VolumeUnit,
  startDate: string | null,
  endDate: string | null,
  dojExemption: DojExemption | null,
  piplSeparateConsent: boolean,
  pipiaDate: string | null,
];
type AgreementTuple = [type: AgreementType, sccModule: SccModule | null, signed: string | null, effective: string | null, expiry: string | null, documentRef: string | null];
type AggregateRows = [
  categories: [id: string, keys: string][] | null,
  flags: [id: string, count: number, worst: Severity, rules: string][] | null,
  agreements: [transferId: string, list: AgreementTuple[]][] | null,
];

/** The single json value of a one-row, one-column result (drivers parse json; text is parsed here). */
function jsonValue<T>(result: unknown): T | null {
  const row = (result as { rows: Record<string, unknown>[] }).rows[0];
  const value = row ? Object.values(row)[0] : null;
  if (value === null || value === undefined) return null;
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A missing date or reference in an agreement column: an em dash, never skipped (the columns stay aligned), never a hyphen-minus (a formula to a spreadsheet). */
const GAP = "—";
const listOrNull = (values: readonly string[]) => (values.length ? values.join("; ") : null);

function toRow(
  raw: BaseRow,
  categoryKeys: string | null,
  openFlags: { count: number; worst: Severity; rules: string } | null,
  covering: readonly AgreementTuple[],
): TransferRegisterRow {
  const agreements: CoveringAgreement[] = covering.map(([type, sccModule, signedDate, effectiveDate, expiryDate, documentRef]) => ({
    type,
    sccModule,
    signedDate,
    effectiveDate,
    expiryDate,
    documentRef,
  }));
  return {
    id: raw[0],
    status: raw[1],
    exporterName: raw[2],
    exporterCountry: raw[3],
    importerName: raw[4],
    importerLegalName: raw[5],
    importerCountry: raw[6],
    importerStatus: raw[7],
    activityName: raw[8],
    originCountry: raw[9],
    destinationCountry: raw[10],
    accessType: raw[11],
    mechanism: raw[12],
    tiaDate: raw[13],
    encryptionInTransit: raw[14],
    encryptionAtRest: raw[15],
    estimatedSubjects: Number(raw[16]),
    volumeUnit: raw[17],
    startDate: raw[18],
    endDate: raw[19],
    dojExemption: raw[20],
    piplSeparateConsent: raw[21],
    pipiaDate: raw[22],
    agreementTypes: listOrNull(agreements.map((a) => (a.sccModule ? `${a.type} ${a.sccModule}` : a.type))),
    agreementSignedDates: listOrNull(agreements.map((a) => a.signedDate ?? GAP)),
    agreementEffectiveDates: listOrNull(agreements.map((a) => a.effectiveDate ?? GAP)),
    agreementExpiryDates: listOrNull(agreements.map((a) => a.expiryDate ?? GAP)),
    agreementDocumentRefs: listOrNull(agreements.map((a) => a.documentRef ?? GAP)),
    agreements,
    categoryKeys,
    openFlagCount: openFlags?.count ?? 0,
    worstOpenSeverity: openFlags?.worst ?? null,
    openFlagRuleIds: openFlags?.rules ?? null,
  };
}

/**
 * The Chapter V transfer register (DOMAIN.md §5), one row per transfer, in id order. Keyset pagination
 * (`id > last id ... limit n`): each batch is two indexed statements, whatever the offset, and memory holds
 * two batches (the one being written and the one read ahead). Batches are separate statements, not one
 * snapshot: a transfer changed during a long export appears once, in the state its batch read.
 */
export async function* iterateTransferRegister({
  db,
  batchSize = 2000,
  includePending,
}: IterateTransferRegisterInput): AsyncGenerator<TransferRegisterRow, void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  // Pipelined: as soon as a batch's ids are known, its aggregates and the next batch are read together (on
  // PostgreSQL on two connections, on PGlite one after the other), while the caller writes the rows before.
  let after: string | null = null;
  let base: Promise<BaseRow[]> | null = selectBase(db, { includePending, after, limit: batchSize });
  let aggregates: Promise<TransferRegisterRow[]> | null = null;
  try {
    while (base !== null) {
      const batch: BaseRow[] = await base;
      aggregates = selectAggregates(db, batch, after);
      after = batch.length === batchSize ? batch[batch.length - 1]![0] : null;
      base = after === null ? null : selectBase(db, { includePending, after, limit: batchSize });
      const rows = await aggregates;
      aggregates = null;
      for (const row of rows) yield row;
    }
  } finally {
    // A caller that stops early leaves reads running: their outcome no longer matters.
    base?.catch(() => undefined);
    aggregates?.catch(() => undefined);
  }
}

// Written by lib/flags/evaluation.ts after each full pass of the date-driven rules.
const LAST_FULL_EVALUATION_AT = "flags.lastFullEvaluationAt";

/** When the flags were last fully re-evaluated (ISO timestamp), for the "as of" line of a report; null if never. */
export async function getFlagsEvaluatedAt({ db }: { db: Executor }): Promise<string | null> {
  const rows = await db.select({ value: appState.value }).from(appState).where(inArray(appState.key, [LAST_FULL_EVALUATION_AT]));
  const value = rows[0]?.value;
  return typeof value === "string" ? value : null;
}

export interface DestinationSummaryRow {
  destinationCountry: string;
  transfers: number;
  mechanisms: string | null;
  importers: number;
  openFlags: number;
}

/**
 * The transfer register summed up by destination country (the PDF's first section): a GROUP BY in the
 * database, one row per country, whatever the register's size.
 */
export async function summarizeTransfersByDestination({
  db,
  includePending,
}: {
  db: Executor;
  includePending: boolean;
}): Promise<DestinationSummaryRow[]> {
  const scope = includePending
    ? and(notInArray(transfers.status, ["rejected", "ended"]), notInArray(processors.status, ["rejected", "offboarded"]))
    : and(eq(transfers.status, "approved"), eq(processors.status, "approved"));
  return db
    .select({
      destinationCountry: transfers.destinationCountry,
      transfers: sql<number>`count(*)::int`,
      mechanisms: sql<string | null>`string_agg(distinct ${transfers.mechanism}::text, '; ' order by ${transfers.mechanism}::text)`,
      importers: sql<number>`count(distinct ${transfers.processorId})::int`,
      openFlags: sql<number>`coalesce(sum((select count(*) from ${flags} where ${openTransferFlags})), 0)::int`,
    })
    .from(transfers)
    .innerJoin(processors, eq(processors.id, transfers.processorId))
    .where(scope)
    .groupBy(transfers.destinationCountry)
    .orderBy(asc(transfers.destinationCountry));
}
