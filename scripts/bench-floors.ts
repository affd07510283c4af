// The floors of `npm run bench`: for each figure, the least the same database needs to do the same reading
// or writing, measured in the same run on the same data, so that a figure reads as "n times what the
// database alone takes" and a slower machine or database moves both alike.
import type { Writable } from "node:stream";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { countTransfersByDestinationAndCategory, countOpenFlagsPerDay, countTransferFlows, EXPIRY_WINDOW_DAYS, listReviewQueue, TREND_DAYS } from "@/db/queries/dashboard";
import { listStoredFlagsPacked, countOpenFlagsBySeverity } from "@/db/queries/flags";
import { countAgreementsExpiring, countProcessorsByStatus } from "@/db/queries/processors";
import { loadPackedRegister } from "@/db/queries/register";
import { countTransfersByDestination } from "@/db/queries/transfers";
import { addDays } from "@/lib/rules/iso-date";

/**
 * Floor of the full re-evaluation: the same reads it starts with (the packed register and the packed
 * stored flags, db/queries), in a transaction as it runs, and nothing else: no rules, no plan, no writes.
 * Not its advisory lock: uncontended, it is one round trip.
 */
export async function readRegisterOnce({ db, today }: { db: Database; today: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await loadPackedRegister({ db: tx, today });
    await listStoredFlagsPacked({ db: tx });
  });
}

/**
 * Floor of one transfer edit: an UPDATE of the same row setting the same two fields to the same values, in
 * a transaction of its own: the write and the commit, without validation, version check, re-evaluation
 * or audit. The version is left alone, so the edits that follow still see the version they expect.
 */
export async function bareTransferUpdate({
  db,
  id,
  encryptionInTransit,
  estimatedSubjects,
}: {
  db: Database;
  id: string;
  encryptionInTransit: string;
  estimatedSubjects: number;
}): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update transfers set encryption_in_transit = ${encryptionInTransit}::encryption_in_transit, estimated_subjects = ${estimatedSubjects}
      where id = ${id}::uuid`);
  });
}

/**
 * Floor of the dashboard: the queries of loadDashboardFigures (db/queries/dashboard.ts), run directly and
 * concurrently as it runs them, without its snapshot cache around them.
 */
export async function dashboardSqlOnce({ db, today }: { db: Executor; today: string }): Promise<void> {
  await Promise.all([
    countProcessorsByStatus({ db }),
    countOpenFlagsBySeverity({ db }),
    // TOP_DESTINATIONS and REVIEW_QUEUE_SIZE of db/queries/dashboard.ts.
    countTransfersByDestination({ db, limit: 8 }),
    countAgreementsExpiring({ db, from: today, until: addDays(today, EXPIRY_WINDOW_DAYS) }),
    countTransfersByDestinationAndCategory({ db }),
    countTransferFlows({ db }),
    countOpenFlagsPerDay({ db, today, days: TREND_DAYS }),
    listReviewQueue({ db, limit: 5 }),
  ]);
}

/** Any write starts a transaction and so changes the MVCC snapshot: the next dashboard read recomputes. */
export async function invalidateSnapshotCache(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_current_xact_id()`);
  });
}

/*
 * Floor of the transfer-register CSV: the database writing the same rows as CSV itself, in one statement
 * (COPY), with nothing of the application in between: the same transfers (approved, of approved
 * importers), in id order, with the same columns, their categories, open flags and covering agreements
 * aggregated in SQL as db/queries/exports.ts does per batch (the covering agreements in the same order:
 * type, expiry latest first and none last, id). Only the destination's country name is left out: it comes
 * from the application's country list, not from the database.
 */
const COVERING_ORDER = "order by a.type, a.expiry_date desc nulls last, a.id";
const agreementList = (value: string) => `string_agg(${value}, '; ' ${COVERING_ORDER})`;
export const TRANSFER_REGISTER_SELECT = `
  select t.id, t.status, e.name as exporter, e.country as exporter_country,
    p.name as importer, p.legal_name as importer_legal_name, p.country as importer_country, p.status as importer_status,
    act.name as activity, t.origin_country, t.destination_country, t.access_type, t.mechanism,
    ag.types as agreements, ag.signed, ag.effective, ag.expiry, ag.document_refs,
    t.tia_date, t.encryption_in_transit, t.encryption_at_rest, c.keys as data_categories,
    t.estimated_subjects, t.volume_unit, t.start_date, t.end_date,
    coalesce(f.n, 0) as open_flags, f.worst as worst_open_severity, f.rules as open_flag_rules
  from transfers t
    join entities e on e.id = t.exporter_entity_id
    join processors p on p.id = t.processor_id
    join processing_activities act on act.id = t.activity_id
    left join (
      select transfer_id, string_agg(category_key, '; ' order by category_key) as keys
      from transfer_data_categories group by transfer_id
    ) c on c.transfer_id = t.id
    left join (
      select subject_id, count(*)::int as n, max(severity) as worst, string_agg(rule_id, '; ' order by rule_id) as rules
      from flags where subject_type = 'transfer' and status = 'open' group by subject_id
    ) f on f.subject_id = t.id
    left join (
      select t2.id,
        ${agreementList("case when a.scc_module is null then a.type::text else a.type::text || ' ' || a.scc_module::text end")} as types,
        ${agreementList("coalesce(a.signed_date::text, '—')")} as signed,
        ${agreementList("coalesce(a.effective_date::text, '—')")} as effective,
        ${agreementList("coalesce(a.expiry_date::text, '—')")} as expiry,
        ${agreementList("coalesce(a.document_ref, '—')")} as document_refs
      from transfers t2
        join safeguard_agreements a on a.processor_id = t2.processor_id
      where a.covers_all_transfers or exists (select 1 from agreement_transfers x where x.agreement_id = a.id and x.transfer_id = t2.id)
      group by t2.id
    ) ag on ag.id = t.id
  where t.status = 'approved' and p.status = 'approved'
  order by t.id`;

const COPY_CSV = `copy (${TRANSFER_REGISTER_SELECT}) to stdout with (format csv, header)`;

/**
 * COPY … TO STDOUT on PostgreSQL, through pg's Submittable interface (what pg-copy-streams does, without
 * the dependency): the CopyData messages go straight into `out` as they arrive. Resolves with the rows
 * COPY reports once the server is ready for the next query.
 */
export async function copyTransferRegisterPostgres({ pool, out }: { pool: pg.Pool; out: Writable }): Promise<number> {
  // A connection of the pool the export would use, already open (the child's first statement opened it).
  const client = await pool.connect();
  try {
    return await new Promise<number>((resolve, reject) => {
      let rows = 0;
      let failure: Error | null = null;
      const copy = {
        submit(connection: { query(text: string): void }) {
          connection.query(COPY_CSV);
        },
        handleCopyData(message: { chunk: Buffer }) {
          out.write(message.chunk);
        },
        handleCommandComplete(message: { text: string }) {
          rows = Number(message.text.split(" ").pop());
        },
        handleError(error: Error) {
          failure = error;
        },
        handleReadyForQuery() {
          if (failure) reject(failure);
          else resolve(rows);
        },
        handleEmptyQuery() {},
        handleRowDescription() {},
        handleDataRow() {},
      };
      void client.query(copy as unknown as pg.QueryConfig);
    });
  } finally {
    client.release();
  }
}

/**
 * PGlite's COPY … TO STDOUT has no client to stream to; its own device '/dev/blob' takes the place: the
 * whole CSV is produced inside the wasm database and handed over as one Blob, written to `out` in one go.
 * Rows: the CSV's lines less the header (no field of this register holds a line break).
 */
export async function copyTransferRegisterPglite({ client, out }: { client: PGlite; out: Writable }): Promise<number> {
  const result = await client.query(`copy (${TRANSFER_REGISTER_SELECT}) to '/dev/blob' with (format csv, header)`);
  if (!result.blob) throw new Error("PGlite returned no blob for COPY … TO '/dev/blob'");
  const bytes = Buffer.from(await result.blob.arrayBuffer());
  out.write(bytes);
  let lines = 0;
  for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) lines++;
  return lines - 1;
}
